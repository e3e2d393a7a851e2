package io.switchboard.client;

import java.util.Map;

/** The frames the server sends, decoded by {@link Frames#decode(String)}. */
sealed interface ServerFrame {

    record Hello(Session session) implements ServerFrame {
    }

    record Sent(SentAck ack) implements ServerFrame {
    }

    record New(Message message) implements ServerFrame {
    }

    record SyncGap(Gap gap) implements ServerFrame {
    }

    /** Where the session's replay starts, for conversations where that is neither 0 nor the cursor stated. */
    record SyncCursors(Map<String, Long> cursors) implements ServerFrame {
    }

    record Pong() implements ServerFrame {
    }

    record Error(ServerErrorException error, String frameType) implements ServerFrame {
    }

    /** A type this SDK does not know; ignored, so that the server can add frames without breaking old clients. */
    record Unknown(String type) implements ServerFrame {
    }
}
