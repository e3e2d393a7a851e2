package io.switchboard.client;

/** The client could not establish a session: it reached FAILED or DISCONNECTED before a {@code hello}. */
public final class ConnectionFailedException extends SwitchboardException {

    private static final long serialVersionUID = 1L;

    private final transient Disconnect disconnect;

    public ConnectionFailedException(Disconnect disconnect) {
        super(disconnect.kind() + " (" + disconnect.code() + "): " + disconnect.describe());
        this.disconnect = disconnect;
    }

    public Disconnect disconnect() {
        return disconnect;
    }
}
