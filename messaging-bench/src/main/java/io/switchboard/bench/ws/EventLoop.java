package io.switchboard.bench.ws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The generator's one I/O thread: a selector, a task queue for other threads, and timers. Everything that touches a
 * connection or the message bookkeeping runs here, which is why that bookkeeping needs no locks.
 */
public final class EventLoop implements AutoCloseable {

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(256 * 1024);
    private volatile boolean running = true;
    private long timerSeq;
    private long handlerErrors;

    public EventLoop(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code task} on the loop thread; callable from any thread. */
    public void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs {@code work} on the loop thread and hands its result back to the caller's thread. */
    public <T> CompletableFuture<T> call(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        execute(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Runs {@code task} on the loop thread after {@code delayNanos}; call on the loop thread. */
    public void schedule(long delayNanos, Runnable task) {
        timers.add(new Timer(System.nanoTime() + delayNanos, timerSeq++, task));
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Exceptions thrown by frame handlers; each one closed only its own connection. */
    public long handlerErrors() {
        return handlerErrors;
    }

    Selector selector() {
        return selector;
    }

    ByteBuffer readBuffer() {
        return readBuffer;
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5_000);
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                long wait = nextTimerDelayMillis();
                if (wait == 0) {
                    selector.selectNow(this::ready);
                } else {
                    selector.select(this::ready, wait < 0 ? 0 : wait);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            runTasks();
            runTimers();
        }
    }

    private void ready(SelectionKey key) {
        WsConnection c = (WsConnection) key.attachment();
        try {
            c.onReady(key);
        } catch (RuntimeException e) {
            handlerErrors++;
            c.fail(1006, "handler error: " + e);
        }
    }

    private long nextTimerDelayMillis() {
        if (!tasks.isEmpty()) {
            return 0;
        }
        Timer t = timers.peek();
        if (t == null) {
            return -1;
        }
        long nanos = t.at - System.nanoTime();
        return nanos <= 0 ? 0 : Math.max(1, nanos / 1_000_000);
    }

    private void runTasks() {
        Runnable r;
        while ((r = tasks.poll()) != null) {
            guarded(r);
        }
    }

    private void runTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().at <= now) {
            guarded(timers.poll().task);
        }
    }

    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // A failing task must not stop the loop that every connection depends on; it is reported, not hidden.
            handlerErrors++;
            System.err.println("event loop task failed: " + e);
            e.printStackTrace();
        }
    }

    private record Timer(long at, long seq, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
