package io.switchboard.bench.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a server JVM for a full GC and for its used heap through the JDK's jcmd (jstat as a fallback). Used by the
 * idle test, where heap per connection is the figure; a Node server or a JVM without attach gives "unknown", not 0.
 */
public final class JvmProbe {

    private static final Pattern USED_AFTER = Pattern.compile("used (\\d+)([KMG])");
    private static final Pattern USED_BEFORE = Pattern.compile("(\\d+)([KMG]) used");

    private JvmProbe() {
    }

    /** Runs {@code jcmd <pid> GC.run}; true when the JVM accepted it. */
    public static boolean gc(long pid) {
        return isJvm(pid) && run(tool("jcmd"), Long.toString(pid), "GC.run").isPresent();
    }

    /**
     * Whether a JVM is mapped into the process. Checked before any jcmd: attaching signals the target with SIGQUIT,
     * which a JVM answers and which ends a Node server.
     */
    public static boolean isJvm(long pid) {
        try (var lines = Files.lines(Path.of("/proc", Long.toString(pid), "maps"))) {
            return lines.anyMatch(l -> l.endsWith("/libjvm.so") || l.contains("/libj9vm"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** Used heap in kB after the last GC, or -1 when no tool could tell. */
    public static long heapUsedKb(long pid) {
        if (!isJvm(pid)) {
            return -1;
        }
        Optional<String> info = run(tool("jcmd"), Long.toString(pid), "GC.heap_info");
        long kb = info.map(JvmProbe::parseHeapInfo).orElse(-1L);
        if (kb >= 0) {
            return kb;
        }
        return run(tool("jstat"), "-gc", Long.toString(pid)).map(JvmProbe::parseJstat).orElse(-1L);
    }

    /**
     * Sums the "used" figures of the heap regions in GC.heap_info output (G1 prints one total, Parallel and Serial one
     * line per generation, ZGC and Shenandoah their own shapes); metaspace lines are not heap and are skipped.
     */
    static long parseHeapInfo(String out) {
        long total = 0;
        boolean found = false;
        for (String line : out.split("\n")) {
            String l = line.trim();
            if (l.startsWith("Metaspace") || l.startsWith("class space") || l.contains("region size")) {
                continue;
            }
            Matcher m = USED_AFTER.matcher(l);
            Matcher b = USED_BEFORE.matcher(l);
            if (m.find()) {
                total += toKb(m.group(1), m.group(2));
                found = true;
            } else if (b.find()) {
                total += toKb(b.group(1), b.group(2));
                found = true;
            }
        }
        return found ? total : -1;
    }

    /** S0U + S1U + EU + OU of {@code jstat -gc}, in kB. */
    static long parseJstat(String out) {
        String[] lines = out.trim().split("\n");
        if (lines.length < 2) {
            return -1;
        }
        String[] head = lines[0].trim().split("\\s+");
        String[] vals = lines[1].trim().split("\\s+");
        double sum = 0;
        for (int k = 0; k < head.length && k < vals.length; k++) {
            if (head[k].equals("S0U") || head[k].equals("S1U") || head[k].equals("EU") || head[k].equals("OU")) {
                sum += Double.parseDouble(vals[k]);
            }
        }
        return Math.round(sum);
    }

    private static long toKb(String n, String unit) {
        long v = Long.parseLong(n);
        return switch (unit) {
            case "G" -> v * 1024 * 1024;
            case "M" -> v * 1024;
            default -> v;
        };
    }

    /** The tool beside the running java, else from the PATH. */
    private static String tool(String name) {
        return ProcessHandle.current().info().command()
                .map(java -> Path.of(java).resolveSibling(name))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .orElse(name);
    }

    private static Optional<String> run(String... command) {
        // Output goes to a file, not a pipe, so that a hung attach cannot block us past the time limit.
        Path out = null;
        try {
            out = Files.createTempFile("switchboard-bench-", ".out");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            deleteQuietly(out);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // A leftover file in the temp directory is harmless and must not hide the probe's result.
            System.err.println("could not delete " + p + ": " + e.getMessage());
        }
    }
}
