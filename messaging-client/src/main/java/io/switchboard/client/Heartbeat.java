package io.switchboard.client;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The application-level heartbeat. TCP can take many minutes to notice a dead peer behind a NAT or a proxy; a
 * {@code ping} every interval and silence for two intervals tell the client sooner. Any inbound frame counts as
 * life. Ticks run at a fifth of the interval so that death is noticed within a fifth of an interval of the bound.
 */
final class Heartbeat {

    enum Action { NONE, PING, DEAD }

    private final long intervalNanos;
    private long lastInbound;
    private long lastPing;
    private ScheduledFuture<?> ticks;

    Heartbeat(Duration interval) {
        this.intervalNanos = Math.max(1, interval.toNanos());
    }

    void start(ScheduledExecutorService executor, Runnable ping, Runnable dead) {
        stop();
        long now = System.nanoTime();
        lastInbound = now;
        lastPing = now;
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(1), intervalNanos / 5);
        ticks = executor.scheduleAtFixedRate(() -> act(tick(System.nanoTime()), ping, dead), period, period,
                TimeUnit.NANOSECONDS);
    }

    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
            ticks = null;
        }
    }

    void inbound(long now) {
        lastInbound = now;
    }

    Action tick(long now) {
        if (now - lastInbound >= 2 * intervalNanos) {
            return Action.DEAD;
        }
        if (now - lastPing >= intervalNanos) {
            lastPing = now;
            return Action.PING;
        }
        return Action.NONE;
    }

    /** Starts the clock without a timer, for tests. */
    void reset(long now) {
        lastInbound = now;
        lastPing = now;
    }

    private static void act(Action action, Runnable ping, Runnable dead) {
        if (action == Action.PING) {
            ping.run();
        } else if (action == Action.DEAD) {
            dead.run();
        }
    }
}
