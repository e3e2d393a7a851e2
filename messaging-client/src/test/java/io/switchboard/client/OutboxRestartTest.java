package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.client.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxRestartTest {

    @TempDir
    Path directory;

    private final FakeTransport transport = new FakeTransport();
    private SwitchboardClient cut;

    @AfterEach
    void close() {
        cut.close();
    }

    @Test
    void aRestartedClientResendsWhatWasNotAcknowledgedWithTheSameIds() throws Exception {
        Path file = directory.resolve("outbox.log");
        SwitchboardClient before = client(file);
        before.send("c1", "sent while offline");
        before.send("c1", "urgent", Priority.HIGH);
        before.close();

        cut = client(file);
        cut.connect();
        FakeLink link = transport.nextSession();
        JsonObject first = link.next("message:send");
        JsonObject second = link.next("message:send");
        link.acknowledge(first, 1);
        link.acknowledge(second, 2);

        assertThat(first.string("text")).isEqualTo("urgent");
        assertThat(cut.recoveredSends()).containsOnlyKeys(first.string("clientMessageId"),
                second.string("clientMessageId"));
        CompletableFuture<SentAck> recovered = cut.recoveredSends().get(second.string("clientMessageId"));
        assertThat(recovered.get(5, TimeUnit.SECONDS).seq()).isEqualTo(2);
    }

    @Test
    void anAcknowledgedSendIsNotResentAfterARestart() {
        Path file = directory.resolve("outbox.log");
        SwitchboardClient before = client(file);
        before.connect();
        FakeLink link = transport.nextSession();
        CompletableFuture<SentAck> sent = before.send("c1", "hello");
        link.acknowledge(link.next("message:send"), 1);
        await().until(sent::isDone);
        before.close();

        cut = client(file);

        assertThat(cut.recoveredSends()).isEmpty();
    }

    private SwitchboardClient client(Path file) {
        return TestClients.builder(transport).options(TestClients.fastOptions().outboxFile(file)).build();
    }
}
