package io.switchboard.client;

import java.time.Duration;

/**
 * One transition of the connection state machine. RECONNECTING is reported once for every scheduled attempt, so
 * {@code previous} and {@code current} may both be RECONNECTING.
 *
 * @param reason  what caused it; {@link Disconnect#NONE} for a connect the application asked for
 * @param attempt the number of consecutive failed attempts so far (0 once connected)
 * @param retryIn for RECONNECTING, the wait before the next attempt; otherwise zero
 */
public record StateChange(ConnectionState previous, ConnectionState current, Disconnect reason, int attempt,
                          Duration retryIn) {

    @Override
    public String toString() {
        String retry = current == ConnectionState.RECONNECTING
                ? " retry " + attempt + " in " + retryIn.toMillis() + " ms"
                : "";
        String why = reason.kind() == CloseCode.NONE ? "" : " (" + reason.code() + " " + reason.kind() + ": "
                + reason.describe() + ")";
        return previous + " -> " + current + retry + why;
    }
}
