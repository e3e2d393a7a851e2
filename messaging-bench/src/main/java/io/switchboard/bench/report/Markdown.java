package io.switchboard.bench.report;

import java.util.List;
import java.util.Map;

/** The Markdown twin of a result file: what was run, setup, then one table row per step or idle step. */
public final class Markdown {

    private static final String STEP_HEAD = "| R msgs/s | result | achieved/s | acked/s | deliveries/s "
            + "| e2e p50 ms | p95 | p99 | max | ack p99 ms | lost | late | dup | idem | server CPU % | server µs/msg "
            + "| server + database µs/msg | gen CPU % | other CPU % | server RSS MB |\n"
            + "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";

    private Markdown() {
    }

    public static String result(Map<String, Object> r) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(title(r)).append("\n\n");
        b.append("Adapter ").append(r.get("adapter")).append(", mode ").append(r.get("mode"))
                .append(", started ").append(r.get("startedAt")).append(". Machine: ")
                .append(Dig.at(r, "environment.cpuModel")).append(", CPUs ").append(Dig.at(r, "environment.onlineCpus"))
                .append(" (generator on ").append(Dig.at(r, "environment.generatorCpus")).append(", server on ")
                .append(Dig.cell(Dig.at(r, "environment.serverCpus"))).append(").\n\n");
        if (r.get("error") != null) {
            b.append("**Error:** ").append(r.get("error")).append("\n\n");
        }
        if (r.containsKey("maxSustainableRate")) {
            b.append("**Highest sustainable rate: ").append(Dig.cell(r.get("maxSustainableRate")))
                    .append(" msgs/s** (first failing: ").append(Dig.cell(r.get("firstFailingRate"))).append(")\n\n");
        }
        setup(b, r);
        steps(b, Dig.list(r, "steps"));
        idle(b, Dig.list(r, "idleSteps"));
        return b.toString();
    }

    private static String title(Map<String, Object> r) {
        String label = String.valueOf(r.getOrDefault("label", ""));
        return (label.isEmpty() ? "Load run" : label) + " — C=" + Dig.cell(Dig.at(r, "topology.connections"))
                + (Dig.at(r, "topology.conversationSize") == null ? ""
                : ", S=" + Dig.cell(Dig.at(r, "topology.conversationSize")));
    }

    private static void setup(StringBuilder b, Map<String, Object> r) {
        if (Dig.at(r, "setup.connect") == null) {
            return;
        }
        b.append("| connections | failed | connect s | conn/s | setup p50 ms | setup p99 ms | join s "
                + "| server RSS after join MB |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        b.append("| ").append(Dig.cell(Dig.at(r, "setup.connect.ok"))).append(" | ")
                .append(Dig.cell(Dig.at(r, "setup.connect.failed"))).append(" | ")
                .append(Dig.cell(Dig.at(r, "setup.connect.seconds"))).append(" | ")
                .append(Dig.cell(Dig.at(r, "setup.connect.perSecond"))).append(" | ")
                .append(Dig.cell(Dig.at(r, "setup.connect.latencyMs.p50"))).append(" | ")
                .append(Dig.cell(Dig.at(r, "setup.connect.latencyMs.p99"))).append(" | ")
                .append(Dig.cell(Dig.at(r, "setup.join.seconds"))).append(" | ")
                .append(Dig.cell(Dig.at(r, "setup.join.serverRssMb"))).append(" |\n\n");
    }

    private static void steps(StringBuilder b, List<?> steps) {
        if (steps.isEmpty()) {
            return;
        }
        b.append(STEP_HEAD);
        for (Object s : steps) {
            b.append("| ").append(Dig.cell(Dig.at(s, "targetRate")))
                    .append(" | ").append(Boolean.TRUE.equals(Dig.at(s, "sustained")) ? "ok" : "FAIL: "
                            + String.join("; ", Dig.list(s, "failures").stream().map(String::valueOf).toList()));
            for (String key : List.of("achievedRate", "ackedPerSecond", "deliveriesPerSecond", "endToEndMs.p50",
                    "endToEndMs.p95", "endToEndMs.p99", "endToEndMs.max", "ackMs.p99", "lostMessages", "lateMessages",
                    "duplicates", "idempotencyMismatches", "serverCpuPct", "serverCpuMicrosPerMessage",
                    "serverAndDatabaseCpuMicrosPerMessage", "generatorCpuPct",
                    "otherCpuPct", "serverRssPeakMb")) {
                b.append(" | ").append(Dig.cell(Dig.at(s, key)));
            }
            b.append(" |\n");
        }
        b.append('\n');
    }

    private static void idle(StringBuilder b, List<?> rows) {
        if (rows.isEmpty()) {
            return;
        }
        b.append("| idle connections | conn/s | server RSS MB | RSS kB/conn | heap MB after GC | heap kB/conn |\n"
                + "|---:|---:|---:|---:|---:|---:|\n");
        for (Object row : rows) {
            b.append("| ").append(Dig.cell(Dig.at(row, "connections")))
                    .append(" | ").append(Dig.cell(Dig.at(row, "connect.perSecond")))
                    .append(" | ").append(Dig.cell(Dig.at(row, "serverRssMb")))
                    .append(" | ").append(Dig.cell(Dig.at(row, "serverRssKbPerConnection")))
                    .append(" | ").append(Dig.cell(Dig.at(row, "heapUsedMb")))
                    .append(" | ").append(Dig.cell(Dig.at(row, "heapKbPerConnection"))).append(" |\n");
        }
        b.append('\n');
    }
}
