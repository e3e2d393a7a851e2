package io.switchboard.bench.load;

import java.util.List;
import java.util.Map;

/**
 * One finished step: the figures that decide it, the reasons it failed (empty when it passed), and everything
 * measured, in the shape the JSON result file shows it.
 */
public record StepResult(StepOutcome outcome, List<String> failures, Map<String, Object> details) {

    public boolean sustained() {
        return failures.isEmpty();
    }

    /** Other processes used more than {@code limitPct} of a core during the step: a failure may be theirs. */
    public boolean disturbed(double limitPct) {
        return details.get("otherCpuPct") instanceof Number n && n.doubleValue() > limitPct;
    }

    public double targetRate() {
        return outcome.targetRate();
    }

    /** One progress line for the terminal. */
    public String line() {
        @SuppressWarnings("unchecked")
        Map<String, Object> e2e = (Map<String, Object>) details.get("endToEndMs");
        @SuppressWarnings("unchecked")
        Map<String, Object> ack = (Map<String, Object>) details.get("ackMs");
        return String.format("R=%,.0f/s %s acked/s=%s deliveries/s=%s e2e p50/p99/max=%s/%s/%s ms ack p99=%s ms"
                        + " lost=%d late=%d dup=%d (unflagged %s) idem=%d"
                        + " CPU %% server=%s gen=%s other=%s server RSS=%s MB%s",
                outcome.targetRate(), sustained() ? "OK  " : "FAIL", details.get("ackedPerSecond"),
                details.get("deliveriesPerSecond"), or(e2e.get("p50")), or(e2e.get("p99")), or(e2e.get("max")),
                or(ack.get("p99")), outcome.lostMessages(), outcome.lateMessages(), outcome.duplicates(),
                or(details.get("unflaggedDuplicates")),
                outcome.idempotencyMismatches(),
                or(details.get("serverCpuPct")), or(details.get("generatorCpuPct")), or(details.get("otherCpuPct")),
                or(details.get("serverRssPeakMb")), sustained() ? "" : " — " + String.join("; ", failures));
    }

    private static Object or(Object value) {
        return value == null ? "–" : value;
    }
}
