package io.switchboard.client;

/** Observes the connection state machine. Called on the client's event thread: return quickly. */
@FunctionalInterface
public interface ConnectionListener {

    void onStateChange(StateChange change);
}
