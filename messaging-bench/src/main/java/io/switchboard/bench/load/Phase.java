package io.switchboard.bench.load;

import io.switchboard.bench.metrics.Histogram;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** Progress and outcome of opening (or joining) a range of connections; written on the event loop. */
final class Phase {

    final String name;
    final int from;
    final int to;
    final CompletableFuture<Phase> done = new CompletableFuture<>();
    final Histogram latency = new Histogram();
    final Map<String, Integer> failureReasons = new TreeMap<>();
    final long startNanos = System.nanoTime();
    int next;
    int ok;
    int failed;
    long endNanos;

    Phase(String name, int from, int to) {
        this.name = name;
        this.from = from;
        this.to = to;
        this.next = from;
    }

    int count() {
        return to - from;
    }

    void succeeded(long startedNanos) {
        latency.recordNanos(System.nanoTime() - startedNanos);
        ok++;
    }

    void failed(String reason) {
        failed++;
        failureReasons.merge(reason, 1, Integer::sum);
    }

    boolean finished() {
        return ok + failed >= count();
    }

    double seconds() {
        return ((endNanos == 0 ? System.nanoTime() : endNanos) - startNanos) / 1e9;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("connections", count());
        m.put("ok", ok);
        m.put("failed", failed);
        m.put("seconds", Math.round(seconds() * 100) / 100.0);
        m.put("perSecond", Math.round(ok / Math.max(seconds(), 1e-3)));
        m.put("latencyMs", latency.summaryMillis());
        m.put("failureReasons", failureReasons);
        return m;
    }
}
