package io.switchboard.client;

import io.switchboard.client.Transport.Link;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Carries what the transport reports about one attempt, from whatever thread reports it, onto the event thread,
 * tagged with the attempt's generation so that the connection can ignore attempts it has given up on.
 */
final class AttemptEvents implements Transport.LinkHandler {

    private final Connection connection;
    private final int attempt;
    private final Executor eventThread;

    AttemptEvents(Connection connection, int attempt, Executor eventThread) {
        this.connection = connection;
        this.attempt = attempt;
        this.eventThread = eventThread;
    }

    /** Only failures matter here: success is reported through {@link #onOpen(Link)}, ahead of any frame. */
    void openFinished(Throwable error) {
        if (error != null) {
            hop(() -> connection.lost(attempt, Failures.classify(error)), null);
        }
    }

    @Override
    public void onOpen(Link link) {
        hop(() -> connection.opened(attempt, link), link);
    }

    @Override
    public void onText(String text) {
        hop(() -> connection.received(attempt, text), null);
    }

    @Override
    public void onActivity() {
        hop(() -> connection.alive(attempt), null);
    }

    @Override
    public void onClosed(int code, String reason) {
        hop(() -> connection.lost(attempt, Disconnect.closed(code, reason)), null);
    }

    @Override
    public void onFailure(Throwable error) {
        hop(() -> connection.lost(attempt, Failures.dropped(error)), null);
    }

    /** If the client was closed meanwhile, the only thing left to do is to drop a connection nobody will use. */
    private void hop(Runnable task, Link orphan) {
        try {
            eventThread.execute(task);
        } catch (RejectedExecutionException closed) {
            if (orphan != null) {
                orphan.abort();
            }
        }
    }
}
