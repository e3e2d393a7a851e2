package io.switchboard.client;

/** Where a client stands; see {@link StateChange} for the transitions. */
public enum ConnectionState {
    /** First attempt after {@link SwitchboardClient#connect()}. */
    CONNECTING,
    /** The server said hello; frames flow. */
    CONNECTED,
    /** The session was lost or an attempt failed; the client waits out its backoff and tries again. */
    RECONNECTING,
    /** Not connected and not trying, on purpose (never connected, {@code disconnect()}, or close code 1000). */
    DISCONNECTED,
    /** Not connected and given up: a terminal close code, or the reconnect attempts ran out. */
    FAILED
}
