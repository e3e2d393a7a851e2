package io.switchboard.platform.socket;

/** A whole WebSocket message or control frame as a client sent it; the arrays are fresh and the caller's to keep. */
public sealed interface Message {

    record Text(String text) implements Message {
    }

    record Binary(byte[] data) implements Message {
    }

    record Ping(byte[] data) implements Message {
    }

    record Pong(byte[] data) implements Message {
    }

    /** @param code {@link #NO_STATUS} when the client's close frame carried no code */
    record Close(int code, String reason) implements Message {

        public static final int NO_STATUS = 1005;

        /** Whether RFC 6455 lets an endpoint put this code in a close frame. */
        public static boolean sendable(int code) {
            return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;
        }
    }
}
