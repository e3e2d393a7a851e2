package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxFileTest {

    @TempDir
    Path directory;

    private OutboxFile cut;

    @AfterEach
    void closeFile() {
        if (cut != null) {
            cut.close();
        }
    }

    @Test
    void aRestartFindsExactlyTheUnacknowledgedSendsWithTheirIdsAndOrder() {
        Path file = directory.resolve("outbox.log");
        Outbox before = new Outbox(10, new OutboxFile(file));
        before.add("id-1", "c1", "first", Priority.NORMAL);
        before.add("id-2", "c1", "second\nline with \"quotes\" and é", Priority.HIGH);
        before.add("id-3", "c2", "third", Priority.NORMAL);
        before.remove("id-1");
        before.close();

        cut = new OutboxFile(file);
        Outbox after = new Outbox(10, cut);

        assertThat(after.takeWaiting()).containsExactly(
                new OutboxEntry(1, "id-2", "c1", "second\nline with \"quotes\" and é", Priority.HIGH),
                new OutboxEntry(2, "id-3", "c2", "third", Priority.NORMAL));
    }

    @Test
    void newSendsAfterARestartQueueBehindTheRecoveredOnes() {
        Path file = directory.resolve("outbox.log");
        Outbox before = new Outbox(10, new OutboxFile(file));
        before.add("old", "c", "old", Priority.NORMAL);
        before.close();

        cut = new OutboxFile(file);
        Outbox after = new Outbox(10, cut);
        after.add("new", "c", "new", Priority.NORMAL);

        assertThat(after.takeWaiting()).extracting(OutboxEntry::clientMessageId).containsExactly("old", "new");
    }

    @Test
    void aTornLastLineIsSkipped() throws IOException {
        Path file = directory.resolve("outbox.log");
        OutboxFile first = new OutboxFile(file);
        first.added(new OutboxEntry(0, "id-1", "c", "kept", Priority.NORMAL));
        first.close();
        Files.writeString(file, "{\"op\":\"add\",\"order\":1,\"clientMe", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        cut = new OutboxFile(file);

        assertThat(cut.load()).extracting(OutboxEntry::clientMessageId).containsExactly("id-1");
    }

    @Test
    void compactsTheLogWhenRemovalsPileUp() throws IOException {
        Path file = directory.resolve("outbox.log");
        cut = new OutboxFile(file);
        for (int i = 0; i < 400; i++) {
            cut.added(new OutboxEntry(i, "id-" + i, "c", "text", Priority.NORMAL));
            cut.removed("id-" + i);
        }
        cut.added(new OutboxEntry(400, "kept", "c", "text", Priority.NORMAL));

        assertThat(Files.readAllLines(file).size()).isLessThan(300);
        cut.close();
        cut = new OutboxFile(file);
        assertThat(cut.load()).extracting(OutboxEntry::clientMessageId).containsExactly("kept");
        assertThat(Files.readAllLines(file)).hasSize(1);
    }

    @Test
    void createsMissingDirectories() {
        cut = new OutboxFile(directory.resolve("a/b/outbox.log"));

        cut.added(new OutboxEntry(0, "id", "c", "text", Priority.NORMAL));

        assertThat(directory.resolve("a/b/outbox.log")).exists();
    }
}
