package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private Outbox cut = new Outbox(10, OutboxStore.MEMORY);

    @Test
    void sendsHighPriorityFirstThenInOrder() {
        cut.add("n1", "c", "normal 1", Priority.NORMAL);
        cut.add("h1", "c", "high 1", Priority.HIGH);
        cut.add("n2", "c", "normal 2", Priority.NORMAL);
        cut.add("h2", "c", "high 2", Priority.HIGH);

        assertThat(cut.takeWaiting()).extracting(OutboxEntry::clientMessageId).containsExactly("h1", "h2", "n1", "n2");
        assertThat(cut.takeWaiting()).isEmpty();
    }

    @Property
    void highFirstAndFifoWithinEachPriority(@ForAll @Size(max = 50) List<Priority> priorities) {
        cut = new Outbox(100, OutboxStore.MEMORY);
        List<String> high = new ArrayList<>();
        List<String> normal = new ArrayList<>();
        for (int i = 0; i < priorities.size(); i++) {
            cut.add("m" + i, "c", "text", priorities.get(i));
            (priorities.get(i) == Priority.HIGH ? high : normal).add("m" + i);
        }
        List<String> expected = new ArrayList<>(high);
        expected.addAll(normal);

        assertThat(cut.takeWaiting()).extracting(OutboxEntry::clientMessageId).containsExactlyElementsOf(expected);
    }

    @Test
    void aLostConnectionPutsEverythingBackInTheOriginalOrder() {
        cut.add("n1", "c", "normal 1", Priority.NORMAL);
        cut.add("h1", "c", "high 1", Priority.HIGH);
        cut.takeWaiting();
        cut.add("n2", "c", "normal 2", Priority.NORMAL);

        cut.putBackAll();

        assertThat(cut.takeWaiting()).extracting(OutboxEntry::clientMessageId).containsExactly("h1", "n1", "n2");
    }

    @Test
    void refusesSendsBeyondItsCapacityUntilOneIsAcknowledged() {
        cut = new Outbox(2, OutboxStore.MEMORY);
        cut.add("a", "c", "1", Priority.NORMAL);
        cut.add("b", "c", "2", Priority.NORMAL);

        assertThat(cut.add("c", "c", "3", Priority.HIGH)).isEmpty();
        assertThat(cut.remove("a")).isTrue();
        assertThat(cut.add("c", "c", "3", Priority.HIGH)).isPresent();
    }

    @Test
    void anAcknowledgedEntryIsNotPutBack() {
        cut.add("a", "c", "1", Priority.NORMAL);
        cut.takeWaiting();
        cut.remove("a");

        cut.putBack("a");
        cut.putBackAll();

        assertThat(cut.takeWaiting()).isEmpty();
        assertThat(cut.size()).isZero();
    }
}
