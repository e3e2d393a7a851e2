package io.switchboard.bench.load;

import io.switchboard.bench.metrics.Histogram;
import java.util.ArrayList;
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

    StepStats(double rate) {
        this.rate = rate;
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
