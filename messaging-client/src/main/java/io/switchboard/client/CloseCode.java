package io.switchboard.client;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every way a session can end, with its category, whether the client reconnects, and a sentence for a person.
 * Most constants are WebSocket close codes (protocol.md); the ones with code 0 are conditions the client detects
 * itself (handshake refusals, unreachable server, heartbeat timeout) or range defaults for codes it does not know.
 */
public enum CloseCode {
    NONE(0, Category.NORMAL, false, "No session has ended yet."),
    NORMAL(1000, Category.NORMAL, false, "The session ended normally."),
    GOING_AWAY(1001, Category.SERVER, true, "The server is shutting down; reconnecting."),
    PROTOCOL_ERROR(1002, Category.PROTOCOL, false,
            "The WebSocket protocol was violated; check client and server versions."),
    UNSUPPORTED_DATA(1003, Category.PROTOCOL, false, "The server cannot accept this kind of data."),
    NO_STATUS(1005, Category.NETWORK, true, "The session closed without a reason; reconnecting."),
    ABNORMAL(1006, Category.NETWORK, true, "The connection dropped without a close frame; reconnecting."),
    INVALID_PAYLOAD(1007, Category.PROTOCOL, false, "A frame held text that is not valid UTF-8."),
    POLICY_VIOLATION(1008, Category.PROTOCOL, false,
            "The server refused the session under its policy; fix the client or its token before reconnecting."),
    TOO_BIG(1009, Category.PROTOCOL, false, "A frame was larger than the server accepts (65,536 bytes)."),
    MANDATORY_EXTENSION(1010, Category.PROTOCOL, false,
            "The server did not offer a WebSocket extension the client requires."),
    SERVER_ERROR(1011, Category.SERVER, true, "An unexpected server fault ended the session; reconnecting."),
    SERVICE_RESTART(1012, Category.SERVER, true, "The server is restarting; reconnecting."),
    TRY_AGAIN_LATER(1013, Category.LOAD, true, "The server is overloaded; reconnecting later."),
    BAD_GATEWAY(1014, Category.NETWORK, true, "A gateway in front of the server failed; reconnecting."),
    TLS_HANDSHAKE(1015, Category.NETWORK, false,
            "The TLS handshake failed; check certificates and the server address."),
    SLOW_CONSUMER(4000, Category.LOAD, true, "This device did not read fast enough; reconnecting to resume."),
    RESUME_REQUIRED(4001, Category.LOAD, true,
            "Messages stayed unacknowledged; reconnecting to resume from the cursors."),
    TOKEN_EXPIRED(4002, Category.AUTH, true, "The token expired during the session; reconnecting with a fresh one."),
    DISCONNECTED_BY_ADMIN(4003, Category.ADMIN, true, "An administrator ended the session; reconnecting."),
    PROTOCOL_VIOLATION(4500, Category.PROTOCOL, false, "The client sent a binary frame, which the protocol forbids."),
    FRAME_TOO_LARGE(4501, Category.PROTOCOL, false, "The client sent a frame over the server's 16,384-byte limit."),
    INVALID_DEVICE(4502, Category.CLIENT, false,
            "The device id is invalid: use 1-64 characters from A-Z a-z 0-9 . _ -."),
    FORBIDDEN(4503, Category.AUTH, false, "The server refused this origin."),
    UNAUTHORIZED(0, Category.AUTH, false,
            "The server refused the token (HTTP 401); supply a valid one and connect again."),
    HANDSHAKE_REJECTED(0, Category.CLIENT, false,
            "The server refused the WebSocket upgrade; check the address and parameters."),
    HANDSHAKE_UNAVAILABLE(0, Category.SERVER, true, "The server could not take the connection just now; reconnecting."),
    TOKEN_UNAVAILABLE(0, Category.AUTH, true, "The token supplier failed; trying again."),
    UNREACHABLE(0, Category.NETWORK, true, "The server could not be reached; reconnecting."),
    HEARTBEAT_TIMEOUT(0, Category.NETWORK, true, "The server stopped answering heartbeats; reconnecting."),
    HELLO_TIMEOUT(0, Category.PROTOCOL, true, "The server did not greet the session in time; reconnecting."),
    OTHER_STANDARD(0, Category.UNKNOWN, true, "The session closed with an unfamiliar standard code; reconnecting."),
    OTHER_RETRYABLE(0, Category.UNKNOWN, true, "The server asked the client to reconnect."),
    OTHER_TERMINAL(0, Category.UNKNOWN, false,
            "The server ended the session for good; a change is needed before reconnecting.");

    private static final Map<Integer, CloseCode> BY_CODE = Arrays.stream(values())
            .filter(c -> c.code != 0)
            .collect(Collectors.toUnmodifiableMap(c -> c.code, Function.identity()));

    private final int code;
    private final Category category;
    private final boolean reconnects;
    private final String description;

    CloseCode(int code, Category category, boolean reconnects, String description) {
        this.code = code;
        this.category = category;
        this.reconnects = reconnects;
        this.description = description;
    }

    /** The classification of a WebSocket close code; unknown codes get the default of their range. */
    public static CloseCode of(int code) {
        CloseCode known = BY_CODE.get(code);
        if (known != null) {
            return known;
        }
        if (code >= 4500 && code <= 4999) {
            return OTHER_TERMINAL;
        }
        // 3000-4499 are for libraries and applications; nothing there says "stop", and retries are bounded anyway.
        return code >= 3000 && code <= 4499 ? OTHER_RETRYABLE : OTHER_STANDARD;
    }

    /** The classification of an HTTP status that refused the WebSocket upgrade. */
    public static CloseCode ofHandshakeStatus(int status) {
        if (status == 401) {
            return UNAUTHORIZED;
        }
        return status == 408 || status == 429 || status >= 500 ? HANDSHAKE_UNAVAILABLE : HANDSHAKE_REJECTED;
    }

    /** The WebSocket close code, or 0 for conditions that have none. */
    public int code() {
        return code;
    }

    public Category category() {
        return category;
    }

    /** Whether the client reconnects (with backoff) after this. */
    public boolean reconnects() {
        return reconnects;
    }

    public String description() {
        return description;
    }
}
