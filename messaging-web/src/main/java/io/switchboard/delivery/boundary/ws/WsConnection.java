package io.switchboard.delivery.boundary.ws;

import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.delivery.boundary.Backlog;
import io.switchboard.delivery.control.Connection;
import io.switchboard.monitoring.boundary.Telemetry;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One device's session with its bounded outbound queue. The container allows one asynchronous send at a time per
 * session, so frames queue here and each completion starts the next; a queue that fills up means the device does
 * not read, and it is closed with 4000 rather than let memory grow.
 */
final class WsConnection implements Connection {

    private static final Logger LOG = Logger.getLogger(WsConnection.class.getName());

    private final Session session;
    private final String userId;
    private final String deviceId;
    private final int capacity;
    private final FrameEncoder encoder;
    private final Telemetry telemetry;
    private final ArrayDeque<Outbound> queue = new ArrayDeque<>();
    /** Sends of this session handed to the store whose answer is not yet written. */
    private final Semaphore sendWindow;
    private boolean sending;
    private boolean closing;

    WsConnection(Session session, String userId, String deviceId, int capacity, int sendWindow,
            FrameEncoder encoder, Telemetry telemetry) {
        this.session = session;
        this.userId = userId;
        this.deviceId = deviceId;
        this.capacity = capacity;
        this.sendWindow = new Semaphore(sendWindow);
        this.encoder = encoder;
        this.telemetry = telemetry;
    }

    @Override
    public String sessionId() {
        return session.getId();
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public void deliver(MessageView message, boolean redelivery) {
        enqueue(new Outbound(encoder.encodePush(message, redelivery), null));
        telemetry.pushed();
    }

    @Override
    public void gap(Backlog.Gap gap) {
        send(new ServerFrame.Gap(gap.conversationId(), gap.fromSeq(), gap.toSeq()));
    }

    @Override
    public void cursors(Map<String, Long> cursors) {
        send(new ServerFrame.Cursors(cursors));
    }

    @Override
    public void close(Disconnect reason) {
        close(reason == Disconnect.RESUME_REQUIRED
                ? CloseCodes.RESUME_REQUIRED.reason("unacknowledged after every redelivery; resume")
                : new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "delivery failed; resume"));
    }

    @Override
    public synchronized int room() {
        return closing ? 0 : capacity - queue.size();
    }

    /** Waits until fewer sends than the window are unanswered; false only when the thread is interrupted. */
    boolean awaitSendSlot() {
        try {
            sendWindow.acquire();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void send(ServerFrame frame) {
        enqueue(new Outbound(encoder.encode(frame), null));
    }

    /** Queues the answer to a send; the send's place in the window is given back once the answer is written. */
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
