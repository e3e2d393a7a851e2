package io.switchboard.bench.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

class RateSearchTest {

    /** Runs a search against a server that sustains every rate {@code passes} accepts; returns the rates tried. */
    private static List<Double> drive(RateSearch cut, DoublePredicate passes) {
        List<Double> tried = new ArrayList<>();
        for (OptionalDouble r = cut.next(); r.isPresent(); r = cut.next()) {
            tried.add(r.getAsDouble());
            cut.record(r.getAsDouble(), passes.test(r.getAsDouble()));
        }
        return tried;
    }

    @Test
    void rampsByTheGrowthFactorThenBisects() {
        RateSearch cut = new RateSearch(1000, 1.5, 3, 14, 10, 1e6);
        List<Double> tried = drive(cut, r -> r <= 4000);
        assertThat(tried).containsExactly(1000.0, 1500.0, 2250.0, 3375.0, 5063.0, 4219.0, 3797.0, 4008.0);
        assertThat(cut.best()).isEqualTo(3797.0);
        assertThat(cut.firstFailure()).isEqualTo(4008.0);
    }

    @Test
    void refineZeroReportsTheLastPassingRampStep() {
        RateSearch cut = new RateSearch(500, 2, 0, 14, 10, 1e6);
        assertThat(drive(cut, r -> r < 3000)).containsExactly(500.0, 1000.0, 2000.0, 4000.0);
        assertThat(cut.best()).isEqualTo(2000.0);
    }

    @Test
    void halvesWhenTheFirstStepFailsThenBisects() {
        RateSearch cut = new RateSearch(1000, 1.5, 1, 14, 10, 1e6);
        assertThat(drive(cut, r -> r <= 300)).containsExactly(1000.0, 500.0, 250.0, 375.0);
        assertThat(cut.best()).isEqualTo(250.0);
    }

    @Test
    void givesUpBelowTheMinimumRate() {
        RateSearch cut = new RateSearch(80, 1.5, 3, 14, 10, 1e6);
        assertThat(drive(cut, r -> false)).containsExactly(80.0, 40.0, 20.0, 10.0);
        assertThat(cut.best()).isZero();
    }

    @Test
    void stopsAtTheCeilingWithoutAFailure() {
        RateSearch cut = new RateSearch(1000, 2, 3, 14, 10, 5000);
        assertThat(drive(cut, r -> true)).containsExactly(1000.0, 2000.0, 4000.0);
        assertThat(cut.ceilingReached()).isTrue();
        assertThat(cut.firstFailure()).isZero();
    }

    @Test
    void maxStepsBoundsTheWholeSearch() {
        RateSearch cut = new RateSearch(100, 1.5, 10, 5, 10, 1e9);
        assertThat(drive(cut, r -> true)).hasSize(5);
        assertThat(cut.steps()).isEqualTo(5);
    }

    @Test
    void bisectionStopsWhenTheGapCannotBeSplit() {
        RateSearch cut = new RateSearch(10, 1.2, 10, 50, 1, 1e6);
        drive(cut, r -> r <= 14);
        assertThat(cut.best()).isEqualTo(14.0);
        assertThat(cut.firstFailure()).isEqualTo(15.0);
    }
}
