package io.switchboard.client;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/** The one thread per client that owns all of its state, and the executor that runs on it. */
final class EventThread implements ThreadFactory {

    private final String name;
    private volatile Thread thread;

    private EventThread(String name) {
        this.name = name;
    }

    static ScheduledThreadPoolExecutor create(String device) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                new EventThread("switchboard-client-" + device));
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        return executor;
    }

    /** Whether the caller runs on this executor's thread, where waiting for the executor's work would deadlock. */
    static boolean isCurrent(ScheduledThreadPoolExecutor executor) {
        return ((EventThread) executor.getThreadFactory()).thread == Thread.currentThread();
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread created = new Thread(task, name);
        // Daemon, so that an application that forgets close() can still exit.
        created.setDaemon(true);
        thread = created;
        return created;
    }
}
