package io.switchboard.delivery.boundary.ws;

import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.platform.ErrorCode;
import java.util.Map;

/** The frames the server sends; {@link FrameEncoder} writes each as one JSON object. */
public sealed interface ServerFrame {

    record Hello(String sessionId, String userId, String deviceId, int maxTextLength, int maxFrameBytes)
            implements ServerFrame {
    }

    record Sent(MessageView message) implements ServerFrame {
    }

    record New(MessageView message, boolean redelivery) implements ServerFrame {
    }

    record Gap(String conversationId, long fromSeq, long toSeq) implements ServerFrame {
    }

    record Cursors(Map<String, Long> cursors) implements ServerFrame {
    }

    record Pong() implements ServerFrame {
    }

    record Error(ErrorCode code, String message, String ref, String frameType) implements ServerFrame {
    }
}
