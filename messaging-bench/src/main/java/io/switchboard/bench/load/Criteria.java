package io.switchboard.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * When a step counts as sustained: the p99 under its limit, nothing lost, duplicated or answered inconsistently, no
 * connection dropped, and the generator itself kept up with the rate it was asked for. Every reason is listed, not
 * just the first, so a report shows whether latency, loss or the generator gave out.
 */
public record Criteria(double p99LimitMs, double minAchievedFraction) {

    public static final double MIN_ACHIEVED_FRACTION = 0.95;

    public List<String> failures(StepOutcome o) {
        List<String> reasons = new ArrayList<>();
        if (o.deliveries() == 0) {
            reasons.add("no deliveries");
        } else if (o.endToEndP99Ms() > p99LimitMs) {
            reasons.add(String.format("p99 %.1f ms > %.0f ms", o.endToEndP99Ms(), p99LimitMs));
        }
        if (o.lostMessages() > 0) {
            reasons.add("lost " + o.lostMessages());
        }
        if (o.lateMessages() > 0) {
            reasons.add("late " + o.lateMessages() + " (complete only after the drain)");
        }
        if (o.duplicates() > 0) {
            reasons.add("duplicates " + o.duplicates());
        }
        if (o.idempotencyMismatches() > 0) {
            reasons.add("idempotency mismatches " + o.idempotencyMismatches());
        }
        if (o.unacked() > 0 || o.sendErrors() > 0) {
            reasons.add("unacknowledged " + o.unacked() + ", send errors " + o.sendErrors());
        }
        if (o.refusedRetries() > 0) {
            reasons.add("idempotent re-sends refused " + o.refusedRetries());
        }
        if (o.closedConnections() > 0) {
            reasons.add("connections closed " + o.closedConnections());
        }
        if (o.achievedRate() < minAchievedFraction * o.targetRate()) {
            reasons.add(String.format("generator achieved %.0f/s of %.0f/s", o.achievedRate(), o.targetRate()));
        }
        return reasons;
    }
}
