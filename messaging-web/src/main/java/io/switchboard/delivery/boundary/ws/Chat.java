package io.switchboard.delivery.boundary.ws;

import io.switchboard.conversations.boundary.SendCommand;
import io.switchboard.conversations.boundary.SendReceipt;
import io.switchboard.conversations.boundary.Sends;
import io.switchboard.delivery.boundary.Deliveries;
import io.switchboard.delivery.boundary.DeliveryHub;
import io.switchboard.delivery.control.Connection;
import io.switchboard.delivery.control.DeviceSession;
import io.switchboard.monitoring.boundary.Telemetry;
import io.switchboard.platform.ErrorCode;
import io.switchboard.platform.Refusal;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The chat protocol over one socket, whichever transport carries it: a session opens, each text frame is decoded,
 * handed to one facade and the answer encoded, and the session closes. Authentication happened at the upgrade.
 */
@ApplicationScoped
public class Chat {

    private static final Logger LOG = Logger.getLogger(Chat.class.getName());
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Shared by every connection of both transports, so a pushed message is encoded once per thread. */
    static final FrameEncoder ENCODER = new FrameEncoder();

    @Inject
    Sends sends;

    @Inject
    DeliveryHub hub;

    @EJB
    Deliveries deliveries;

    @Inject
    Telemetry telemetry;

    @Inject
    @ConfigProperty(name = "switchboard.ws.max-frame-bytes", defaultValue = "16384")
    int maxFrameBytes;

    @Inject
    @ConfigProperty(name = "switchboard.ws.outbound-queue", defaultValue = "1024")
    int outboundQueue;

    @Inject
    @ConfigProperty(name = "switchboard.ws.send-window", defaultValue = "64")
    int sendWindow;

    @Inject
    @ConfigProperty(name = "switchboard.message.max-length", defaultValue = "1000")
    int maxTextLength;

    private final FrameDecoder decoder = new FrameDecoder();

    // Read through the CDI proxy, hence methods: a proxy's own fields are never injected.

    public int outboundQueue() {
        return outboundQueue;
    }

    public int sendWindow() {
        return sendWindow;
    }

    public Telemetry telemetry() {
        return telemetry;
    }

    /** The device the client named, or a new one for this connection only. */
    static String deviceId(String requested) {
        return requested == null ? "d-" + UUID.randomUUID() : requested;
    }

    /**
     * Greets the device and opens its delivery; returns null when the session was refused and is closing.
     * {@code device} and {@code resume} are the upgrade's query parameters as the client sent them.
     */
    public DeviceSession open(ChatConnection connection, String device, String resume) {
        return openAll(List.of(new Opening(connection, device, resume))).get(0);
    }

    /**
     * Opens sessions that upgraded together with one read of the store; the sessions come back in order, null where
     * one was refused and is closing.
     */
    public List<DeviceSession> openAll(List<Opening> openings) {
        List<DeviceSession> sessions = new ArrayList<>(Collections.nCopies(openings.size(), null));
        List<Integer> accepted = new ArrayList<>(openings.size());
        List<DeliveryHub.Opening> greeted = new ArrayList<>(openings.size());
        for (int i = 0; i < openings.size(); i++) {
            Opening opening = openings.get(i);
            Map<String, Long> stated = accept(opening);
            if (stated != null) {
                accepted.add(i);
                greeted.add(new DeliveryHub.Opening(opening.connection(), stated));
            }
        }
        if (greeted.isEmpty()) {
            return sessions;
        }
        List<DeviceSession> opened;
        try {
            opened = hub.openAll(greeted);
        } catch (RuntimeException e) {
            accepted.forEach(i -> openFailed(openings.get(i).connection(), e));
            return sessions;
        }
        for (int i = 0; i < opened.size(); i++) {
            sessions.set(accepted.get(i), opened.get(i));
            ChatConnection connection = openings.get(accepted.get(i)).connection();
            // FINE, like the send: at hundreds of connects a second, threads would queue for the log file's lock.
            LOG.fine(() -> "event=connect " + ids(connection));
        }
        return sessions;
    }

    /** Without a device session nothing would be pushed: better a reconnect than a silent socket. */
    private static void openFailed(ChatConnection connection, RuntimeException e) {
        LOG.log(Level.WARNING, "event=open_failed " + ids(connection), e);
        connection.close(Connection.Disconnect.SERVER_ERROR);
    }

    /** A socket that has upgraded, with the upgrade's {@code device} and {@code resume} as the client sent them. */
    record Opening(ChatConnection connection, String device, String resume) {
    }

    /** Checks the upgrade's parameters and greets the device; returns the cursors it stated, or null if refused. */
    private Map<String, Long> accept(Opening opening) {
        ChatConnection connection = opening.connection();
        if (opening.device() != null && !DEVICE_ID.matcher(opening.device()).matches()) {
            // Not ids(connection): the device id is the client's text, and not fit for the log.
            LOG.info(() -> "event=refused reason=invalid_device user=" + connection.userId() + " session="
                    + connection.sessionId());
            connection.close(CloseCodes.INVALID_DEVICE.reason("device must be 1-64 of A-Z a-z 0-9 . _ -"));
            return null;
        }
        Map<String, Long> stated;
        try {
            stated = ResumeParameter.parse(opening.resume());
        } catch (IllegalArgumentException e) {
            LOG.info(() -> "event=refused reason=invalid_resume " + ids(connection));
            connection.close(CloseCodes.INVALID_RESUME.reason(e.getMessage()));
            return null;
        }
        telemetry.connectionOpened();
        // hello is queued first, so it precedes every replayed message.
        connection.send(new ServerFrame.Hello(connection.sessionId(), connection.userId(), connection.deviceId(),
                maxTextLength, maxFrameBytes));
        return stated;
    }

    /** One text frame of an open session. */
    public void text(ChatConnection connection, DeviceSession delivery, String text) {
        if (tooLarge(text)) {
            LOG.info(() -> "event=refused reason=frame_too_large " + ids(connection));
            connection.close(CloseCodes.FRAME_TOO_LARGE.reason("frame over " + maxFrameBytes + " bytes"));
            return;
        }
        try {
            ClientFrame frame = decoder.decode(text);
            if (frame instanceof ClientFrame.Send send) {
                send(connection, delivery, send);
            } else if (frame instanceof ClientFrame.Ack ack) {
                ack(connection, delivery, ack);
            } else {
                connection.send(new ServerFrame.Pong());
            }
        } catch (FrameRejected rejected) {
            reject(connection, rejected.toFrame(), false);
        }
    }

    public void binary(ChatConnection connection) {
        LOG.info(() -> "event=refused reason=binary_frame " + ids(connection));
        connection.close(CloseCodes.PROTOCOL_VIOLATION.reason("binary frames are not part of the protocol"));
    }

    /** The socket has closed with {@code code}; {@code delivery} is null when the session never opened. */
    public void closed(ChatConnection connection, DeviceSession delivery, int code) {
        if (delivery != null) {
            hub.close(delivery);
        }
        // A normal close is FINE like the connect; any other code is worth a line.
        boolean normal = code == CloseReason.CloseCodes.NORMAL_CLOSURE.getCode()
                || code == CloseReason.CloseCodes.GOING_AWAY.getCode();
        LOG.log(normal ? Level.FINE : Level.INFO, () -> "event=disconnect " + ids(connection) + " code=" + code);
    }

    /**
     * A transport has closed all its sessions because the server stops: their last acks are written now, on the
     * calling thread, before the database goes away with the application.
     */
    public void transportStopped() {
        hub.writeClosed();
    }

    /**
     * Hands the send to the group commit and returns; the answer goes out when the batch has committed. A send holds
     * its place in the session's window until its answer is written, so a client that pipelines more sends than the
     * window waits for a place, and its transport stops reading its socket meanwhile: TCP pushes back, and its
     * answers never outgrow the outbound queue, however slowly they are written.
     */
    private void send(ChatConnection connection, DeviceSession delivery, ClientFrame.Send frame) {
        if (!connection.awaitSendSlot()) {
            reject(connection, notStored(connection, frame,
                    new Refusal(ErrorCode.OVERLOADED, "The server is shutting down.")), false);
            return;
        }
        try {
            // The answer is handed over with the send: it then joins the delivery lane right after the message's
            // own push events, ahead of any later message's (Sends.send).
            sends.send(new SendCommand(connection.userId(), frame.clientMessageId(), frame.conversationId(),
                    frame.text(), frame.priority(), connection.sessionId()), (receipt, failure) -> {
                        if (failure == null) {
                            delivery.answer(receipt.message(), () -> sent(connection, frame, receipt));
                        } else {
                            reject(connection, notStored(connection, frame, unwrap(failure)), true);
                        }
                    });
        } catch (RuntimeException failure) {
            reject(connection, notStored(connection, frame, failure), true);
        }
    }

    private void sent(ChatConnection connection, ClientFrame.Send frame, SendReceipt receipt) {
        connection.answerSend(new ServerFrame.Sent(receipt.message()));
        if (receipt.duplicate()) {
            telemetry.duplicateSend();
        }
        // One line per message is too many at thousands a second: FINE, on when tracing a conversation.
        LOG.fine(() -> "event=send " + ids(connection) + " clientMessageId=" + frame.clientMessageId()
                + " messageId=" + receipt.message().id() + " seq=" + receipt.message().seq()
                + " duplicate=" + receipt.duplicate());
    }

    private ServerFrame.Error notStored(ChatConnection connection, ClientFrame.Send frame, Throwable failure) {
        if (failure instanceof Refusal refusal) {
            return new ServerFrame.Error(refusal.code(), refusal.getMessage(), frame.ref(), "message:send");
        }
        ErrorCode code = causedBy(failure, SQLException.class) ? ErrorCode.UNAVAILABLE : ErrorCode.INTERNAL_ERROR;
        LOG.log(Level.WARNING, "event=send_failed " + ids(connection) + " clientMessageId="
                + frame.clientMessageId(), failure);
        return new ServerFrame.Error(code, "The message could not be stored; send it again.", frame.ref(),
                "message:send");
    }

    private void ack(ChatConnection connection, DeviceSession session, ClientFrame.Ack frame) {
        if (!session.delivers(frame.conversationId())
                && !deliveries.isMember(connection.userId(), frame.conversationId())) {
            reject(connection, new ServerFrame.Error(ErrorCode.NOT_MEMBER,
                    "You are not a member of this conversation.", frame.ref(), "message:ack"), false);
            return;
        }
        session.ack(frame.conversationId(), frame.seq());
    }

    /** Sends the error; {@code answersSend}: it answers a send that holds a place in the window. */
    private void reject(ChatConnection connection, ServerFrame.Error error, boolean answersSend) {
        telemetry.frameRejected();
        LOG.info(() -> "event=frame_rejected " + ids(connection) + " code=" + error.code().wireName()
                + " ref=" + error.ref());
        if (answersSend) {
            connection.answerSend(error);
        } else {
            connection.send(error);
        }
    }

    /** Counts UTF-8 bytes only when the characters alone do not decide it: this runs for every frame. */
    private boolean tooLarge(String text) {
        if (text.length() > maxFrameBytes) {
            return true;
        }
        return text.length() * 3L > maxFrameBytes && text.getBytes(StandardCharsets.UTF_8).length > maxFrameBytes;
    }

    private static String ids(Connection c) {
        return "user=" + c.userId() + " device=" + c.deviceId() + " session=" + c.sessionId();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
