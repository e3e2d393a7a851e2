package io.switchboard.bench.load;

/**
 * Open-loop schedule: send {@code k} (0-based) is due at {@code start + k / rate}. The caller asks how many sends are
 * due now and issues them, late ones included, so the rate holds on average even after a stall; how late each send
 * went out is the schedule lag, reported beside the latencies.
 */
public final class RateScheduler {

    private final double perSecond;
    private final long startNanos;
    private final long total;
    private long issued;

    public RateScheduler(double perSecond, long startNanos, double seconds) {
        if (perSecond <= 0 || seconds <= 0) {
            throw new IllegalArgumentException("rate and duration must be positive");
        }
        this.perSecond = perSecond;
        this.startNanos = startNanos;
        this.total = (long) Math.floor(perSecond * seconds);
    }

    /** How many sends are due by {@code nowNanos} and not yet taken; marks them taken. */
    public int take(long nowNanos) {
        long due = Math.min(total, (long) Math.floor((nowNanos - startNanos) * perSecond / 1e9));
        if (due <= issued) {
            return 0;
        }
        int n = (int) Math.min(Integer.MAX_VALUE, due - issued);
        issued += n;
        return n;
    }

    /** When send {@code k} was due. */
    public long dueAt(long k) {
        return startNanos + (long) Math.ceil(k * 1e9 / perSecond);
    }

    public long issued() {
        return issued;
    }

    public long total() {
        return total;
    }

    public boolean finished() {
        return issued >= total;
    }
}
