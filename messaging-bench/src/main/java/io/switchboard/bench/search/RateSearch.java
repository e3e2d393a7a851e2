package io.switchboard.bench.search;

import java.util.OptionalDouble;

/**
 * The step logic of a search, free of I/O so that it can be tested: ramp up by {@code growth} from {@code start} while
 * steps pass; if the very first step fails, halve until one passes; then bisect between the best passing and the
 * lowest failing rate for {@code refineSteps} steps. {@code maxSteps} bounds the whole search.
 */
public final class RateSearch {

    private final double growth;
    private final int refineSteps;
    private final int maxSteps;
    private final double minRate;
    private final double maxRate;
    private double next;
    private double best;
    private double firstFailure;
    private int steps;
    private int refined;
    private boolean done;
    private boolean ceilingReached;

    public RateSearch(double start, double growth, int refineSteps, int maxSteps, double minRate, double maxRate) {
        if (start <= 0 || growth <= 1) {
            throw new IllegalArgumentException("start must be positive and growth above 1");
        }
        this.next = Math.round(start);
        this.growth = growth;
        this.refineSteps = refineSteps;
        this.maxSteps = maxSteps;
        this.minRate = minRate;
        this.maxRate = maxRate;
    }

    /** The next rate to try, or empty when the search is over. */
    public OptionalDouble next() {
        return done || steps >= maxSteps ? OptionalDouble.empty() : OptionalDouble.of(next);
    }

    /** Takes the verdict on the rate {@link #next()} returned. */
    public void record(double rate, boolean sustained) {
        steps++;
        if (sustained) {
            best = Math.max(best, rate);
        } else {
            firstFailure = firstFailure == 0 ? rate : Math.min(firstFailure, rate);
        }
        if (firstFailure == 0) {
            ramp();
        } else if (best == 0) {
            next = Math.round(rate / 2);
            done = next < minRate;
        } else {
            bisect();
        }
    }

    private void ramp() {
        double up = Math.round(best * growth);
        if (up > maxRate) {
            ceilingReached = true;
            done = true;
        }
        next = up;
    }

    private void bisect() {
        double mid = Math.round((best + firstFailure) / 2);
        if (refined >= refineSteps || mid <= best || mid >= firstFailure) {
            done = true;
            return;
        }
        refined++;
        next = mid;
    }

    /** The highest rate that passed; 0 when none did. */
    public double best() {
        return best;
    }

    /** The lowest rate that failed; 0 when none did. */
    public double firstFailure() {
        return firstFailure;
    }

    public int steps() {
        return steps;
    }

    /** True when the search stopped at {@code maxRate} without a failure: the result is a lower bound. */
    public boolean ceilingReached() {
        return ceilingReached;
    }
}
