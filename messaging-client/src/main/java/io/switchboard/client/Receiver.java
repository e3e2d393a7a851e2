package io.switchboard.client;

import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Hands messages to the application once each and in order, then acknowledges them. The ack goes out after the
 * listener has returned, so a crash inside the listener leaves the message unacknowledged and the server offers it
 * again. While offline no ack is sent: the next connection states the cursors in {@code resume} instead.
 * Event thread only.
 */
final class Receiver {

    private static final System.Logger LOG = System.getLogger(Receiver.class.getName());

    private final Inbox inbox;
    private final MessageListener listener;
    private final Connection connection;

    Receiver(Inbox inbox, MessageListener listener, Connection connection) {
        this.inbox = inbox;
        this.listener = listener;
        this.connection = connection;
    }

    void received(Message message) {
        deliver(inbox.accept(message));
    }

    /**
     * A message this connection sent, known from its {@code message:sent}, which the server sends after every
     * earlier message of the conversation that it pushes here. It takes its place in order like a pushed one, but
     * needs no ack of its own: the server counts it as received by this device.
     */
    void sentHere(Message message) {
        List<Message> run = inbox.accept(message);
        if (run.size() == 1 && run.get(0).equals(message)) {
            handOver(run);
        } else {
            deliver(run);
        }
    }

    /** A page of history: each message goes through the same de-duplication and ordering as live ones. */
    void received(List<Message> page) {
        page.forEach(this::received);
    }

    void gap(Gap gap) {
        inbox.gap(gap);
    }

    void skipTo(String conversationId, long seq) {
        deliver(inbox.skipTo(conversationId, seq));
    }

    long cursor(String conversationId) {
        return inbox.cursor(conversationId);
    }

    private void deliver(List<Message> run) {
        if (run.isEmpty()) {
            return;
        }
        handOver(run);
        Message last = run.get(run.size() - 1);
        connection.send(Frames.ack(last.conversationId(), last.seq()));
    }

    private void handOver(List<Message> run) {
        for (Message message : run) {
            try {
                listener.onMessage(message);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The message listener failed on " + message.conversationId() + "#"
                        + message.seq() + "; the message counts as delivered", e);
            }
        }
    }
}
