package io.switchboard.client;

/** A send that the client gave up on without a server error to show for it. */
public final class SendFailedException extends SwitchboardException {

    private static final long serialVersionUID = 1L;

    /** Why the send failed. */
    public enum Reason {
        /** No {@code message:sent} after the first try and every retry. The server may still have stored it. */
        TIMED_OUT,
        /** The outbox held its capacity of unacknowledged sends. Nothing was sent. */
        OUTBOX_FULL,
        /** The text or conversation id was empty. Nothing was sent. */
        INVALID,
        /** The client was closed first. A persisted outbox re-sends it when a client opens the same file. */
        CLIENT_CLOSED
    }

    private final Reason reason;
    private final String clientMessageId;

    public SendFailedException(Reason reason, String clientMessageId, String message) {
        super(message);
        this.reason = reason;
        this.clientMessageId = clientMessageId;
    }

    public Reason reason() {
        return reason;
    }

    public String clientMessageId() {
        return clientMessageId;
    }
}
