package io.switchboard.conversations.boundary;

import static io.switchboard.testing.Answers.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.conversations.entity.Priority;
import io.switchboard.testing.Answers;
import io.switchboard.testing.InServer;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** History paging against the database: a conversation with seqs 1..10, read forwards, backwards and in between. */
@ExtendWith(ArquillianExtension.class)
public class HistoryIT {

    static final int MESSAGES = 10;

    @Deployment
    public static WebArchive deployment() {
        return InServer.deployment(HistoryIT.class, Answers.class);
    }

    @Inject
    Conversations cut;

    @Inject
    Sends sends;

    String alice;
    String conversation;

    @BeforeEach
    void tenMessages() {
        alice = "alice-" + UUID.randomUUID();
        conversation = cut.createDirect(alice, "bob-" + UUID.randomUUID()).id();
        for (int i = 1; i <= MESSAGES; i++) {
            await(sends.send(new SendCommand(alice, "a-" + i, conversation, "message " + i, Priority.NORMAL)));
        }
    }

    @Test
    void withoutBoundsTheOldestComeFirst() {
        assertPage(null, null, 4, true, 1, 2, 3, 4);
        assertPage(null, null, MESSAGES, false, LongStream.rangeClosed(1, MESSAGES).toArray());
    }

    @Test
    void afterPagesForwardUntilTheEnd() {
        assertPage(0L, null, 4, true, 1, 2, 3, 4);
        assertPage(4L, null, 4, true, 5, 6, 7, 8);
        assertPage(8L, null, 4, false, 9, 10);
        assertPage(10L, null, 4, false);
    }

    @Test
    void beforeAloneReturnsTheNewestOlderMessagesInAscendingOrder() {
        assertPage(null, 11L, 3, true, 8, 9, 10);
        assertPage(null, 8L, 3, true, 5, 6, 7);
        assertPage(null, 3L, 5, false, 1, 2);
        assertPage(null, 1L, 5, false);
    }

    @Test
    void afterAndBeforeTogetherAreExclusiveBounds() {
        assertPage(2L, 6L, 10, false, 3, 4, 5);
        assertPage(2L, 9L, 3, true, 3, 4, 5);
        assertPage(5L, 6L, 10, false);
    }

    private void assertPage(Long after, Long before, int limit, boolean hasMore, long... seqs) {
        HistoryPage page = cut.history(alice, conversation, new HistoryQuery(after, before, limit));
        assertThat(page.messages()).as("after=%s before=%s limit=%s", after, before, limit)
                .extracting(MessageView::seq).containsExactly(box(seqs));
        assertThat(page.messages()).allSatisfy(m -> assertThat(m.text()).isEqualTo("message " + m.seq()));
        assertThat(page.hasMore()).as("hasMore after=%s before=%s limit=%s", after, before, limit)
                .isEqualTo(hasMore);
    }

    private static Long[] box(long[] seqs) {
        return LongStream.of(seqs).boxed().toArray(Long[]::new);
    }
}
