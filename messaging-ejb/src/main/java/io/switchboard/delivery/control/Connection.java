package io.switchboard.delivery.control;

import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.delivery.boundary.Backlog;
import java.time.Duration;
import java.util.Map;

/**
 * One device's live session as delivery sees it: the port between the business components and the WebSocket
 * boundary. Implementations encode and queue; they never block the caller.
 */
public interface Connection {

    String sessionId();

    String userId();

    String deviceId();

    void deliver(MessageView message, boolean redelivery);

    void gap(Backlog.Gap gap);

    /** Where the session's replay starts, per conversation, for those it lists; before any message of the session. */
    void cursors(Map<String, Long> cursors);

    /** How many more frames the outbound queue takes before the session counts as a slow consumer. */
    int room();

    void close(Disconnect reason);

    /**
     * How long what the device sent may wait in its socket before the server reads it: long only while the server is
     * behind on reading, or has stopped reading the socket until one of the device's sends is answered, when an ack
     * may sit unread that long. Zero where the transport cannot tell.
     */
    default Duration readLag() {
        return Duration.ZERO;
    }

    /** Why delivery ends a session; the boundary maps each to its close code. */
    enum Disconnect {
        /** Pushes stayed unacknowledged after every redelivery: reconnect and resume from the cursors. */
        RESUME_REQUIRED,
        /** Delivery failed in a way the server cannot repair in this session: reconnect and resume. */
        SERVER_ERROR
    }
}
