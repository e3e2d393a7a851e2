package io.switchboard.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

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
}
