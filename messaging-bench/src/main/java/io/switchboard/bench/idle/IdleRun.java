package io.switchboard.bench.idle;

import io.switchboard.bench.load.Bench;
import io.switchboard.bench.metrics.JvmProbe;
import io.switchboard.bench.metrics.ProcStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens authenticated connections that send nothing, in steps (1,000, 5,000, 10,000 by default), and at each step
 * reports server RSS and, for a JVM, used heap after a full GC, both in total and per connection above the baseline
 * taken before the first connection.
 */
public final class IdleRun {

    private final List<Integer> steps;
    private final double waitSeconds;
    private final long serverPid;

    public IdleRun(List<Integer> steps, double waitSeconds, long serverPid) {
        this.steps = List.copyOf(steps);
        this.waitSeconds = waitSeconds;
        this.serverPid = serverPid;
    }

    public void run(Bench bench, Map<String, Object> result) {
        Map<String, Object> baseline = measure(0);
        result.put("baseline", baseline);
        Bench.log("idle baseline: server RSS %s MB, heap %s MB", baseline.get("serverRssMb"), baseline.get("heapUsedMb"));
        List<Object> rows = new ArrayList<>();
        result.put("idleSteps", rows);
        for (int n : steps) {
            Map<String, Object> connect = bench.openUpTo(n);
            sleep(waitSeconds);
            Map<String, Object> row = measure(n);
            row.put("connect", connect);
            perConnection(row, baseline, n, "serverRssMb", "serverRssKbPerConnection");
            perConnection(row, baseline, n, "heapUsedMb", "heapKbPerConnection");
            rows.add(row);
            Bench.log("idle %,d: server RSS %s MB (%s kB/conn), heap %s MB (%s kB/conn)", n, row.get("serverRssMb"),
                    row.get("serverRssKbPerConnection"), row.get("heapUsedMb"), row.get("heapKbPerConnection"));
        }
    }

    private Map<String, Object> measure(int connections) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("connections", connections);
        boolean gc = serverPid > 0 && JvmProbe.gc(serverPid);
        if (gc) {
            sleep(2);
        }
        m.put("gcRequested", gc);
        long heapKb = gc ? JvmProbe.heapUsedKb(serverPid) : -1;
        long rssKb = serverPid > 0 ? ProcStats.rssKb(serverPid) : -1;
        m.put("heapUsedMb", heapKb < 0 ? null : Math.round(heapKb / 102.4) / 10.0);
        m.put("serverRssMb", rssKb < 0 ? null : Math.round(rssKb / 102.4) / 10.0);
        return m;
    }

    private static void perConnection(Map<String, Object> row, Map<String, Object> base, int n, String key,
                                      String out) {
        if (row.get(key) instanceof Double now && base.get(key) instanceof Double before && n > 0) {
            row.put(out, Math.round((now - before) * 1024 / n * 10) / 10.0);
        } else {
            row.put(out, null);
        }
    }

    private static void sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
