package io.switchboard.bench.search;

/** The parameters of a search, as given on the command line. */
public record SearchPlan(double startRate, double growth, int refineSteps, int maxSteps, double maxRate, int attempts,
                         int noiseAttempts, double stepSeconds, double warmupSeconds) {
}
