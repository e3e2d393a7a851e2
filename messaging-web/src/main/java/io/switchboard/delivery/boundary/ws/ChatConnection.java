package io.switchboard.delivery.boundary.ws;

import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.delivery.boundary.Backlog;
import io.switchboard.delivery.control.Connection;
import io.switchboard.monitoring.boundary.Telemetry;
import jakarta.websocket.CloseReason;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.metrics.Counter;

/**
 * One device's socket as the chat logic sees it, whichever transport carries it (Liberty's WebSocket container or
 * Switchboard's own socket server). A transport queues encoded frames and writes them in order; a send holds a place
 * in the session's window until its answer is written, so a client's answers never outgrow its outbound queue.
 */
abstract class ChatConnection implements Connection {

    private final String userId;
    private final String deviceId;
    final FrameEncoder encoder;
    final Telemetry telemetry;
    /** Held rather than reached through {@link Telemetry} for every push: see {@link Telemetry#pushes()}. */
    private final Counter pushes;
    /** Sends of this session handed to the store whose answer is not yet written. */
    final Semaphore sendWindow;

    ChatConnection(String userId, String deviceId, int sendWindow, FrameEncoder encoder, Telemetry telemetry) {
        this.userId = userId;
        this.deviceId = deviceId;
        this.sendWindow = new Semaphore(sendWindow);
        this.encoder = encoder;
        this.telemetry = telemetry;
        this.pushes = telemetry.pushes();
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
        push(message, redelivery);
        pushes.inc();
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

    /** Takes a place in the send window; false when none can be had (the thread was interrupted). */
    abstract boolean awaitSendSlot();

    /** Queues a pushed message. */
    abstract void push(MessageView message, boolean redelivery);

    /** Queues a frame that answers nothing. */
    abstract void send(ServerFrame frame);

    /** Queues the answer to a send; the send's place in the window is given back once the answer is written. */
    abstract void answerSend(ServerFrame frame);

    /** Drops whatever is still queued (giving back the places of the sends it answers) and closes the socket. */
    abstract void close(CloseReason reason);
}
