package io.switchboard.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every timing and bound of the client, with the documented defaults. Fluent and mutable; the builder takes a copy.
 *
 * <table>
 * <caption>Defaults</caption>
 * <tr><td>connectTimeout</td><td>10 s</td><td>TCP and WebSocket upgrade</td></tr>
 * <tr><td>helloTimeout</td><td>15 s</td><td>from the start of an attempt to the server's hello</td></tr>
 * <tr><td>backoff</td><td>1 s base, 30 s cap</td><td>full jitter, doubling per failed attempt</td></tr>
 * <tr><td>maxReconnectAttempts</td><td>10</td><td>consecutive failures before FAILED</td></tr>
 * <tr><td>heartbeatInterval</td><td>25 s</td><td>ping period; silence for twice this is a dead connection</td></tr>
 * <tr><td>ackTimeout</td><td>5 s</td><td>wait for message:sent before a retry</td></tr>
 * <tr><td>retryDelays</td><td>1 s, 2 s, 4 s</td><td>one retry per entry, same clientMessageId</td></tr>
 * <tr><td>outboxCapacity</td><td>1000</td><td>unacknowledged sends, waiting or out</td></tr>
 * <tr><td>outboxFile</td><td>none</td><td>in memory only</td></tr>
 * <tr><td>historyPageSize</td><td>100</td><td>page size when filling gaps (server allows 1-500)</td></tr>
 * <tr><td>historyTimeout</td><td>30 s</td><td>one history request</td></tr>
 * </table>
 */
public final class ClientOptions {

    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration helloTimeout = Duration.ofSeconds(15);
    private Duration backoffBase = Duration.ofSeconds(1);
    private Duration backoffCap = Duration.ofSeconds(30);
    private int maxReconnectAttempts = 10;
    private Duration heartbeatInterval = Duration.ofSeconds(25);
    private Duration ackTimeout = Duration.ofSeconds(5);
    private List<Duration> retryDelays = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    private int outboxCapacity = 1000;
    private Path outboxFile;
    private int historyPageSize = 100;
    private Duration historyTimeout = Duration.ofSeconds(30);

    public ClientOptions connectTimeout(Duration value) {
        connectTimeout = positive(value, "connectTimeout");
        return this;
    }

    public ClientOptions helloTimeout(Duration value) {
        helloTimeout = positive(value, "helloTimeout");
        return this;
    }

    /** Retry {@code n} (from 0) waits a uniformly random time in [0, min(cap, base * 2^n)]. */
    public ClientOptions backoff(Duration base, Duration cap) {
        backoffBase = positive(base, "backoff base");
        backoffCap = positive(cap, "backoff cap");
        return this;
    }

    /** Consecutive failed attempts before FAILED; {@code Integer.MAX_VALUE} never gives up. */
    public ClientOptions maxReconnectAttempts(int value) {
        maxReconnectAttempts = atLeast(value, 0, "maxReconnectAttempts");
        return this;
    }

    public ClientOptions heartbeatInterval(Duration value) {
        heartbeatInterval = positive(value, "heartbeatInterval");
        return this;
    }

    public ClientOptions ackTimeout(Duration value) {
        ackTimeout = positive(value, "ackTimeout");
        return this;
    }

    /** One retry per delay; an empty list means no retry. */
    public ClientOptions retryDelays(Duration... delays) {
        retryDelays = List.of(delays);
        retryDelays.forEach(delay -> positive(delay, "retry delay"));
        return this;
    }

    public ClientOptions outboxCapacity(int value) {
        outboxCapacity = atLeast(value, 1, "outboxCapacity");
        return this;
    }

    /** Keeps the outbox in this file, so that sends survive a restart of the application. */
    public ClientOptions outboxFile(Path file) {
        outboxFile = Objects.requireNonNull(file, "file");
        return this;
    }

    public ClientOptions historyPageSize(int value) {
        historyPageSize = atLeast(value, 1, "historyPageSize");
        return this;
    }

    public ClientOptions historyTimeout(Duration value) {
        historyTimeout = positive(value, "historyTimeout");
        return this;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    ClientOptions copy() {
        ClientOptions copy = new ClientOptions().connectTimeout(connectTimeout).helloTimeout(helloTimeout)
                .backoff(backoffBase, backoffCap).maxReconnectAttempts(maxReconnectAttempts)
                .heartbeatInterval(heartbeatInterval).ackTimeout(ackTimeout)
                .retryDelays(retryDelays.toArray(Duration[]::new)).outboxCapacity(outboxCapacity)
                .historyPageSize(historyPageSize).historyTimeout(historyTimeout);
        copy.outboxFile = outboxFile;
        return copy;
    }

    Settings settings(URI uri, URI httpBase, String device, Supplier<String> tokens, Map<String, Long> cursors) {
        return new Settings(uri, httpBase, device, tokens, cursors, connectTimeout, helloTimeout, backoffBase,
                backoffCap, maxReconnectAttempts, heartbeatInterval, ackTimeout, retryDelays, outboxCapacity,
                Optional.ofNullable(outboxFile), historyPageSize, historyTimeout);
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
        }
        return value;
    }

    private static int atLeast(int value, int minimum, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", not " + value);
        }
        return value;
    }
}
