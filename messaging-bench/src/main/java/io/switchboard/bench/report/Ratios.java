package io.switchboard.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Switchboard beside the Socket.IO peer, workload by workload: each figure as "Switchboard / peer = ratio". A
 * label's first comma-separated part names the server, as bench/run-all.sh writes it, and the rest the workload; a
 * peer is every server that the Socket.IO adapter drove (the in-memory peer, its durable variant), a Switchboard every
 * other (on embedded Derby, on PostgreSQL), and each pair of the two has a row of its own where both ran the workload.
 * CPU per message is compared at the highest rate that every run of both servers sustained, since CPU per message
 * falls as the rate rises and each search stops elsewhere; a Switchboard whose runs counted its database's CPU is
 * compared with that CPU added.
 */
final class Ratios {

    private static final String PEER = "socketio";

    private Ratios() {
    }

    static void append(StringBuilder b, List<Map<String, Object>> results) {
        Map<Workload, Map<String, List<Map<String, Object>>>> switchboards = new LinkedHashMap<>();
        Map<Workload, Map<String, List<Map<String, Object>>>> peers = new LinkedHashMap<>();
        for (Map<String, Object> r : results) {
            (PEER.equals(r.get("adapter")) ? peers : switchboards)
                    .computeIfAbsent(Workload.of(r), k -> new LinkedHashMap<>())
                    .computeIfAbsent(Workload.server(r), k -> new ArrayList<>()).add(r);
        }
        StringBuilder rows = new StringBuilder();
        for (var w : switchboards.entrySet()) {
            for (var sb : w.getValue().entrySet()) {
                for (var peer : peers.getOrDefault(w.getKey(), Map.of()).entrySet()) {
                    rows.append(row(w.getKey().name(), sb.getKey(), peer.getKey(), sb.getValue(), peer.getValue()));
                }
            }
        }
        if (!rows.isEmpty()) {
            b.append("Switchboard beside the Socket.IO peer (Switchboard / peer = ratio; medians of the runs; for CPU a"
                    + " ratio below 1 is Switchboard spending less, for rates and connections/s above 1 is it doing"
                    + " more; on PostgreSQL, Switchboard's CPU includes the database's):\n\n| workload | Switchboard"
                    + " | peer | max sustainable msgs/s | server CPU µs per msg at a rate both sustained | per delivery"
                    + " | connections/s | server RSS: peak MB under load, kB per idle connection |\n"
                    + "|---|---|---|---|---|---|---|---|\n").append(rows).append('\n');
        }
    }

    private static String row(String workload, String sbName, String peerName, List<Map<String, Object>> sb,
            List<Map<String, Object>> peer) {
        if ("idle".equals(sb.get(0).get("mode"))) {
            int last = Dig.list(sb.get(0), "idleSteps").size() - 1;
            return "| " + workload + " (" + Dig.cell(idle(sb, last, "connections")) + " connections) | " + sbName
                    + " | " + peerName + " | – | – | – | "
                    + ratio(idle(sb, last, "connect.perSecond"), idle(peer, last, "connect.perSecond")) + " | "
                    + ratio(idle(sb, last, "serverRssKbPerConnection"), idle(peer, last, "serverRssKbPerConnection"), " kB")
                    + " |\n";
        }
        Double rate = commonSustainedRate(sb, peer);
        String cpu = countsDatabase(sb) ? "serverAndDatabase" : "server";
        Function<String, String> at = per -> rate == null ? "no rate both sustained"
                : ratio(atRate(sb, rate, cpu + per), atRate(peer, rate, "server" + per),
                        " µs at " + Dig.cell(rate) + "/s");
        return "| " + workload + " | " + sbName + " | " + peerName + " | "
                + ratio(med(sb, "maxSustainableRate"), med(peer, "maxSustainableRate")) + " | "
                + at.apply("CpuMicrosPerMessage") + " | " + at.apply("CpuMicrosPerDelivery") + " | "
                + ratio(med(sb, "setup.connect.perSecond"), med(peer, "setup.connect.perSecond")) + " | "
                + ratio(med(sb, "atMax.serverRssPeakMb"), med(peer, "atMax.serverRssPeakMb"), " MB") + " |\n";
    }

    /** Whether the runs counted a database process beside the server (Switchboard on PostgreSQL). */
    private static boolean countsDatabase(List<Map<String, Object>> runs) {
        return runs.stream().flatMap(r -> Dig.list(r, "steps").stream())
                .anyMatch(s -> Dig.at(s, "serverAndDatabaseCpuMicrosPerMessage") != null);
    }

    /** The highest target rate sustained in every run of both servers (its last attempt), or null. */
    static Double commonSustainedRate(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        TreeSet<Double> common = null;
        for (Map<String, Object> r : concat(a, b)) {
            TreeSet<Double> rates = new TreeSet<>();
            for (Object s : Dig.list(r, "steps")) {
                if (Boolean.TRUE.equals(Dig.at(s, "sustained"))) {
                    rates.add(Dig.number(s, "targetRate"));
                }
            }
            if (common == null) {
                common = rates;
            } else {
                common.retainAll(rates);
            }
        }
        return common == null || common.isEmpty() ? null : common.last();
    }

    /** Median over the runs of a figure of the sustained step at that rate (the last such attempt of each run). */
    static Double atRate(List<Map<String, Object>> runs, double rate, String key) {
        List<Double> values = new ArrayList<>();
        for (Map<String, Object> r : runs) {
            Double v = null;
            for (Object s : Dig.list(r, "steps")) {
                if (Boolean.TRUE.equals(Dig.at(s, "sustained"))
                        && Double.valueOf(rate).equals(Dig.number(s, "targetRate"))) {
                    v = Dig.number(s, key);
                }
            }
            values.add(v);
        }
        return Median.of(values);
    }

    static String ratio(Double sb, Double peer) {
        return ratio(sb, peer, "");
    }

    /** "Switchboard / peer unit = ratio×", or "–" when either is missing. */
    static String ratio(Double sb, Double peer, String unit) {
        if (sb == null || peer == null) {
            return "–";
        }
        return Dig.cell(sb) + " / " + Dig.cell(peer) + unit + (peer == 0 ? "" : String.format(" = %.2f×", sb / peer));
    }

    private static Double idle(List<Map<String, Object>> runs, int step, String key) {
        return Median.of(runs.stream().map(r -> Dig.list(r, "idleSteps"))
                .map(l -> l.size() > step ? Dig.number(l.get(step), key) : null).toList());
    }

    private static Double med(List<Map<String, Object>> runs, String path) {
        return Median.of(runs.stream().map(r -> Dig.number(r, path)).toList());
    }

    /** What was run, whoever ran it: the label without the server's name, and the mode (search or idle). */
    private record Workload(String name, Object mode) {
        static Workload of(Map<String, Object> r) {
            String label = String.valueOf(r.getOrDefault("label", ""));
            int comma = label.indexOf(", ");
            return new Workload(comma < 0 ? label : label.substring(comma + 2), r.get("mode"));
        }

        /** The server's name: the label's first part, or the adapter's where the label has no parts. */
        static String server(Map<String, Object> r) {
            String label = String.valueOf(r.getOrDefault("label", ""));
            int comma = label.indexOf(", ");
            return comma < 0 ? String.valueOf(r.get("adapter")) : label.substring(0, comma);
        }
    }

    private static List<Map<String, Object>> concat(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        List<Map<String, Object>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
