package io.switchboard.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table of JMH results (the JSON that {@code -rf json} writes: a list of benchmark results per file). A
 * benchmark with the same parameters in several files is one row: the median score, and each file's score so the
 * spread shows.
 */
final class MicroBenchmarks {

    private MicroBenchmarks() {
    }

    static void append(StringBuilder b, List<List<?>> files) {
        Map<String, List<Map<?, ?>>> rows = new LinkedHashMap<>();
        for (List<?> file : files) {
            for (Object entry : file) {
                if (entry instanceof Map<?, ?> result && result.get("benchmark") != null) {
                    rows.computeIfAbsent(name(result), k -> new ArrayList<>()).add(result);
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        b.append("Micro-benchmarks (JMH; a benchmark found in several result files shows the median and each):\n\n")
                .append("| benchmark | score (median; each run) | unit |\n|---|---|---|\n");
        rows.forEach((name, results) -> {
            List<String> each = results.stream().map(r -> Dig.cell(Dig.number(r, "primaryMetric.score"))).toList();
            b.append("| ").append(name).append(" | **")
                    .append(Dig.cell(Median.of(results.stream().map(r -> Dig.number(r, "primaryMetric.score"))
                            .toList())))
                    .append("** (").append(String.join(", ", each)).append(") | ")
                    .append(Dig.cell(Dig.at(results.get(0), "primaryMetric.scoreUnit"))).append(" |\n");
        });
        b.append('\n');
    }

    /** {@code FanOutBenchmark.fanOut members=50}: the class and method without the package, then the parameters. */
    private static String name(Map<?, ?> result) {
        String full = String.valueOf(result.get("benchmark"));
        String[] parts = full.split("\\.");
        String name = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : full;
        if (result.get("params") instanceof Map<?, ?> params && !params.isEmpty()) {
            StringBuilder p = new StringBuilder();
            new TreeMap<>(params).forEach((k, v) -> p.append(' ').append(k).append('=').append(v));
            name += p;
        }
        return name;
    }
}
