package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateSchedulerTest {

    private static final long T0 = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void issuesSendsInProportionToElapsedTime() {
        RateScheduler cut = new RateScheduler(1000, T0, 2);
        assertThat(cut.take(T0)).isZero();
        assertThat(cut.take(T0 + 10 * MS)).isEqualTo(10);
        assertThat(cut.take(T0 + 10 * MS)).isZero();
        assertThat(cut.take(T0 + 25 * MS)).isEqualTo(15);
        assertThat(cut.issued()).isEqualTo(25);
    }

    @Test
    void catchesUpAfterAStallInsteadOfLoweringTheRate() {
        RateScheduler cut = new RateScheduler(500, T0, 10);
        cut.take(T0 + 100 * MS);
        assertThat(cut.take(T0 + 1_100 * MS)).isEqualTo(500);
    }

    @Test
    void stopsAtTheTotalOfTheWindow() {
        RateScheduler cut = new RateScheduler(300, T0, 1.5);
        assertThat(cut.total()).isEqualTo(450);
        assertThat(cut.take(T0 + 60_000 * MS)).isEqualTo(450);
        assertThat(cut.finished()).isTrue();
        assertThat(cut.take(T0 + 70_000 * MS)).isZero();
    }

    @Test
    void fractionalRatesAccumulate() {
        RateScheduler cut = new RateScheduler(2.5, T0, 10);
        assertThat(cut.take(T0 + 1_000 * MS)).isEqualTo(2);
        assertThat(cut.take(T0 + 2_000 * MS)).isEqualTo(3);
    }

    @Test
    void dueTimesAreEvenlySpaced() {
        RateScheduler cut = new RateScheduler(4, T0, 1);
        assertThat(cut.dueAt(0)).isEqualTo(T0);
        assertThat(cut.dueAt(1)).isEqualTo(T0 + 250 * MS);
        assertThat(cut.dueAt(3)).isEqualTo(T0 + 750 * MS);
    }

    @Test
    void rejectsNonPositiveRateOrDuration() {
        assertThatThrownBy(() -> new RateScheduler(0, T0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateScheduler(10, T0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
