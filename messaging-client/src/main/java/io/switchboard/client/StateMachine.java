package io.switchboard.client;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;

/** Holds the connection state and tells the listeners about every transition. */
final class StateMachine {

    private static final System.Logger LOG = System.getLogger(StateMachine.class.getName());

    private final List<ConnectionListener> listeners;
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;

    StateMachine(List<ConnectionListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    ConnectionState state() {
        return state;
    }

    void transition(ConnectionState next, Disconnect reason, int attempt, Duration retryIn) {
        StateChange change = new StateChange(state, next, reason, attempt, retryIn);
        state = next;
        LOG.log(Level.DEBUG, "Connection {0}", change);
        for (ConnectionListener listener : listeners) {
            try {
                listener.onStateChange(change);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A connection listener failed on " + change, e);
            }
        }
    }
}
