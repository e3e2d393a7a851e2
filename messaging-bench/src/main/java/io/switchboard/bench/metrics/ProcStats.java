package io.switchboard.bench.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reads CPU time and resident memory of a process from /proc, the same way for a JVM and a Node server, so that the
 * two are measured alike. A missing process reads as -1 (the server may have died: the report shows it, no crash).
 */
public final class ProcStats {

    private static final long CLOCK_TICKS = readClockTicks();

    private ProcStats() {
    }

    public static long clockTicksPerSecond() {
        return CLOCK_TICKS;
    }

    /** utime + stime of the process, in clock ticks; -1 when unreadable. */
    public static long cpuTicks(long pid) {
        return parseCpuTicks(read(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /**
     * utime + stime of the process and of its direct children, in clock ticks; -1 when the process is unreadable.
     * PostgreSQL serves each connection in a child of its main process, and counts its writers there too. A child
     * that exits within a window takes its ticks with it: a connection pool keeps its backends for the run.
     */
    public static long treeCpuTicks(long pid) {
        long own = cpuTicks(pid);
        if (own < 0) {
            return -1;
        }
        long children = 0;
        try (var entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path entry : entries) {
                String stat = read(entry.resolve("stat"));
                if (stat != null && parseParentPid(stat) == pid) {
                    children += Math.max(0, parseCpuTicks(stat));
                }
            }
        } catch (IOException | RuntimeException e) {
            return own;
        }
        return own + children;
    }

    static long parseParentPid(String stat) {
        return Long.parseLong(fieldsAfterName(stat)[1]);
    }

    /** Resident set size in kB (VmRSS); -1 when unreadable. */
    public static long rssKb(long pid) {
        return parseStatusKb(read(Path.of("/proc", Long.toString(pid), "status")), "VmRSS:");
    }

    /**
     * Jiffies of the whole machine (all cores) from the first line of /proc/stat: {busy, total, interrupts}, where
     * interrupts (irq + softirq) are also part of busy. Guest time is already inside user time, so only the first
     * eight fields are summed.
     */
    public static long[] machineTicks() {
        String all = read(Path.of("/proc/stat"));
        return all == null ? new long[] {0, 0, 0} : parseMachineTicks(all.substring(0, all.indexOf('\n')));
    }

    static long[] parseMachineTicks(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        long[] v = new long[8];
        for (int k = 0; k < 8 && k + 1 < f.length; k++) {
            v[k] = Long.parseLong(f[k + 1]);
        }
        long total = 0;
        for (long x : v) {
            total += x;
        }
        return new long[] {total - v[3] - v[4], total, v[5] + v[6]};
    }

    static long parseCpuTicks(String stat) {
        if (stat == null) {
            return -1;
        }
        String[] f = fieldsAfterName(stat);
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** The fields from the state on (field 3); the command name (field 2) may hold spaces and parentheses. */
    private static String[] fieldsAfterName(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    }

    static long parseStatusKb(String status, String key) {
        if (status == null) {
            return -1;
        }
        for (String line : status.split("\n")) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long readClockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            p.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
