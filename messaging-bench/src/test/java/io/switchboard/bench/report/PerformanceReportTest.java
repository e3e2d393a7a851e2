package io.switchboard.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.bench.json.JsonReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerformanceReportTest {

    private static Map<String, Object> search(String label, long max, double p99) {
        return Map.of("label", label, "mode", "search", "maxSustainableRate", max,
                "atMax", Map.of("deliveriesPerSecond", max, "endToEndMs", Map.of("p50", 1.0, "p99", p99)),
                "setup", Map.of("connect", Map.of("perSecond", 1500)));
    }

    @Test
    void medianOfOddEvenAndMissing() {
        assertThat(Median.of(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Median.of(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        assertThat(Median.of(Arrays.asList(null, 5.0))).isEqualTo(5.0);
        assertThat(Median.of(Arrays.asList((Double) null))).isNull();
    }

    @Test
    void runsWithTheSameLabelAreOneRowOfMedians() {
        String s = PerformanceReport.section(List.of(search("sio direct C=10000", 6750, 40),
                search("sio direct C=10000", 5063, 60), search("sio direct C=10000", 7594, 50),
                search("sio groups C=10000", 1013, 80)), "");
        assertThat(s).contains("| sio direct C=10000 | 3 | **6,750** (6,750, 5,063, 7,594) | 6,750 | 1 / 50 |")
                .contains("| sio groups C=10000 | 1 | **1,013** (1,013) |");
    }

    private static Map<String, Object> searchOf(String adapter, String label, long max, Object... rateCpuSustained) {
        List<Object> steps = new java.util.ArrayList<>();
        for (int i = 0; i < rateCpuSustained.length; i += 3) {
            steps.add(Map.of("targetRate", rateCpuSustained[i], "serverCpuMicrosPerMessage", rateCpuSustained[i + 1],
                    "sustained", rateCpuSustained[i + 2]));
        }
        return Map.of("adapter", adapter, "label", label, "mode", "search", "maxSustainableRate", max, "steps", steps,
                "setup", Map.of("connect", Map.of("perSecond", adapter.equals("socketio") ? 2000 : 500)),
                "atMax", Map.of("serverRssPeakMb", adapter.equals("socketio") ? 200 : 800));
    }

    @Test
    void ratiosCompareCpuAtTheHighestRateEveryRunOfBothSustained() {
        String s = PerformanceReport.section(List.of(
                searchOf("socketio", "Socket.IO peer, direct chats, C=10000", 3375,
                        1000, 80.0, true, 1500, 70.0, true, 2250, 60.0, true),
                searchOf("switchboard", "Switchboard, direct chats, C=10000", 1500,
                        1000, 600.0, true, 1500, 420.0, true, 2250, 300.0, false),
                searchOf("switchboard", "Switchboard, direct chats, C=10000", 1000,
                        1000, 640.0, true, 1500, 900.0, false, 1500, 500.0, false),
                searchOf("switchboard", "Switchboard, groups of 50, C=10000", 100, 100, 900.0, true)), "");
        assertThat(s).contains("| direct chats, C=10000 | Switchboard | Socket.IO peer | 1,250 / 3,375 = 0.37× "
                + "| 620 / 80 µs at 1,000/s = 7.75× | – "
                + "| 500 / 2,000 = 0.25× | 800 / 200 MB = 4.00× |");
        assertThat(s).as("a workload only one server ran has no ratio row").doesNotContain("| groups of 50, C=10000 |");
    }

    private static Map<String, Object> idleOf(String adapter, String label, double kbAt10000) {
        return Map.of("adapter", adapter, "label", label, "mode", "idle", "idleSteps", List.of(
                Map.of("connections", 1000, "serverRssKbPerConnection", 99.0),
                Map.of("connections", 10000, "serverRssKbPerConnection", kbAt10000, "connect", Map.of("perSecond", 400))));
    }

    @Test
    void idleRatiosAreTakenAtTheLargestStep() {
        String s = PerformanceReport.section(List.of(idleOf("socketio", "Socket.IO peer, idle", 16.0),
                idleOf("switchboard", "Switchboard, idle", 36.0)), "");
        assertThat(s).contains("| idle (10,000 connections) | Switchboard | Socket.IO peer | – | – | – | 400 / 400 = 1.00× "
                + "| 36 / 16 kB = 2.25× |");
    }

    @Test
    void eachPeerHasItsOwnRatioRowAndItsOwnMedians() {
        String s = PerformanceReport.section(List.of(
                searchOf("socketio", "Socket.IO peer, direct chats, C=10000", 6000, 1000, 100.0, true),
                searchOf("socketio", "Socket.IO peer (durable), direct chats, C=10000", 3000, 1000, 150.0, true),
                searchOf("socketio", "Socket.IO peer (durable), direct chats, C=10000", 3400, 1000, 170.0, true),
                searchOf("switchboard", "Switchboard, direct chats, C=10000", 3000, 1000, 300.0, true)), "");
        assertThat(s).contains("| direct chats, C=10000 | Switchboard | Socket.IO peer | 3,000 / 6,000 = 0.50× "
                + "| 300 / 100 µs at 1,000/s = 3.00× |")
                .contains("| direct chats, C=10000 | Switchboard | Socket.IO peer (durable) | 3,000 / 3,200 = 0.94× "
                        + "| 300 / 160 µs at 1,000/s = 1.88× |");
    }

    @Test
    void switchboardOnPostgresHasItsOwnRowsAndCountsTheDatabase() {
        var derby = searchOf("switchboard", "Switchboard, direct chats, C=10000", 3000, 1000, 300.0, true);
        var postgres = Map.<String, Object>of("adapter", "switchboard",
                "label", "Switchboard (PostgreSQL), direct chats, C=10000", "mode", "search",
                "maxSustainableRate", 2000, "steps", List.of(Map.of("targetRate", 1000, "sustained", true,
                        "serverCpuMicrosPerMessage", 500.0, "serverAndDatabaseCpuMicrosPerMessage", 900.0)),
                "atMax", Map.of("serverCpuMicrosPerMessage", 400.0, "serverAndDatabaseCpuMicrosPerMessage", 700.0));
        String s = PerformanceReport.section(List.of(
                searchOf("socketio", "Socket.IO peer, direct chats, C=10000", 6000, 1000, 100.0, true),
                derby, postgres), "");
        assertThat(s).contains("| direct chats, C=10000 | Switchboard | Socket.IO peer | 3,000 / 6,000 = 0.50× "
                        + "| 300 / 100 µs at 1,000/s = 3.00× |")
                .as("the database's CPU is added to the server's")
                .contains("| direct chats, C=10000 | Switchboard (PostgreSQL) | Socket.IO peer | 2,000 / 6,000 = 0.33× "
                        + "| 900 / 100 µs at 1,000/s = 9.00× |")
                .contains("| Switchboard (PostgreSQL), direct chats, C=10000 | 1 | **2,000** (2,000) | – | – / – "
                        + "| 400 / – (with the database: 700 / –) |");
    }

    @Test
    void noRatiosWithoutBothServers() {
        assertThat(PerformanceReport.section(List.of(search("sio direct C=10000", 6750, 40)), ""))
                .doesNotContain("beside the Socket.IO peer");
    }

    @Test
    void spliceReplacesOnlyTheMarkedSection() {
        String doc = "# Perf\n\nmethod\n\n" + PerformanceReport.BEGIN + "\nold\n" + PerformanceReport.END + "\ntail\n";
        assertThat(PerformanceReport.splice(doc, "new\n"))
                .isEqualTo("# Perf\n\nmethod\n\n" + PerformanceReport.BEGIN + "\nnew\n" + PerformanceReport.END
                        + "\ntail\n");
        assertThat(PerformanceReport.splice("# Perf\n", "x\n"))
                .isEqualTo("# Perf\n" + PerformanceReport.BEGIN + "\nx\n" + PerformanceReport.END + "\n");
    }

    @Test
    void cellsAreReadable() {
        assertThat(Dig.cell(6750.0)).isEqualTo("6,750");
        assertThat(Dig.cell(12.345)).isEqualTo("12.3");
        assertThat(Dig.cell(250.4)).isEqualTo("250");
        assertThat(Dig.cell(7L)).isEqualTo("7");
        assertThat(Dig.cell(null)).isEqualTo("–");
    }

    @Test
    void jmhResultFilesBecomeOneRowPerBenchmarkAndParameters() {
        String jmh = "[{\"benchmark\":\"io.switchboard.delivery.boundary.FanOutBenchmark.fanOut\",\"mode\":\"avgt\","
                + "\"params\":{\"members\":\"50\"},\"primaryMetric\":{\"score\":21769.6,\"scoreUnit\":\"ns/op\"}},"
                + "{\"benchmark\":\"io.switchboard.delivery.boundary.ws.FramesBenchmark.decodeAck\",\"mode\":\"avgt\","
                + "\"primaryMetric\":{\"score\":923.8,\"scoreUnit\":\"ns/op\"}}]";
        String again = jmh.replace("21769.6", "19000").replace("923.8", "1001");
        String s = PerformanceReport.section(List.of(), List.of((List<?>) JsonReader.parse(jmh),
                (List<?>) JsonReader.parse(again)), "");
        assertThat(s).contains("| FanOutBenchmark.fanOut members=50 | **20,385** (21,770, 19,000) | ns/op |")
                .contains("| FramesBenchmark.decodeAck | **962** (924, 1,001) | ns/op |");
    }
}
