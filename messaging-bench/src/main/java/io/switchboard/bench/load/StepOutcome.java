package io.switchboard.bench.load;

/** The figures of one step that decide whether its rate was sustainable. */
public record StepOutcome(double targetRate, double achievedRate, long deliveries, double endToEndP99Ms,
                          long lostMessages, long duplicates, long idempotencyMismatches, long unacked,
                          long sendErrors, long closedConnections) {
}
