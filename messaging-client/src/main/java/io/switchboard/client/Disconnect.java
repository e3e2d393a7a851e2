package io.switchboard.client;

import java.util.Objects;

/**
 * Why a session ended or could not start.
 *
 * @param code   the WebSocket close code; for a refused handshake the HTTP status; 0 when there is neither
 * @param reason the server's close reason or the local failure's message, possibly empty
 * @param kind   the classification, which decides whether the client reconnects
 */
public record Disconnect(int code, String reason, CloseCode kind) {

    /** The reason of a state change that no disconnect caused (the first connect). */
    public static final Disconnect NONE = new Disconnect(0, "", CloseCode.NONE);

    public Disconnect {
        Objects.requireNonNull(kind, "kind");
        reason = reason == null ? "" : reason;
    }

    /** A close frame from the server, or the JDK's report of a dropped connection (1006). */
    public static Disconnect closed(int code, String reason) {
        return new Disconnect(code, reason, CloseCode.of(code));
    }

    /** A condition the client detected itself. */
    public static Disconnect local(CloseCode kind, String reason) {
        return new Disconnect(kind.code(), reason, kind);
    }

    public boolean reconnects() {
        return kind.reconnects();
    }

    public Category category() {
        return kind.category();
    }

    /** A sentence for a person: the classification's, plus the server's or JDK's own words when there are any. */
    public String describe() {
        return reason.isEmpty() ? kind.description() : kind.description() + " (" + reason + ")";
    }
}
