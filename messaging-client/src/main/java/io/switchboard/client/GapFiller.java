package io.switchboard.client;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Fills a {@code sync:gap} from the history API, page by page, through the receiver, so the filled messages are
 * handed over and acknowledged exactly like live ones and the messages held back behind the gap follow them.
 */
final class GapFiller {

    private static final System.Logger LOG = System.getLogger(GapFiller.class.getName());

    private final HistoryClient history;
    private final Receiver receiver;
    private final Executor eventThread;
    private final int pageSize;

    GapFiller(HistoryClient history, Receiver receiver, Executor eventThread, int pageSize) {
        this.history = history;
        this.receiver = receiver;
        this.eventThread = eventThread;
        this.pageSize = pageSize;
    }

    CompletableFuture<Void> fill(Gap gap) {
        return page(gap, gap.fromSeq() - 1);
    }

    private CompletableFuture<Void> page(Gap gap, long after) {
        int limit = (int) Math.max(1, Math.min(pageSize, gap.toSeq() - after));
        return history.fetch(gap.conversationId(), after, limit)
                .thenComposeAsync(page -> next(gap, after, page), eventThread);
    }

    private CompletableFuture<Void> next(Gap gap, long after, HistoryPage page) {
        receiver.received(page.messages());
        List<Message> messages = page.messages();
        long last = messages.isEmpty() ? after : messages.get(messages.size() - 1).seq();
        if (page.hasMore() && last < gap.toSeq() && last > after) {
            return page(gap, last);
        }
        if (receiver.cursor(gap.conversationId()) < gap.toSeq()) {
            // The server has nothing more for the range (retention removed it); waiting would stall the conversation.
            LOG.log(Level.WARNING, "History of {0} ends before seq {1}; skipping the rest of the gap",
                    gap.conversationId(), gap.toSeq());
            receiver.skipTo(gap.conversationId(), gap.toSeq());
        }
        return CompletableFuture.completedFuture(null);
    }
}
