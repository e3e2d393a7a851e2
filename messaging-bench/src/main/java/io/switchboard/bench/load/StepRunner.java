package io.switchboard.bench.load;

import io.switchboard.bench.metrics.CpuWindow;
import io.switchboard.bench.metrics.ProcStats;
import io.switchboard.bench.ws.EventLoop;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one step: sends at the target rate for the step's duration on the event loop, then waits up to the drain time
 * for the last acknowledgements and deliveries, then closes the books. A drain that ends with a delivery missing is
 * followed by the late window, so that a message delivered late is told apart from one that never arrives. CPU is
 * measured over the send window only, server memory sampled every quarter second during it.
 */
final class StepRunner {

    private static final long TICK_NANOS = 500_000;

    private final EventLoop loop;
    private final Ledger ledger;
    private final int[] senders;
    private final long serverPid;
    private final long databasePid;
    private final long drainMillis;
    private final long lateMillis;
    private final Criteria criteria;
    private final int conversationSize;
    private long roundRobin;

    StepRunner(EventLoop loop, Ledger ledger, int[] senders, long serverPid, long databasePid, long drainMillis,
               long lateMillis, Criteria criteria, int conversationSize) {
        this.loop = loop;
        this.ledger = ledger;
        this.senders = senders;
        this.serverPid = serverPid;
        this.databasePid = databasePid;
        this.drainMillis = drainMillis;
        this.lateMillis = lateMillis;
        this.criteria = criteria;
        this.conversationSize = conversationSize;
    }

    StepResult run(double rate, double seconds) {
        StepStats st = new StepStats(rate);
        CpuWindow cpu = new CpuWindow(serverPid, databasePid);
        CompletableFuture<Void> window = new CompletableFuture<>();
        loop.execute(() -> {
            st.startNanos = System.nanoTime();
            ledger.begin(st);
            tick(st, new RateScheduler(rate, System.nanoTime(), seconds), window);
        });
        long rssPeakKb = waitSampling(window);
        CpuWindow.Usage usage = cpu.end();
        if (!drain(st, drainMillis) && lateMillis > 0) {
            long overdue = join(loop.call(() -> ledger.markOverdue(st)));
            if (overdue > 0) {
                Bench.log("%,d messages incomplete after the %,d ms drain: waiting up to %,d ms more", overdue,
                        drainMillis, lateMillis);
                drain(st, lateMillis);
            }
        }
        join(loop.call(() -> {
            ledger.settle(st);
            return null;
        }));
        return result(st, usage, rssPeakKb);
    }

    private void tick(StepStats st, RateScheduler schedule, CompletableFuture<Void> window) {
        long now = System.nanoTime();
        int due = schedule.take(now);
        long first = schedule.issued() - due;
        for (int k = 0; k < due; k++) {
            int sender = senders[(int) (roundRobin++ % senders.length)];
            ledger.send(sender, now - schedule.dueAt(first + k));
        }
        if (schedule.finished()) {
            st.windowNanos = System.nanoTime() - schedule.dueAt(0);
            window.complete(null);
        } else {
            loop.schedule(TICK_NANOS, () -> tick(st, schedule, window));
        }
    }

    private long waitSampling(CompletableFuture<Void> window) {
        long peak = -1;
        while (true) {
            if (serverPid > 0) {
                peak = Math.max(peak, ProcStats.rssKb(serverPid));
            }
            try {
                window.get(250, TimeUnit.MILLISECONDS);
                return peak;
            } catch (TimeoutException e) {
                // still sending: sample again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Waits until the step has settled or {@code millis} have passed; true when it settled. */
    private boolean drain(StepStats st, long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!join(loop.call(st::settled))) {
            if (System.nanoTime() >= end) {
                return false;
            }
            sleep(10);
        }
        return true;
    }

    private StepResult result(StepStats st, CpuWindow.Usage usage, long rssPeakKb) {
        double window = Math.max(st.windowNanos, 1) / 1e9;
        // An idempotent re-send still unanswered after the drain is an overloaded server, not a wrong answer: it
        // counts with the unacknowledged sends, a refused one with the refusals, and only a different message id is a
        // mismatch.
        long unacked = st.sent - st.acked - st.sendErrors + st.retriesUnanswered;
        StepOutcome outcome = new StepOutcome(st.rate, st.sent / window, st.deliveries,
                st.endToEnd.percentileMicros(99) / 1000.0, st.lostMessages, st.lateMessages, st.duplicates,
                st.retryMismatches, unacked, st.sendErrors, st.retriesRefused, st.closedConnections);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("targetRate", Math.round(st.rate));
        m.put("seconds", Math.round(window * 100) / 100.0);
        m.put("sent", st.sent);
        m.put("achievedRate", Math.round(outcome.achievedRate()));
        m.put("acked", st.acked);
        m.put("ackedPerSecond", Math.round(st.acked / window));
        m.put("deliveries", st.deliveries);
        m.put("expectedDeliveries", st.expectedDeliveries);
        m.put("deliveriesPerSecond", Math.round(st.deliveries / window));
        m.put("endToEndMs", st.endToEnd.summaryMillis());
        m.put("ackMs", st.ack.summaryMillis());
        m.put("scheduleLagMs", st.scheduleLag.summaryMillis());
        m.put("endToEndWorstMsBySecond", st.worstMillisBySecond());
        m.put("lostMessages", st.lostMessages);
        m.put("lostDeliveries", st.lostDeliveries);
        m.put("lateMessages", st.lateMessages);
        m.put("lateDeliveries", st.lateDeliveries);
        m.put("duplicates", st.duplicates);
        m.put("unflaggedDuplicates", st.unflaggedDuplicates);
        m.put("redeliveries", st.redeliveries);
        m.put("idempotencyChecks", st.retries);
        m.put("idempotencyMismatches", outcome.idempotencyMismatches());
        m.put("idempotencyUnanswered", st.retriesUnanswered);
        m.put("idempotencyRefused", st.retriesRefused);
        m.put("idempotencyRefusalReasons", st.retryRefusalReasons);
        m.put("unacked", unacked);
        m.put("sendErrors", st.sendErrors);
        m.put("sendErrorReasons", st.sendErrorReasons);
        m.put("wrongConversation", st.wrongConversation);
        m.put("badStamps", st.badStamps);
        m.put("closedConnections", st.closedConnections);
        m.putAll(usage.toMap());
        putCostPerMessage(m, usage, st, window);
        m.put("serverRssPeakMb", rssPeakKb < 0 ? null : Math.round(rssPeakKb / 102.4) / 10.0);
        m.put("generatorRssMb", Math.round(ProcStats.rssKb(ProcessHandle.current().pid()) / 102.4) / 10.0);
        var failures = criteria.failures(outcome);
        m.put("sustained", failures.isEmpty());
        m.put("failures", failures);
        return new StepResult(outcome, failures, m);
    }

    /** Server CPU per acknowledged message and per delivery: the figures that hold up on a noisy machine. */
    private void putCostPerMessage(Map<String, Object> m, CpuWindow.Usage usage, StepStats st, double window) {
        if (usage.serverPct() < 0 || st.acked == 0) {
            return;
        }
        putCost(m, "server", usage.serverPct(), st, window);
        if (usage.databasePct() >= 0) {
            putCost(m, "database", usage.databasePct(), st, window);
            putCost(m, "serverAndDatabase", usage.serverPct() + usage.databasePct(), st, window);
        }
    }

    private void putCost(Map<String, Object> m, String who, double pct, StepStats st, double window) {
        double cpuMicros = pct / 100.0 * window * 1e6;
        m.put(who + "CpuMicrosPerMessage", Math.round(cpuMicros / st.acked * 10) / 10.0);
        if (st.deliveries > 0 && conversationSize > 2) {
            m.put(who + "CpuMicrosPerDelivery", Math.round(cpuMicros / st.deliveries * 10) / 10.0);
        }
    }

    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("event loop did not answer: " + e, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
