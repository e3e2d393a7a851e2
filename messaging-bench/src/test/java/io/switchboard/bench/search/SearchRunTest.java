package io.switchboard.bench.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchRunTest {

    @Test
    void correctnessSumsEveryStepAndTreatsAMissingFigureAsZero() {
        List<Object> steps = List.of(
                Map.of("lostMessages", 2, "lateMessages", 5, "duplicates", 0, "idempotencyMismatches", 1,
                        "idempotencyRefused", 7),
                Map.of("lostMessages", 1L, "duplicates", 3L, "idempotencyMismatches", 0L));
        assertThat(SearchRun.correctness(steps)).containsExactly(Map.entry("lostMessages", 3L),
                Map.entry("lateMessages", 5L), Map.entry("duplicates", 3L), Map.entry("idempotencyMismatches", 1L),
                Map.entry("idempotencyRefused", 7L));
    }
}
