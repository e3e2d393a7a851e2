package io.switchboard.client;

/** The server's {@code error} frame (or an error answer of the REST API). */
public final class ServerErrorException extends SwitchboardException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final boolean temporary;
    private final String ref;

    public ServerErrorException(String code, String message, boolean temporary, String ref) {
        super(code + ": " + message);
        this.code = code;
        this.temporary = temporary;
        this.ref = ref;
    }

    /** The wire code, such as {@code not_member}; kept as a string so unknown codes survive. */
    public String code() {
        return code;
    }

    public ErrorCode errorCode() {
        return ErrorCode.of(code);
    }

    /** Whether the same request may succeed later unchanged. */
    public boolean temporary() {
        return temporary;
    }

    /** The {@code ref} of the frame the error answers, or an empty string. */
    public String ref() {
        return ref == null ? "" : ref;
    }
}
