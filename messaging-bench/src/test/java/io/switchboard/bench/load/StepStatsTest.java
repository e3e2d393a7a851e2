package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepStatsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    @Test
    void eachSecondOfTheStepKeepsTheWorstLatencyOfTheMessagesSentInIt() {
        StepStats cut = new StepStats(100);
        cut.startNanos = 7 * SECOND;

        cut.timeline(7 * SECOND + 200 * MILLI, 5 * MILLI);
        cut.timeline(7 * SECOND + 900 * MILLI, 40 * MILLI);
        cut.timeline(7 * SECOND + 300 * MILLI, 12 * MILLI);
        cut.timeline(9 * SECOND + 100 * MILLI, 7_500_000);

        assertThat(cut.worstMillisBySecond()).as("the middle second sent nothing").containsExactly(40.0, 0.0, 7.5);
    }

    @Test
    void aStepLongerThanTheFirstGuessKeepsEverySecond() {
        StepStats cut = new StepStats(100);
        cut.startNanos = 0;

        cut.timeline(299 * SECOND, 3 * MILLI);

        assertThat(cut.worstMillisBySecond()).hasSize(300).endsWith(3.0);
    }
}
