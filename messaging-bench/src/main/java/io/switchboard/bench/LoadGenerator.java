package io.switchboard.bench;

import io.switchboard.bench.idle.IdleRun;
import io.switchboard.bench.load.Bench;
import io.switchboard.bench.load.FixedRun;
import io.switchboard.bench.load.LoadConfig;
import io.switchboard.bench.load.SetupFailure;
import io.switchboard.bench.report.Environment;
import io.switchboard.bench.report.ResultFiles;
import io.switchboard.bench.search.SearchPlan;
import io.switchboard.bench.search.SearchRun;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The load generator's entry point: reads flags, runs one mode, writes the result, and always stops by itself. */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        Options o;
        LoadConfig config;
        try {
            o = Options.parse(args);
            if (o.on("help")) {
                System.out.print(Usage.text());
                return 0;
            }
            config = Target.config(o);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + " (see --help)");
            return 2;
        }
        hardStop(o.number("max-seconds"));
        Map<String, Object> result = header(o, config);
        int status = 0;
        try (Bench bench = new Bench(config)) {
            result.put("prepare", bench.prepare(!o.on("idle")));
            runMode(o, config, bench, result);
            result.put("run", bench.runCounters());
        } catch (SetupFailure e) {
            result.putAll(e.measured());
            result.put("error", e.getMessage());
            Bench.log("failed: %s", e.getMessage());
            status = 1;
        } catch (RuntimeException e) {
            result.put("error", e.toString());
            Bench.log("failed: %s", e);
            status = 1;
        }
        result.put("finishedAt", Instant.now().toString());
        ResultFiles.write(o.str("out"), result);
        return status;
    }

    private static void runMode(Options o, LoadConfig config, Bench bench, Map<String, Object> result) {
        if (o.on("idle")) {
            List<Integer> steps = o.numbers("idle-steps").stream().map(Double::intValue).sorted().toList();
            new IdleRun(steps, o.number("idle-wait-s"), config.serverPid()).run(bench, result);
            return;
        }
        result.put("setup", bench.connectAll());
        if (o.on("connect-only")) {
            return;
        }
        if (o.on("search")) {
            new SearchRun(new SearchPlan(o.number("start-rate"), o.number("growth"), o.integer("refine"),
                    o.integer("max-steps"), o.number("max-rate"), o.integer("attempts"), o.integer("noise-attempts"),
                    o.number("duration"),
                    o.number("warmup"))).run(bench, result);
        } else {
            List<Double> rates = o.numbers("rates").isEmpty() ? List.of(o.number("rate")) : o.numbers("rates");
            new FixedRun(rates, o.number("duration"), o.number("warmup")).run(bench, result);
        }
    }

    private static Map<String, Object> header(Options o, LoadConfig config) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "switchboard messaging-bench");
        m.put("mode", o.on("idle") ? "idle" : o.on("connect-only") ? "connect-only" : o.on("search") ? "search"
                : "fixed");
        m.put("label", o.str("label"));
        m.put("adapter", config.adapter().name());
        m.put("startedAt", Instant.now().toString());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("runId", config.topology().runId());
        t.put("connections", config.topology().connections());
        t.put("conversationSize", o.on("idle") ? null : config.topology().size());
        t.put("conversations", o.on("idle") ? null : config.topology().conversations());
        t.put("sendersPerConversation", o.on("idle") ? null : config.topology().sendersPerConversation());
        m.put("topology", t);
        m.put("options", o.asMap());
        m.put("environment", Environment.describe(config.serverPid()));
        return m;
    }

    /** Ends the process after {@code seconds} whatever it is doing: a benchmark must never outlive its slot. */
    private static void hardStop(double seconds) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep((long) (seconds * 1000));
            } catch (InterruptedException e) {
                return;
            }
            System.err.printf("hard stop: --max-seconds %.0f reached%n", seconds);
            Runtime.getRuntime().halt(3);
        }, "hard-stop");
        t.setDaemon(true);
        t.start();
    }
}
