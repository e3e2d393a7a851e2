package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CriteriaTest {

    private final Criteria cut = new Criteria(100, Criteria.MIN_ACHIEVED_FRACTION);

    private static StepOutcome clean() {
        return new StepOutcome(1000, 1000, 5000, 12.5, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void aCleanStepPasses() {
        assertThat(cut.failures(clean())).isEmpty();
    }

    @Test
    void everyReasonIsListed() {
        StepOutcome bad = new StepOutcome(1000, 900, 5000, 150, 2, 7, 3, 1, 4, 5, 8, 6);
        assertThat(cut.failures(bad)).containsExactly("p99 150.0 ms > 100 ms", "lost 2",
                "late 7 (complete only after the drain)", "duplicates 3", "idempotency mismatches 1",
                "unacknowledged 4, send errors 5", "idempotent re-sends refused 8", "connections closed 6",
                "generator achieved 900/s of 1000/s");
    }

    @Test
    void exactlyAtTheLimitsStillPasses() {
        assertThat(cut.failures(new StepOutcome(1000, 950, 1, 100, 0, 0, 0, 0, 0, 0, 0, 0))).isEmpty();
    }

    @Test
    void aStepWithoutDeliveriesFails() {
        assertThat(cut.failures(new StepOutcome(1000, 1000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
                .containsExactly("no deliveries");
    }
}
