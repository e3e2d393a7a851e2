package io.switchboard.conversations.control;

import io.switchboard.conversations.boundary.MessageStored;
import io.switchboard.conversations.boundary.SendCommand;
import io.switchboard.conversations.boundary.SendReceipt;
import io.switchboard.conversations.control.MessageTable.SendKey;
import io.switchboard.monitoring.boundary.Telemetry;
import io.switchboard.platform.ErrorCode;
import io.switchboard.platform.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit of sends: a writer takes every send that is waiting (up to a batch) and stores them in one
 * transaction, so that sends arriving while a commit is in flight share the next one. Before it takes a batch that
 * is not full, a writer waits {@code switchboard.send.linger} (1 ms) for more; it never waits for a batch to fill.
 * Conversations are spread over {@code switchboard.send.writers} writers by their id, each with a queue of its own
 * and at most one transaction in flight, so a conversation's sends are written in the order they came while other
 * conversations commit beside them. The queues are bounded together; past the bound a send is refused as overloaded.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());
    static final int STALE_ROUNDS = 3;

    @Resource
    ManagedExecutorService pool;

    @EJB
    MessageStore store;

    @Inject
    RecentSends recent;

    @Inject
    Event<MessageStored> stored;

    @Inject
    Telemetry telemetry;

    @Inject
    @ConfigProperty(name = "switchboard.send.queue", defaultValue = "10000")
    int capacity;

    @Inject
    @ConfigProperty(name = "switchboard.send.batch", defaultValue = "256")
    int maxBatch;

    @Inject
    @ConfigProperty(name = "switchboard.send.writers", defaultValue = "1")
    int writers;

    /**
     * How long a writer waits for more sends before it takes a batch that is not full: fewer, larger transactions at
     * a moderate rate, for that much more latency per send. Zero takes whatever waits at once.
     */
    @Inject
    @ConfigProperty(name = "switchboard.send.linger", defaultValue = "PT0.001S")
    Duration linger;

    private final AtomicInteger queued = new AtomicInteger();
    private Writer[] shards;

    public CompletionStage<SendReceipt> submit(SendCommand command) {
        return queue(new Pending(command, new CompletableFuture<>(), System.nanoTime()));
    }

    /**
     * Queues a send with its answer attached before anything can complete it. The answer of a stored send runs on
     * the writer, after the observers of its own {@link MessageStored} and before those of any later message of the
     * batch: a session that answers through its delivery lane thus writes {@code message:sent} for seq n after the
     * pushes below n and before those above it. Attached after queueing, an answer could run later, on the caller's
     * thread, behind pushes of higher seqs; a new device would then take the first of those as the start of the
     * conversation and drop its own message.
     */
    public CompletionStage<SendReceipt> submit(SendCommand command,
            BiConsumer<? super SendReceipt, ? super Throwable> answer) {
        var pending = new Pending(command, new CompletableFuture<>(), System.nanoTime());
        pending.result().whenComplete(answer);
        return queue(pending);
    }

    private CompletionStage<SendReceipt> queue(Pending pending) {
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            pending.result().completeExceptionally(new Refusal(ErrorCode.OVERLOADED,
                    "The server has " + capacity + " messages waiting to be stored; send it again shortly."));
            return pending.result();
        }
        shards[Math.floorMod(Objects.hashCode(pending.command().conversationId()), shards.length)].add(pending);
        return pending.result();
    }

    @PostConstruct
    void start() {
        shards = new Writer[Math.max(1, writers)];
        Arrays.setAll(shards, i -> new Writer());
    }

    /** Sends waiting for a writer, those being written included. */
    public int waiting() {
        return queued.get();
    }

    /** One writer's queue: its sends are taken in order, by at most one task at a time. */
    private final class Writer {

        private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean writing = new AtomicBoolean();

        void add(Pending pending) {
            queue.add(pending);
            if (writing.compareAndSet(false, true)) {
                executor().execute(this::drain);
            }
        }

        private void drain() {
            List<Pending> batch;
            while (!(batch = lingered()).isEmpty()) {
                write(batch);
                queued.addAndGet(-batch.size());
            }
            writing.set(false);
            // A send queued between the last take and the reset would otherwise wait for the next one.
            if (!queue.isEmpty() && writing.compareAndSet(false, true)) {
                executor().execute(this::drain);
            }
        }

        /** The next batch, after the linger when one is set and a full batch is not waiting yet. */
        private List<Pending> lingered() {
            if (!linger.isZero() && queued.get() < maxBatch) {
                linger(linger);
            }
            return take();
        }

        private List<Pending> take() {
            List<Pending> batch = new ArrayList<>();
            Pending next;
            while (batch.size() < maxBatch && (next = queue.poll()) != null) {
                batch.add(next);
            }
            return batch;
        }
    }

    private void write(List<Pending> batch) {
        write(batch, false, 0);
    }

    private void write(List<Pending> batch, boolean lookUpAll, int staleRounds) {
        List<Appended> results;
        long began = System.nanoTime();
        try {
            results = store.appendAll(batch.stream().map(Pending::command).toList(), lookUpAll);
        } catch (MembersChanged e) {
            // The stale rosters are forgotten: the next round reads them afresh. Only members changing again and
            // again on other nodes, within milliseconds, would use up the rounds.
            if (staleRounds < STALE_ROUNDS) {
                write(batch, lookUpAll, staleRounds + 1);
            } else {
                fail(batch, e);
            }
            return;
        } catch (RuntimeException e) {
            if (!lookUpAll && Failures.isConstraintViolation(e)) {
                // A key stored before, by another node or out of this node's memory: alone and looked up, each send
                // finds its original first.
                batch.forEach(pending -> write(List.of(pending), true, 0));
                return;
            }
            fail(batch, e);
            return;
        }
        long committed = System.nanoTime();
        // Each send is answered right after its own event, in seq order, not after the whole batch (see submit).
        for (int i = 0; i < batch.size(); i++) {
            Appended appended = results.get(i);
            if (appended.receipt() != null) {
                recent.remember(SendKey.of(appended.receipt().message()));
            }
            if (appended.isNew()) {
                // Outside any transaction now: the after-success observers are called at once.
                stored.fire(new MessageStored(appended.receipt().message(), appended.members(),
                        batch.get(i).command().originSession()));
            }
            CompletableFuture<SendReceipt> result = batch.get(i).result();
            if (appended.refusal() != null) {
                result.completeExceptionally(appended.refusal());
            } else {
                result.complete(appended.receipt());
            }
        }
        // The batch's oldest send waited longest: the queue is first in, first out.
        telemetry.batchWritten(batch.size(), began - batch.get(0).queuedAt(), committed - began,
                System.nanoTime() - committed);
    }

    private static void fail(List<Pending> batch, RuntimeException e) {
        LOG.log(Level.WARNING, "event=store_failed messages=" + batch.size(), e);
        batch.forEach(pending -> pending.result().completeExceptionally(e));
    }

    Executor executor() {
        return pool;
    }

    void linger(Duration wait) {
        LockSupport.parkNanos(wait.toNanos());
    }

    /** {@code queuedAt}: {@link System#nanoTime()} when the send was handed over. */
    private record Pending(SendCommand command, CompletableFuture<SendReceipt> result, long queuedAt) {
    }
}
