package io.switchboard.delivery.boundary.ws;

import io.switchboard.delivery.control.DeviceSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One thread, one selector, the sockets it was given: it reads every frame of its sockets and runs what other
 * threads hand it. Reading happens on one buffer for all of them, so an idle socket costs no buffer of its own.
 */
final class SocketLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(SocketLoop.class.getName());
    /** Room for the largest frame the server takes, its header, and what was kept from the last read. */
    private static final int SLACK = 16 * 1024;
    private static final int OPEN_BATCH = 64;

    private final SocketServer server;
    private final Selector selector;
    private final ByteBuffer readBuffer;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean awake = new AtomicBoolean();
    /** Sessions with a deadline: a handshake or a close that must end by then. */
    private final Set<SocketSession> watched = new HashSet<>();
    private final Set<SocketSession> open = new HashSet<>();
    /** Sessions upgraded in this round of the selector: their deliveries open together after it. */
    private final List<SocketSession> upgraded = new ArrayList<>();
    private volatile Thread thread;
    private volatile boolean running = true;
    /** {@code System.nanoTime()} when the round under way began; 0 while the loop waits for its sockets. */
    private volatile long roundStarted;
    private volatile long lastRoundNanos;

    SocketLoop(SocketServer server) throws IOException {
        this.server = server;
        this.selector = Selector.open();
        this.readBuffer = ByteBuffer.allocateDirect(2 * server.maxMessageBytes() + SLACK);
    }

    SocketServer server() {
        return server;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /**
     * How long bytes that reach one of this loop's sockets may wait before it reads them: the age of the round under
     * way or the length of the last one, whichever is longer. Under a load the server cannot keep up with, rounds
     * take seconds, and a device's acks wait in its socket that long. Any thread.
     */
    Duration readLag() {
        long started = roundStarted;
        long current = started == 0 ? 0 : System.nanoTime() - started;
        return Duration.ofNanos(Math.max(current, lastRoundNanos));
    }

    /** Hands a new socket to this loop. Any thread. */
    void adopt(SocketChannel channel) {
        execute(() -> {
            try {
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
                var session = new SocketSession(this, channel, key);
                key.attach(session);
                watched.add(session);
            } catch (IOException e) {
                LOG.log(Level.FINE, "event=socket_error", e);
                close(channel);
            }
        });
    }

    /** Runs the task on this loop's thread, after what it is doing now. Any thread. */
    void execute(Runnable task) {
        tasks.add(task);
        wakeup();
    }

    void wakeup() {
        if (!inLoop() && awake.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    void watch(SocketSession session) {
        watched.add(session);
    }

    void opened(SocketSession session) {
        watched.remove(session);
        open.add(session);
    }

    void upgraded(SocketSession session) {
        upgraded.add(session);
    }

    void closed(SocketSession session) {
        watched.remove(session);
        open.remove(session);
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            // Liberty interrupts its managed threads when the application stops; a selector would then never block.
            while (running && !Thread.currentThread().isInterrupted()) {
                selector.select(1000);
                long started = System.nanoTime();
                roundStarted = started;
                awake.set(false);
                ready();
                openUpgraded();
                runTasks();
                expire();
                lastRoundNanos = System.nanoTime() - started;
                roundStarted = 0;
            }
        } catch (IOException | ClosedSelectorException e) {
            LOG.log(Level.WARNING, "event=socket_loop_failed", e);
        } finally {
            // The sessions' last cursor writes must not run on the interrupted thread: Derby closes the connection of
            // a thread interrupted during its I/O, and those acks would be replayed after the restart.
            boolean interrupted = Thread.interrupted();
            shutdownSessions();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void ready() {
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            SocketSession session = (SocketSession) key.attachment();
            guarded(session, () -> {
                if (key.isValid() && key.isWritable()) {
                    session.writable();
                }
                if (key.isValid() && key.isReadable()) {
                    session.readable(readBuffer);
                }
            });
        }
    }

    /** One session's failure must not stop the loop that serves thousands: it ends that session alone. */
    private static void guarded(SocketSession session, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=socket_session_failed", e);
            session.terminate();
        }
    }

    /**
     * Opens the deliveries of the sessions upgraded in this round, {@value #OPEN_BATCH} at a time: connects that
     * arrive together share one read of the store, which costs less than each reading on its own.
     */
    private void openUpgraded() {
        while (!upgraded.isEmpty()) {
            List<SocketSession> batch = List.copyOf(upgraded.subList(0, Math.min(OPEN_BATCH, upgraded.size())));
            upgraded.subList(0, batch.size()).clear();
            List<DeviceSession> deliveries;
            try {
                deliveries = server.chat().openAll(batch.stream().map(SocketSession::opening).toList());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event=socket_session_failed", e);
                batch.forEach(SocketSession::terminate);
                continue;
            }
            for (int i = 0; i < batch.size(); i++) {
                SocketSession session = batch.get(i);
                DeviceSession delivery = deliveries.get(i);
                guarded(session, () -> session.opened(delivery));
            }
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event=socket_task_failed", e);
            }
        }
    }

    private void expire() {
        if (watched.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        for (SocketSession session : new ArrayList<>(watched)) {
            if (session.deadline() != 0 && now - session.deadline() > 0) {
                session.expire();
            }
        }
    }

    /** Ends the loop: every session is told the server goes away and closed. Any thread. */
    void stop() {
        running = false;
        selector.wakeup();
    }

    private void shutdownSessions() {
        runTasks();
        for (SocketSession session : new ArrayList<>(open)) {
            session.shutdown();
        }
        for (SocketSession session : new ArrayList<>(watched)) {
            session.terminate();
        }
        server.chat().transportStopped();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "event=close_failed", e);
        }
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "event=close_failed", e);
        }
    }
}
