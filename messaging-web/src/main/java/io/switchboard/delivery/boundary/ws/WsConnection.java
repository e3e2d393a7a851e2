package io.switchboard.delivery.boundary.ws;

import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.monitoring.boundary.Telemetry;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One device's session with its bounded outbound queue. The container allows one asynchronous send at a time per
 * session, so frames queue here and each completion starts the next; a queue that fills up means the device does
 * not read, and it is closed with 4000 rather than let memory grow.
 */
final class WsConnection extends ChatConnection {

    private static final Logger LOG = Logger.getLogger(WsConnection.class.getName());

    private final Session session;
    private final int capacity;
    private final ArrayDeque<Outbound> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean closing;

    WsConnection(Session session, String userId, String deviceId, int capacity, int sendWindow,
            FrameEncoder encoder, Telemetry telemetry) {
        super(userId, deviceId, sendWindow, encoder, telemetry);
        this.session = session;
        this.capacity = capacity;
    }

    @Override
    public String sessionId() {
        return session.getId();
    }

    @Override
    void push(MessageView message, boolean redelivery) {
        enqueue(new Outbound(encoder.encodePush(message, redelivery), null));
    }

    @Override
    public synchronized int room() {
        return closing ? 0 : capacity - queue.size();
    }

    /** Waits until fewer sends than the window are unanswered; false only when the thread is interrupted. */
    @Override
    boolean awaitSendSlot() {
        try {
            sendWindow.acquire();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    void send(ServerFrame frame) {
        enqueue(new Outbound(encoder.encode(frame), null));
    }

    @Override
    void answerSend(ServerFrame frame) {
        enqueue(new Outbound(encoder.encode(frame), sendWindow::release));
    }

    private void enqueue(Outbound frame) {
        boolean overflow = false;
        synchronized (this) {
            if (closing) {
                frame.written();
                return;
            }
            if (queue.size() >= capacity) {
                closing = true;
                overflow = true;
            } else if (sending) {
                queue.add(frame);
                return;
            } else {
                sending = true;
            }
        }
        if (overflow) {
            frame.written();
            telemetry.slowConsumer();
            close(CloseCodes.SLOW_CONSUMER.reason("outbound queue full"));
        } else {
            write(frame);
        }
    }

    /**
     * Hands one frame to the container. A session that the peer closed before this side noticed refuses the write
     * with IllegalStateException (the WebSocket API's rule for a closed session): the device is gone, which is no
     * server fault, so nothing more is written and every frame still waiting counts as written, giving back the
     * places of the sends they answer.
     */
    private void write(Outbound frame) {
        try {
            sendAsync(frame);
        } catch (IllegalStateException closed) {
            LOG.log(Level.FINE, "event=send_failed reason=closed session=" + sessionId(), closed);
            frame.written();
            stop().forEach(Outbound::written);
        }
    }

    private void sendAsync(Outbound frame) {
        session.getAsyncRemote().sendText(frame.text(), result -> {
            if (!result.isOK()) {
                LOG.log(Level.FINE, "event=send_failed session=" + sessionId(), result.getException());
            }
            frame.written();
            Outbound next;
            synchronized (this) {
                next = queue.poll();
                sending = next != null;
            }
            if (next != null) {
                write(next);
            }
        });
    }

    @Override
    void close(CloseReason reason) {
        // Nothing queued will be written now: the sends they answer give back their places, so a reader waiting
        // for one is not left hanging.
        stop().forEach(Outbound::written);
        try {
            session.close(reason);
        } catch (IOException e) {
            LOG.log(Level.FINE, "event=close_failed session=" + sessionId(), e);
        }
    }

    /** Ends writing: later frames are dropped as they come; returns those that were waiting. */
    private synchronized List<Outbound> stop() {
        closing = true;
        List<Outbound> dropped = new ArrayList<>(queue);
        queue.clear();
        return dropped;
    }

    /** A frame waiting to be written, and what its writing completes. */
    private record Outbound(String text, Runnable onWritten) {
        void written() {
            if (onWritten != null) {
                onWritten.run();
            }
        }
    }
}
