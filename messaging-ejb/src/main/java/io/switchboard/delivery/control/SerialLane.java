package io.switchboard.delivery.control;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one device's delivery tasks one after another on a shared pool, so that the replay, live pushes, acks and
 * redeliveries of a device never interleave, without a thread per device.
 */
public final class SerialLane {

    private static final Logger LOG = Logger.getLogger(SerialLane.class.getName());

    private final Executor pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public SerialLane(Executor pool) {
        this.pool = pool;
    }

    public void run(Runnable task) {
        tasks.add(task);
        if (scheduled.compareAndSet(false, true)) {
            pool.execute(this::drain);
        }
    }

    private void drain() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event=delivery_task_failed", e);
            }
        }
        scheduled.set(false);
        // A task added between the last poll and the reset would otherwise wait for the next one.
        if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
            pool.execute(this::drain);
        }
    }
}
