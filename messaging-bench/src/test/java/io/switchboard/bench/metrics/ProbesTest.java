package io.switchboard.bench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ProbesTest {

    @Test
    void cpuTicksAreUtimePlusStimeEvenWithParenthesesInTheName() {
        String stat = "4242 (node (worker) x) S 1 4242 4242 0 -1 4194560 1234 0 0 0 250 75 0 0 20 0 11 0 "
                + "1000 1000000 5000 18446744073709551615";
        assertThat(ProcStats.parseCpuTicks(stat)).isEqualTo(325);
        assertThat(ProcStats.parseCpuTicks(null)).isEqualTo(-1);
    }

    @Test
    void theParentPidIsTheFourthField() {
        assertThat(ProcStats.parseParentPid("4242 (postgres: a (b)) S 977 4242 4242 0 -1 0 0 0 0 0 3 4")).isEqualTo(977);
    }

    @Test
    void aChildsCpuCountsWithItsParent() throws Exception {
        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 2000000 ]; do i=$((i+1)); done; sleep 30")
                .start();
        try {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (ProcStats.cpuTicks(child.pid()) < 10 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            long childTicks = ProcStats.cpuTicks(child.pid());
            long own = ProcStats.cpuTicks(ProcessHandle.current().pid());

            assertThat(childTicks).isGreaterThanOrEqualTo(10);
            assertThat(ProcStats.treeCpuTicks(ProcessHandle.current().pid())).isGreaterThanOrEqualTo(own + childTicks);
            assertThat(ProcStats.treeCpuTicks(Long.MAX_VALUE)).isEqualTo(-1);
        } finally {
            child.destroy();
        }
    }

    @Test
    void rssComesFromVmRss() {
        String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  215008 kB\nThreads:\t40\n";
        assertThat(ProcStats.parseStatusKb(status, "VmRSS:")).isEqualTo(215_008);
        assertThat(ProcStats.parseStatusKb("Name:\tx\n", "VmRSS:")).isEqualTo(-1);
    }

    @Test
    void ownProcessIsReadable() {
        long pid = ProcessHandle.current().pid();
        assertThat(ProcStats.cpuTicks(pid)).isPositive();
        assertThat(ProcStats.rssKb(pid)).isPositive();
        assertThat(ProcStats.machineTicks()[1]).isPositive();
        assertThat(ProcStats.rssKb(Long.MAX_VALUE)).isEqualTo(-1);
    }

    @Test
    void machineTicksSplitBusyIdleAndInterrupts() {
        long[] t = ProcStats.parseMachineTicks("cpu  100 5 50 1000 20 3 7 2 40 0");
        assertThat(t).containsExactly(167, 1187, 10);
    }

    @Test
    void onlyAJvmIsAskedForItsHeap() throws Exception {
        assertThat(JvmProbe.isJvm(ProcessHandle.current().pid())).isTrue();
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(JvmProbe.isJvm(sleeper.pid())).isFalse();
            assertThat(JvmProbe.gc(sleeper.pid())).isFalse();
            assertThat(sleeper.isAlive()).isTrue();
        } finally {
            sleeper.destroy();
        }
        assertThat(JvmProbe.isJvm(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void aJvmAnswersGcAndHeapThroughJcmd() {
        // A bare JRE has no jcmd; the probe then reports "unknown", which the idle test shows as such.
        assumeTrue(Files.isExecutable(Path.of(System.getProperty("java.home"), "bin", "jcmd")));
        long self = ProcessHandle.current().pid();
        assertThat(JvmProbe.gc(self)).isTrue();
        assertThat(JvmProbe.heapUsedKb(self)).isPositive();
    }

    @Test
    void heapInfoOfG1() {
        String out = """
                12345:
                 garbage-first heap   total 262144K, used 23456K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 3 young (3072K), 0 survivors (0K)
                 Metaspace       used 61234K, committed 62000K, reserved 1114112K
                  class space    used 7000K, committed 7500K, reserved 1048576K
                """;
        assertThat(JvmProbe.parseHeapInfo(out)).isEqualTo(23_456);
    }

    @Test
    void heapInfoOfParallelSumsTheGenerations() {
        String out = """
                 PSYoungGen      total 76288K, used 1311K [0x0000000780000000, 0x0000000785500000)
                  eden space 65536K, 2% used [0x0000000780000000,0x0000000780147c80,0x0000000784000000)
                 ParOldGen       total 175104K, used 20000K [0x0000000700000000, 0x000000070ab00000)
                  object space 175104K, 11% used [0x0000000700000000,0x000000070ab00000)
                 Metaspace       used 3000K, committed 3200K, reserved 1056768K
                """;
        assertThat(JvmProbe.parseHeapInfo(out)).isEqualTo(21_311);
    }

    @Test
    void heapInfoOfZgcAndShenandoah() {
        assertThat(JvmProbe.parseHeapInfo(" ZHeap           used 20M, capacity 512M, max capacity 8192M\n"))
                .isEqualTo(20 * 1024);
        assertThat(JvmProbe.parseHeapInfo("Shenandoah Heap\n 8192M max, 1024M committed, 23456K used\n"))
                .isEqualTo(23_456);
        assertThat(JvmProbe.parseHeapInfo("Unknown diagnostic command\n")).isEqualTo(-1);
    }

    @Test
    void jstatUsedColumnsAreSummed() {
        String out = """
                 S0C    S1C    S0U    S1U      EC       EU        OC         OU       MC     MU
                 0.0   1024.0  0.0   512.0  20480.0   4096.5   40960.0    10000.0  3000.0 2900.0
                """;
        assertThat(JvmProbe.parseJstat(out)).isEqualTo(14_609);
    }
}
