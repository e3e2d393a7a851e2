package io.switchboard.bench.ws;

/** The sending side of an open WebSocket, as protocol sessions see it (and as their tests fake it). */
public interface TextChannel {

    /** Sends one text message; false when the connection is no longer open. */
    boolean sendText(String text);

    void close(int code, String reason);

    /** Runs {@code task} on the connection's thread after {@code delayNanos}; call on that thread. */
    void later(long delayNanos, Runnable task);
}
