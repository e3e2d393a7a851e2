package io.switchboard.bench.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Latency histogram in microseconds: exact below 2,048 µs, then 1,024 buckets per power of two (relative error
 * under 0.1 %). Percentiles report a bucket's upper bound (capped at the maximum seen), so they never flatter.
 * Not thread-safe: each instance is written by the generator's single event loop.
 */
public final class Histogram {

    private static final int LINEAR = 2048;
    private static final int SUB = 1024;
    private static final int SUB_BITS = 10;
    private static final int EXPONENTS = 40;
    private static final int BUCKETS = LINEAR + EXPONENTS * SUB;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private long sum;
    private long max;
    private long min = Long.MAX_VALUE;

    public void recordNanos(long nanos) {
        recordMicros(nanos / 1_000);
    }

    public void recordMicros(long micros) {
        long v = Math.max(0, micros);
        counts[index(v)]++;
        count++;
        sum += v;
        max = Math.max(max, v);
        min = Math.min(min, v);
    }

    public void add(Histogram other) {
        for (int k = 0; k < BUCKETS; k++) {
            counts[k] += other.counts[k];
        }
        count += other.count;
        sum += other.sum;
        max = Math.max(max, other.max);
        min = Math.min(min, other.min);
    }

    public long count() {
        return count;
    }

    public long maxMicros() {
        return max;
    }

    public double meanMicros() {
        return count == 0 ? 0 : (double) sum / count;
    }

    /** The smallest recorded-bucket value at or below which {@code percent} % of the values lie; 0 when empty. */
    public long percentileMicros(double percent) {
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(count * percent / 100.0));
        long seen = 0;
        for (int k = 0; k < BUCKETS; k++) {
            seen += counts[k];
            if (seen >= rank) {
                return Math.max(min, Math.min(max, upperBound(k)));
            }
        }
        return max;
    }

    /** p50/p95/p99/p99.9/max/mean in milliseconds with three decimals, as the result files show them. */
    public Map<String, Object> summaryMillis() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", count);
        if (count > 0) {
            m.put("p50", millis(percentileMicros(50)));
            m.put("p95", millis(percentileMicros(95)));
            m.put("p99", millis(percentileMicros(99)));
            m.put("p999", millis(percentileMicros(99.9)));
            m.put("max", millis(max));
            m.put("mean", Math.round(meanMicros()) / 1000.0);
        }
        return m;
    }

    public static double millis(long micros) {
        return micros / 1000.0;
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v) - SUB_BITS;
        if (exponent > EXPONENTS) {
            return BUCKETS - 1;
        }
        int sub = (int) (v >>> exponent);
        return LINEAR + (exponent - 1) * SUB + (sub - SUB);
    }

    static long upperBound(int index) {
        if (index < LINEAR) {
            return index;
        }
        int exponent = (index - LINEAR) / SUB + 1;
        long sub = (index - LINEAR) % SUB + SUB;
        return ((sub + 1) << exponent) - 1;
    }
}
