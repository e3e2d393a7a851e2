package io.switchboard.bench.load;

import io.switchboard.bench.metrics.CpuWindow;
import io.switchboard.bench.metrics.ProcStats;
import io.switchboard.bench.proto.Member;
import io.switchboard.bench.ws.EventLoop;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A run's connections and the means to load them: prepare (tokens, conversations), open, join, run steps, close.
 * The modes (fixed rates, search, idle) are built on it.
 */
public final class Bench implements AutoCloseable {

    private final LoadConfig config;
    private final EventLoop loop = new EventLoop("switchboard-bench-io");
    private final Ledger ledger;
    private Fleet fleet;
    private StepRunner runner;
    private int opened;

    public Bench(LoadConfig config) {
        this.config = config;
        this.ledger = new Ledger(config.topology(), config.messageBytes(), config.retryFraction(), config.seed());
    }

    /** Gets tokens (and conversations, unless {@code conversations} is false) for every connection. */
    public Map<String, Object> prepare(boolean conversations) {
        long t0 = System.nanoTime();
        log("preparing %,d users%s with the %s adapter", config.topology().connections(),
                conversations ? " in " + config.topology().conversations() + " conversations of "
                        + config.topology().size() : "", config.adapter().name());
        List<Member> members = config.adapter().prepare(config.topology(), conversations);
        fleet = new Fleet(loop, config.adapter(), members, config.address(), ledger,
                TimeUnit.SECONDS.toNanos(config.connectTimeoutSeconds()));
        runner = new StepRunner(loop, ledger, config.topology().senders(), config.serverPid(), config.databasePid(),
                config.drainMillis(), config.lateMillis(), config.criteria(), config.topology().size());
        return Map.of("seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
    }

    /** Opens connections up to {@code to} (exclusive); connection setup rate, latency and CPU go in the result. */
    public Map<String, Object> openUpTo(int to) {
        CpuWindow cpu = new CpuWindow(config.serverPid(), config.databasePid());
        Phase p = await(fleet.open(opened, to, config.connectConcurrency()), "connected");
        opened = to;
        Map<String, Object> m = p.toMap();
        m.putAll(cpu.end().toMap());
        m.put("serverRssMb", serverRssMb());
        log("connected %,d/%,d in %.1f s (%,d/s), setup p50/p99 %s/%s ms%s", p.ok, p.count(), p.seconds(),
                Math.round(p.ok / Math.max(p.seconds(), 1e-3)), p.latency.summaryMillis().get("p50"),
                p.latency.summaryMillis().get("p99"), p.failed == 0 ? "" : ", failures " + p.failureReasons);
        return m;
    }

    /** Puts every open connection in its conversation (a no-op round trip for Switchboard). */
    public Map<String, Object> joinAll() {
        Phase p = await(fleet.join(0, opened, config.connectConcurrency()), "joined");
        log("joined %,d/%,d in %.1f s%s", p.ok, p.count(), p.seconds(),
                p.failed == 0 ? "" : ", failures " + p.failureReasons);
        Map<String, Object> m = p.toMap();
        m.put("serverRssMb", serverRssMb());
        return m;
    }

    /**
     * Opens and joins all connections; throws when any failed, because a step with missing members would report
     * their deliveries as lost.
     */
    public Map<String, Object> connectAll() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> connect = openUpTo(config.topology().connections());
        m.put("connect", connect);
        if (((Number) connect.get("failed")).intValue() == 0) {
            Map<String, Object> join = joinAll();
            m.put("join", join);
            if (((Number) join.get("failed")).intValue() == 0) {
                return m;
            }
        }
        throw new SetupFailure("not every connection could be opened and joined", m);
    }

    /** Sends at {@code rate} for {@code seconds} without recording: JIT, caches and pools of both sides warm up. */
    public void warmUp(double rate, double seconds) {
        if (seconds > 0) {
            log("warm-up: %,.0f msgs/s for %.0f s", rate, seconds);
            StepResult r = runner.run(rate, seconds);
            StepRunner.sleep(config.cooldownMillis());
            log("warm-up done: e2e p99 %s ms", ((Map<?, ?>) r.details().get("endToEndMs")).get("p99"));
        }
    }

    /** One measured step, after waiting for a quiet machine; marked disturbed when other processes were busy. */
    public StepResult step(double rate, double seconds) {
        double waited = waitForQuiet();
        StepResult r = runner.run(rate, seconds);
        r.details().put("quietWaitS", waited);
        r.details().put("disturbed", r.disturbed(config.noiseLimitPct()));
        StepRunner.sleep(config.cooldownMillis());
        return r;
    }

    /**
     * Waits, one-second sample at a time and at most {@code quietWaitSeconds}, until processes other than the server
     * and this generator use less than the noise limit, and the server and its database too (between steps a busy
     * server is still working off the previous step); returns the seconds waited. On a shared two-core machine a neighbour's build
     * would otherwise be measured as server latency.
     */
    private double waitForQuiet() {
        long t0 = System.nanoTime();
        double limit = config.quietWaitSeconds();
        while ((System.nanoTime() - t0) / 1e9 < limit) {
            CpuWindow w = new CpuWindow(config.serverPid(), config.databasePid());
            StepRunner.sleep(1000);
            CpuWindow.Usage u = w.end();
            if (u.otherPct() < config.noiseLimitPct() && u.serverPct() < config.noiseLimitPct()
                    && u.databasePct() < config.noiseLimitPct()) {
                break;
            }
        }
        double waited = Math.round((System.nanoTime() - t0) / 1e8) / 10.0;
        if (waited >= limit && limit > 0) {
            log("machine still busy after %.0f s of waiting: measuring anyway", limit);
        }
        return waited;
    }

    /** Counters that belong to the run, not to one step. */
    public Map<String, Object> runCounters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("closedAfterReady", StepRunner.join(fleet.closedAfterReady()));
        m.putAll(StepRunner.join(loop.call(() -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("protocolErrors", fleet.protocolErrors);
            c.put("lastProtocolError", fleet.lastProtocolError);
            c.put("lateOrUnknownFrames", ledger.lateOrUnknown);
            c.put("selfEchoes", ledger.selfEchoes);
            c.put("eventLoopHandlerErrors", loop.handlerErrors());
            return c;
        })));
        return m;
    }

    public Double serverRssMb() {
        long kb = config.serverPid() > 0 ? ProcStats.rssKb(config.serverPid()) : -1;
        return kb < 0 ? null : Math.round(kb / 102.4) / 10.0;
    }

    @Override
    public void close() {
        if (fleet != null) {
            StepRunner.join(fleet.closeAll());
        }
        loop.close();
    }

    /** Waits for a phase, printing progress every two seconds; bounded by the phase's own connect timeouts. */
    private Phase await(CompletableFuture<Phase> phase, String verb) {
        long t0 = System.nanoTime();
        while (true) {
            try {
                return phase.get(2, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                int[] p = StepRunner.join(fleet.progress());
                log("  %s %,d/%,d (%,d failed) after %.0f s", verb, p[0], p[2], p[1], (System.nanoTime() - t0) / 1e9);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    public static void log(String format, Object... args) {
        System.err.printf("[%tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}
