package io.switchboard.client;

/** The root of the SDK's exceptions, all unchecked and all delivered through the futures the SDK returns. */
public class SwitchboardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SwitchboardException(String message) {
        super(message);
    }

    public SwitchboardException(String message, Throwable cause) {
        super(message, cause);
    }
}
