package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff cut = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random());

    @Property(tries = 2000)
    void everyDelayLiesBetweenZeroAndTheCappedExponential(@ForAll @IntRange(min = 0, max = 100) int attempt,
            @ForAll @LongRange(min = 1, max = 10_000) long baseMillis,
            @ForAll @LongRange(min = 1, max = 120_000) long capMillis, @ForAll long seed) {
        Backoff backoff = new Backoff(Duration.ofMillis(baseMillis), Duration.ofMillis(capMillis), new Random(seed));
        double ceiling = Math.min(capMillis, baseMillis * Math.pow(2, attempt));

        Duration delay = backoff.delay(attempt);

        assertThat(delay.toMillis()).isBetween(0L, (long) ceiling);
    }

    @Test
    void theCeilingDoublesFromOneSecondUpToThirtySeconds() {
        assertThat(new long[] {cut.ceilingMillis(0), cut.ceilingMillis(1), cut.ceilingMillis(2), cut.ceilingMillis(3),
            cut.ceilingMillis(4), cut.ceilingMillis(5), cut.ceilingMillis(6), cut.ceilingMillis(1000)})
                .containsExactly(1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000);
    }

    @Test
    void fullJitterUsesTheWholeRange() {
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (int i = 0; i < 2000; i++) {
            long delay = cut.delay(3).toMillis();
            smallest = Math.min(smallest, delay);
            largest = Math.max(largest, delay);
        }

        assertThat(smallest).isLessThan(800);
        assertThat(largest).isGreaterThan(7200);
    }
}
