package io.switchboard.platform.socket;

/** A client broke RFC 6455; the connection ends with this close code and sentence. */
public final class ProtocolViolation extends RuntimeException {

    private final int closeCode;

    public ProtocolViolation(int closeCode, String message) {
        // Expected whenever a client misbehaves, so it carries no stack trace.
        super(message, null, false, false);
        this.closeCode = closeCode;
    }

    public int closeCode() {
        return closeCode;
    }
}
