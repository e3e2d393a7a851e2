package io.switchboard.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the wait before retry {@code n} (from 0) is uniform in
 * [0, min(cap, base * 2^n)]. Full jitter because a server restart drops every client at once, and any narrower
 * spread brings them back at once too.
 */
final class Backoff {

    private final long baseMillis;
    private final long capMillis;
    private final RandomGenerator random;

    Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.baseMillis = Math.max(0, base.toMillis());
        this.capMillis = Math.max(0, cap.toMillis());
        this.random = random;
    }

    Duration delay(int attempt) {
        return Duration.ofMillis(random.nextLong(ceilingMillis(attempt) + 1));
    }

    /** min(cap, base * 2^attempt), without overflowing for large attempts. */
    long ceilingMillis(int attempt) {
        if (baseMillis == 0) {
            return 0;
        }
        int shift = Math.max(0, attempt);
        if (shift >= Long.numberOfLeadingZeros(baseMillis) - 1) {
            return capMillis;
        }
        return Math.min(capMillis, baseMillis << shift);
    }
}
