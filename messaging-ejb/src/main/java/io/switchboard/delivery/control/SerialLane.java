package io.switchboard.delivery.control;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one device's delivery tasks one after another, so that the replay, live pushes, acks and redeliveries of a
 * device never interleave, without a thread per device. A task for an idle lane runs at once on the caller's
 * thread: a hop through the pool for every push and every ack cost more than the push itself. A lane that keeps
 * getting work moves to the pool after a few tasks, so that no caller is held up by another device's backlog. A
 * task that throws is handed to the lane's failure handler, and the lane goes on with the next.
 */
public final class SerialLane {

    private static final Logger LOG = Logger.getLogger(SerialLane.class.getName());
    static final int INLINE_TASKS = 64;

    private final Executor pool;
    private final Consumer<RuntimeException> onFailure;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public SerialLane(Executor pool, Consumer<RuntimeException> onFailure) {
        this.pool = pool;
        this.onFailure = onFailure;
    }

    public void run(Runnable task) {
        tasks.add(task);
        if (scheduled.compareAndSet(false, true)) {
            drain(INLINE_TASKS);
        }
    }

    private void drain(int budget) {
        Runnable task;
        int done = 0;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                failed(e);
            }
            if (++done >= budget && !tasks.isEmpty()) {
                pool.execute(() -> drain(Integer.MAX_VALUE));
                return;
            }
        }
        scheduled.set(false);
        // A task added between the last poll and the reset would otherwise wait for the next one.
        if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
            pool.execute(() -> drain(Integer.MAX_VALUE));
        }
    }

    private void failed(RuntimeException e) {
        try {
            onFailure.accept(e);
        } catch (RuntimeException again) {
            e.addSuppressed(again);
            LOG.log(Level.WARNING, "event=delivery_task_failed", e);
        }
    }
}
