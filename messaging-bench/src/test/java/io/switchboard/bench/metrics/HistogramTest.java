package io.switchboard.bench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HistogramTest {

    private final Histogram cut = new Histogram();

    @Test
    void emptyHistogramReportsZeroAndOnlyTheCount() {
        assertThat(cut.percentileMicros(99)).isZero();
        assertThat(cut.summaryMillis()).containsOnlyKeys("n");
    }

    @Test
    void smallValuesAreExact() {
        for (int v = 1; v <= 1000; v++) {
            cut.recordMicros(v);
        }
        assertThat(cut.percentileMicros(50)).isEqualTo(500);
        assertThat(cut.percentileMicros(99)).isEqualTo(990);
        assertThat(cut.percentileMicros(100)).isEqualTo(1000);
        assertThat(cut.maxMicros()).isEqualTo(1000);
        assertThat(cut.meanMicros()).isEqualTo(500.5);
    }

    @Test
    void largeValuesStayWithinATenthOfAPercent() {
        for (long v : new long[] {2_049, 12_345, 987_654, 45_000_000, 3_600_000_000L}) {
            Histogram h = new Histogram();
            h.recordMicros(v);
            h.recordMicros(v * 2);
            assertThat((double) h.percentileMicros(50)).isCloseTo(v, within(v * 0.001));
        }
    }

    @Test
    void percentileNeverUnderReportsAndNeverExceedsTheMaximum() {
        for (int k = 0; k < 100; k++) {
            cut.recordMicros(10_000 + k);
        }
        cut.recordMicros(250_000);
        assertThat(cut.percentileMicros(99)).isBetween(10_099L, 10_120L);
        assertThat(cut.percentileMicros(100)).isEqualTo(250_000);
    }

    @Test
    void nanosAreRecordedAsMicrosAndSummaryIsInMillis() {
        cut.recordNanos(1_500_000);
        assertThat(cut.summaryMillis()).containsEntry("p50", 1.5).containsEntry("max", 1.5).containsEntry("n", 1L);
    }

    @Test
    void negativeValuesCountAsZero() {
        cut.recordMicros(-5);
        assertThat(cut.maxMicros()).isZero();
        assertThat(cut.count()).isOne();
    }

    @Test
    void addMergesCountsAndExtremes() {
        Histogram other = new Histogram();
        cut.recordMicros(10);
        other.recordMicros(30);
        other.recordMicros(20);
        cut.add(other);
        assertThat(cut.count()).isEqualTo(3);
        assertThat(cut.percentileMicros(50)).isEqualTo(20);
        assertThat(cut.maxMicros()).isEqualTo(30);
    }

    @Test
    void bucketIndexIsMonotonicAndBoundsContainTheirValues() {
        int last = -1;
        for (long v = 0; v < 50_000_000; v = v < 5000 ? v + 1 : v + v / 997) {
            int i = Histogram.index(v);
            assertThat(i).isGreaterThanOrEqualTo(last);
            assertThat(Histogram.upperBound(i)).isGreaterThanOrEqualTo(v);
            last = i;
        }
    }
}
