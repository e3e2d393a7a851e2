package io.switchboard.bench.proto.switchboard;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs {@code count} blocking calls with at most {@code concurrency} in flight and prints progress every two seconds:
 * creating thousands of tokens and conversations takes long enough that silence would look like a hang. The first
 * failure stops the batch and is rethrown.
 */
final class Batch {

    private Batch() {
    }

    static void run(String what, int count, int concurrency, IntConsumer call) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        int workers = Math.max(1, Math.min(concurrency, count));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long t0 = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
                    try {
                        call.accept(i);
                        done.incrementAndGet();
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            });
        }
        pool.shutdown();
        try {
            while (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                progress(what, done.get(), count, t0);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        progress(what, done.get(), count, t0);
    }

    private static void progress(String what, int done, int count, long t0) {
        double s = (System.nanoTime() - t0) / 1e9;
        System.err.printf("  %s: %,d/%,d (%.0f/s)%n", what, done, count, done / Math.max(s, 1e-3));
    }
}
