package io.switchboard.bench.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU used over a window by the server, by its database (when one is named), by this generator and by everything else
 * on the machine, each in percent of one core (100 = one core busy). "Other" tells whether a neighbour disturbed a
 * step on a shared machine.
 */
public final class CpuWindow {

    private final long serverPid;
    private final long databasePid;
    private final long selfPid = ProcessHandle.current().pid();
    // availableProcessors() is the affinity mask (1 when pinned), while /proc/stat sums every online core.
    private static final int MACHINE_CORES = onlineCores();

    private final long t0 = System.nanoTime();
    private final long server0;
    private final long database0;
    private final long self0;
    private final long[] machine0;

    /** {@code databasePid}: the database server's main process, counted with its children; 0 for none. */
    public CpuWindow(long serverPid, long databasePid) {
        this.serverPid = serverPid;
        this.databasePid = databasePid;
        this.server0 = serverPid > 0 ? ProcStats.cpuTicks(serverPid) : -1;
        this.database0 = databasePid > 0 ? ProcStats.treeCpuTicks(databasePid) : -1;
        this.self0 = ProcStats.cpuTicks(selfPid);
        this.machine0 = ProcStats.machineTicks();
    }

    public Usage end() {
        double seconds = (System.nanoTime() - t0) / 1e9;
        double server = percent(server0, serverPid > 0 ? ProcStats.cpuTicks(serverPid) : -1, seconds);
        double self = percent(self0, ProcStats.cpuTicks(selfPid), seconds);
        double database = percent(database0, databasePid > 0 ? ProcStats.treeCpuTicks(databasePid) : -1, seconds);
        long[] m1 = ProcStats.machineTicks();
        long dTotal = m1[1] - machine0[1];
        double machine = dTotal <= 0 ? 0 : 100.0 * (m1[0] - machine0[0]) / dTotal * MACHINE_CORES;
        double interrupts = dTotal <= 0 ? 0 : 100.0 * (m1[2] - machine0[2]) / dTotal * MACHINE_CORES;
        // Interrupt time is left out of "other": on loopback it is mostly the benchmark's own packets.
        double other = machine - interrupts - Math.max(0, server) - Math.max(0, self) - Math.max(0, database);
        return new Usage(round(server), round(database), round(self), round(machine), round(interrupts),
                round(Math.max(0, other)));
    }

    private static int onlineCores() {
        try {
            String s = Files.readString(Path.of("/sys/devices/system/cpu/online")).trim();
            int n = 0;
            for (String part : s.split(",")) {
                String[] range = part.split("-");
                n += range.length == 2 ? Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1 : 1;
            }
            return n;
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    private static double percent(long a, long b, double seconds) {
        if (a < 0 || b < 0 || seconds <= 0) {
            return -1;
        }
        return 100.0 * (b - a) / ProcStats.clockTicksPerSecond() / seconds;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Percent of one core; -1 where the process could not be read. */
    public record Usage(double serverPct, double databasePct, double generatorPct, double machinePct,
                        double interruptPct, double otherPct) {

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("serverCpuPct", serverPct < 0 ? null : serverPct);
            if (databasePct >= 0) {
                m.put("databaseCpuPct", databasePct);
            }
            m.put("generatorCpuPct", generatorPct < 0 ? null : generatorPct);
            m.put("machineCpuPct", machinePct);
            m.put("interruptCpuPct", interruptPct);
            m.put("otherCpuPct", otherPct);
            return m;
        }
    }
}
