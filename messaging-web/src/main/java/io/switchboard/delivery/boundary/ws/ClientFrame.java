package io.switchboard.delivery.boundary.ws;

import io.switchboard.conversations.entity.Priority;

/** The frames a client may send; every field already checked for presence and type by {@link FrameDecoder}. */
public sealed interface ClientFrame {

    String ref();

    record Send(String ref, String clientMessageId, String conversationId, String text, Priority priority)
            implements ClientFrame {
    }

    record Ack(String ref, String conversationId, long seq) implements ClientFrame {
    }

    record Ping(String ref) implements ClientFrame {
    }
}
