package io.switchboard.bench.report;

import io.switchboard.bench.json.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Summarises result files into the figures section of docs/performance.md: runs with the same label are repeats of
 * one configuration, and each figure is the median over them, with every run's rate listed so the spread shows.
 *
 * <pre>java -cp messaging-bench.jar io.switchboard.bench.report.PerformanceReport --doc docs/performance.md \
 *      [--note "text"] results/*.json</pre>
 * The files are the load generator's results and JMH's ({@code -rf json}); the second become a table of their own.
 * Without {@code --doc} the section is printed. With it, the text between the two markers is replaced (the markers
 * are appended when the document has none), and the rest of the document is left as it was.
 */
public final class PerformanceReport {

    public static final String BEGIN = "<!-- figures:begin (written by bench/run-all.sh) -->";
    public static final String END = "<!-- figures:end -->";

    private PerformanceReport() {
    }

    public static void main(String[] args) throws IOException {
        Path doc = null;
        String note = "";
        List<Map<String, Object>> results = new ArrayList<>();
        List<List<?>> microBenchmarks = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--doc" -> doc = Path.of(args[++i]);
                case "--note" -> note = args[++i];
                default -> read(Path.of(args[i]), results, microBenchmarks);
            }
        }
        String section = section(results, microBenchmarks, note);
        if (doc == null) {
            System.out.print(section);
        } else {
            Files.writeString(doc, splice(Files.exists(doc) ? Files.readString(doc) : "", section),
                    StandardCharsets.UTF_8);
            System.err.println("figures written to " + doc);
        }
    }

    /** A load generator's result is an object; a JMH result file is a list of benchmark results. */
    @SuppressWarnings("unchecked")
    private static void read(Path file, List<Map<String, Object>> results, List<List<?>> microBenchmarks)
            throws IOException {
        Object parsed = JsonReader.parse(Files.readString(file));
        if (parsed instanceof List<?> list) {
            microBenchmarks.add(list);
        } else if (parsed instanceof Map<?, ?> map) {
            results.add((Map<String, Object>) map);
        } else {
            throw new IOException(file + " is neither a load generator result nor a JMH result file");
        }
    }

    static String splice(String document, String section) {
        int b = document.indexOf(BEGIN);
        int e = document.indexOf(END);
        if (b < 0 || e < b) {
            return document + (document.endsWith("\n") || document.isEmpty() ? "" : "\n") + BEGIN + "\n" + section
                    + END + "\n";
        }
        return document.substring(0, b + BEGIN.length()) + "\n" + section + document.substring(e);
    }

    static String section(List<Map<String, Object>> results, String note) {
        return section(results, List.of(), note);
    }

    static String section(List<Map<String, Object>> results, List<List<?>> microBenchmarks, String note) {
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> r : results) {
            groups.computeIfAbsent(label(r), k -> new ArrayList<>()).add(r);
        }
        StringBuilder b = new StringBuilder();
        if (!note.isEmpty()) {
            b.append(note).append("\n\n");
        }
        searches(b, groups);
        idles(b, groups);
        Ratios.append(b, results);
        MicroBenchmarks.append(b, microBenchmarks);
        return b.toString();
    }

    private static void searches(StringBuilder b, Map<String, List<Map<String, Object>>> groups) {
        boolean header = false;
        for (var g : groups.entrySet()) {
            List<Map<String, Object>> runs = g.getValue().stream().filter(r -> "search".equals(r.get("mode"))).toList();
            if (runs.isEmpty()) {
                continue;
            }
            if (!header) {
                b.append("| configuration | runs | max sustainable msgs/s (median; each run) | deliveries/s at max "
                        + "| e2e p50 / p99 ms at max | server CPU µs per msg / per delivery at max "
                        + "| server CPU % at max | generator CPU % at max | connections/s | setup p99 ms "
                        + "| server RSS joined / peak MB |\n|---|---:|---|---:|---|---|---:|---:|---:|---:|---|\n");
                header = true;
            }
            List<String> each = runs.stream().map(r -> Dig.cell(r.get("maxSustainableRate"))).toList();
            b.append("| ").append(g.getKey()).append(" | ").append(runs.size())
                    .append(" | **").append(med(runs, "maxSustainableRate")).append("** (")
                    .append(String.join(", ", each)).append(") | ").append(med(runs, "atMax.deliveriesPerSecond"))
                    .append(" | ").append(med(runs, "atMax.endToEndMs.p50")).append(" / ")
                    .append(med(runs, "atMax.endToEndMs.p99")).append(" | ")
                    .append(med(runs, "atMax.serverCpuMicrosPerMessage")).append(" / ")
                    .append(med(runs, "atMax.serverCpuMicrosPerDelivery")).append(withDatabase(runs)).append(" | ")
                    .append(med(runs, "atMax.serverCpuPct")).append(" | ").append(med(runs, "atMax.generatorCpuPct"))
                    .append(" | ").append(med(runs, "setup.connect.perSecond")).append(" | ")
                    .append(med(runs, "setup.connect.latencyMs.p99")).append(" | ")
                    .append(med(runs, "setup.join.serverRssMb")).append(" / ")
                    .append(med(runs, "atMax.serverRssPeakMb")).append(" |\n");
        }
        if (header) {
            b.append('\n');
        }
    }

    /** The server's CPU with its database's added, for runs that counted a database process; else nothing. */
    private static String withDatabase(List<Map<String, Object>> runs) {
        String perMessage = med(runs, "atMax.serverAndDatabaseCpuMicrosPerMessage");
        return "–".equals(perMessage) ? "" : " (with the database: " + perMessage + " / "
                + med(runs, "atMax.serverAndDatabaseCpuMicrosPerDelivery") + ")";
    }

    private static void idles(StringBuilder b, Map<String, List<Map<String, Object>>> groups) {
        for (var g : groups.entrySet()) {
            List<Map<String, Object>> runs = g.getValue().stream().filter(r -> "idle".equals(r.get("mode"))).toList();
            if (runs.isEmpty()) {
                continue;
            }
            b.append("Idle connections, ").append(g.getKey()).append(" (runs: ").append(runs.size())
                    .append("; medians; baseline server RSS ").append(med(runs, "baseline.serverRssMb")).append(" MB, heap ")
                    .append(med(runs, "baseline.heapUsedMb")).append(" MB):\n\n")
                    .append("| idle connections | connections/s | server RSS MB | RSS kB/connection | heap MB after GC "
                            + "| heap kB/connection |\n|---:|---:|---:|---:|---:|---:|\n");
            int steps = Dig.list(runs.get(0), "idleSteps").size();
            for (int k = 0; k < steps; k++) {
                int step = k;
                Function<String, String> m = key -> Dig.cell(Median.of(runs.stream()
                        .map(r -> Dig.list(r, "idleSteps"))
                        .map(l -> l.size() > step ? Dig.number(l.get(step), key) : null).toList()));
                b.append("| ").append(m.apply("connections")).append(" | ").append(m.apply("connect.perSecond"))
                        .append(" | ").append(m.apply("serverRssMb")).append(" | ")
                        .append(m.apply("serverRssKbPerConnection")).append(" | ").append(m.apply("heapUsedMb"))
                        .append(" | ").append(m.apply("heapKbPerConnection")).append(" |\n");
            }
            b.append('\n');
        }
    }

    private static String label(Map<String, Object> r) {
        String label = String.valueOf(r.getOrDefault("label", ""));
        return label.isEmpty() ? r.get("adapter") + " C=" + Dig.cell(Dig.at(r, "topology.connections")) : label;
    }

    private static String med(List<Map<String, Object>> runs, String path) {
        return Dig.cell(Median.of(runs.stream().map(r -> Dig.number(r, path)).toList()));
    }
}
