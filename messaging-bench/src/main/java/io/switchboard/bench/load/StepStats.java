package io.switchboard.bench.load;

import io.switchboard.bench.metrics.Histogram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counters of one load step; written on the event loop only, read after the step has settled. */
final class StepStats {

    final double rate;
    final List<String> clientMessageIds = new ArrayList<>();
    final Histogram endToEnd = new Histogram();
    final Histogram ack = new Histogram();
    final Histogram scheduleLag = new Histogram();
    final Map<String, Integer> sendErrorReasons = new TreeMap<>();
    final Map<String, Integer> retryRefusalReasons = new TreeMap<>();
    long sent;
    long acked;
    long sendErrors;
    long expectedDeliveries;
    long deliveries;
    long duplicates;
    /** Duplicates that came without the redelivery flag: a repeat the client could not have told apart. */
    long unflaggedDuplicates;
    long redeliveries;
    long wrongConversation;
    long badStamps;
    long retries;
    long answeredRetries;
    long retryMismatches;
    long retriesRefused;
    long retriesUnanswered;
    long closedConnections;
    long lostMessages;
    long lostDeliveries;
    long lateMessages;
    long lateDeliveries;
    long windowNanos;
    /** When the step began sending: the origin of {@link #worstBySecond}. */
    long startNanos;
    /** Per second of the step, by send time: the longest end-to-end latency of a message sent in it, in µs. */
    private long[] worstBySecond = new long[64];
    private int seconds;

    StepStats(double rate) {
        this.rate = rate;
    }

    /** Counts a delivery's latency against the second of the step in which its message was sent. */
    void timeline(long sentNanos, long latencyNanos) {
        int second = (int) Math.max(0, (sentNanos - startNanos) / 1_000_000_000L);
        if (second >= worstBySecond.length) {
            worstBySecond = Arrays.copyOf(worstBySecond, Math.max(second + 1, worstBySecond.length * 2));
        }
        worstBySecond[second] = Math.max(worstBySecond[second], latencyNanos / 1000);
        seconds = Math.max(seconds, second + 1);
    }

    /** The worst end-to-end latency of each second of the step, in milliseconds: where a tail came from. */
    List<Double> worstMillisBySecond() {
        List<Double> worst = new ArrayList<>(seconds);
        for (int i = 0; i < seconds; i++) {
            worst.add(Math.round(worstBySecond[i] / 100.0) / 10.0);
        }
        return worst;
    }

    void sendError(String reason) {
        sendErrors++;
        sendErrorReasons.merge(String.valueOf(reason), 1, Integer::sum);
    }

    void retryRefused(String reason) {
        retriesRefused++;
        retryRefusalReasons.merge(String.valueOf(reason), 1, Integer::sum);
    }

    /** Nothing more to wait for: every send answered, every delivery in, every idempotent retry answered. */
    boolean settled() {
        return acked + sendErrors >= sent && deliveries >= expectedDeliveries && answeredRetries >= retries;
    }
}
