package io.switchboard.client;

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

    record Pong() implements ServerFrame {
    }

    record Error(ServerErrorException error, String frameType) implements ServerFrame {
    }

    /** A type this SDK does not know; ignored, so that the server can add frames without breaking old clients. */
    record Unknown(String type) implements ServerFrame {
    }
}
