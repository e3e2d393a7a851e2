package io.switchboard.platform.socket;

import java.util.Map;

/**
 * An upgrade request this server answers with an HTTP error instead of 101: the status, a sentence for the client
 * and any headers the status obliges (Allow for 405, Sec-WebSocket-Version for 426).
 */
public final class BadRequest extends RuntimeException {

    private final int status;
    private final transient Map<String, String> headers;

    public BadRequest(int status, String message) {
        this(status, message, Map.of());
    }

    public BadRequest(int status, String message, Map<String, String> headers) {
        // A refused handshake is an expected outcome a hostile client can cause at will; a stack trace is waste.
        super(message, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
