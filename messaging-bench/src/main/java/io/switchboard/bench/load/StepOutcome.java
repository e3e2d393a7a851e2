package io.switchboard.bench.load;

/**
 * The figures of one step that decide whether its rate was sustainable. {@code lateMessages} reached every member
 * only after the drain; {@code refusedRetries} are idempotent re-sends the server refused (overloaded, say) rather
 * than answered.
 */
public record StepOutcome(double targetRate, double achievedRate, long deliveries, double endToEndP99Ms,
                          long lostMessages, long lateMessages, long duplicates, long idempotencyMismatches,
                          long unacked, long sendErrors, long refusedRetries, long closedConnections) {
}
