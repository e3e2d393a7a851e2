package io.switchboard.delivery.boundary;

import io.switchboard.delivery.control.CursorTable;
import io.switchboard.delivery.control.DeviceTable;
import io.switchboard.delivery.control.UnsavedCursors;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes what devices acknowledged, and when they were last seen, off the threads that serve them: every flush
 * interval, and for the sessions that close, just after they close, both on a pooled thread. The flush used to run
 * on the delivery timer, whose redelivery ticks waited for it. Until a write commits, the positions stay among the
 * {@link UnsavedCursors}.
 */
@ApplicationScoped
public class CursorWrites {

    private static final Logger LOG = Logger.getLogger(CursorWrites.class.getName());

    UnsavedCursors unsaved = new UnsavedCursors();

    @EJB
    Deliveries deliveries;

    @Resource
    ManagedExecutorService pool;

    /**
     * How often acknowledged positions are written. Each write is one row per device and conversation that moved,
     * so a longer interval turns many acks of a busy group into one row; a crash can only repeat, never lose, what
     * was acknowledged since the last write.
     */
    @Inject
    @ConfigProperty(name = "switchboard.delivery.cursor-flush", defaultValue = "PT5S")
    Duration cursorFlush;

    /**
     * Rows (cursors, or devices seen) written in one transaction of a flush. Below Derby's lock-escalation
     * threshold (5,000 row locks in a table), so that a flush never takes a lock on the whole cursor table, which
     * would stall every connect reading it until the flush commits.
     */
    @Inject
    @ConfigProperty(name = "switchboard.delivery.cursor-batch", defaultValue = "1000")
    int cursorBatch;

    /** Devices that connected or disconnected since the last flush: their last-seen time is written with it. */
    private final Set<DeviceTable.DeviceKey> seen = ConcurrentHashMap.newKeySet();
    /** Devices whose sessions closed, waiting for their unsaved positions to be written. */
    private final Queue<DeviceTable.DeviceKey> closed = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closedWriteDue = new AtomicBoolean();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final Object writing = new Object();
    private volatile Instant lastFlush = Instant.EPOCH;

    /** The positions acknowledged and not yet written; the object itself, so that a session calls it directly. */
    public UnsavedCursors unsaved() {
        return unsaved;
    }

    /** The device connected: its last sighting goes with the next flush. */
    public void seen(DeviceTable.DeviceKey device) {
        seen.add(device);
    }

    /** The device's session closed: what it acknowledged is written now, on a pooled thread. */
    public void closed(DeviceTable.DeviceKey device) {
        seen.add(device);
        closed.add(device);
        if (closedWriteDue.compareAndSet(false, true)) {
            run(this::writeClosed);
        }
    }

    /**
     * Writes the unsaved positions of every device whose session closed since the last such write, in transactions
     * of at most {@code cursorBatch} rows: a thousand clients that leave together cost one or two commits, not a
     * thousand. Also called when a transport stops, so that its sessions' last acks are written before it ends.
     */
    @PreDestroy
    public void writeClosed() {
        closedWriteDue.set(false);
        Set<DeviceTable.DeviceKey> devices = new LinkedHashSet<>();
        for (DeviceTable.DeviceKey device = closed.poll(); device != null; device = closed.poll()) {
            devices.add(device);
        }
        List<CursorTable.Cursor> cursors = new ArrayList<>();
        devices.forEach(device -> cursors.addAll(unsaved.cursorsOf(device)));
        writeAll(chunks(cursors, List.of()));
    }

    /**
     * Starts a flush when one is due and none is running. The delivery timer calls this every second; a little
     * slack keeps a flush interval of whole seconds from slipping a tick.
     */
    public void flushIfDue(Instant now) {
        if (now.plusMillis(100).isBefore(lastFlush.plus(cursorFlush)) || !flushing.compareAndSet(false, true)) {
            return;
        }
        lastFlush = now;
        List<DeviceTable.DeviceKey> devices = new ArrayList<>(seen);
        seen.removeAll(devices);
        run(() -> flush(devices));
    }

    private void flush(List<DeviceTable.DeviceKey> devices) {
        try {
            writeAll(chunks(unsaved.all(), devices));
        } finally {
            flushing.set(false);
        }
    }

    private void run(Runnable write) {
        try {
            pool.execute(write);
        } catch (RejectedExecutionException e) {
            // The application is stopping and the pool takes no more work: this thread writes.
            write.run();
        }
    }

    /** The rows to write, at most {@code cursorBatch} to a transaction: the devices seen, then the cursors. */
    private List<Chunk> chunks(List<CursorTable.Cursor> cursors, List<DeviceTable.DeviceKey> devices) {
        int batch = Math.max(1, cursorBatch);
        List<Chunk> chunks = new ArrayList<>();
        for (int from = 0; from < devices.size(); from += batch) {
            chunks.add(new Chunk(List.of(), devices.subList(from, Math.min(devices.size(), from + batch))));
        }
        for (int from = 0; from < cursors.size(); from += batch) {
            chunks.add(new Chunk(cursors.subList(from, Math.min(cursors.size(), from + batch)), List.of()));
        }
        return chunks;
    }

    private record Chunk(List<CursorTable.Cursor> cursors, List<DeviceTable.DeviceKey> devices) {
    }

    /** Writes the chunks, each in its own transaction; a chunk that fails waits for the next flush. */
    private void writeAll(List<Chunk> chunks) {
        chunks.forEach(this::write);
    }

    /**
     * One write at a time on this node. A save updates the rows that exist and inserts the others: a flush and a
     * close that wrote a new device's row at once would both insert it, and the second transaction would fail on
     * the primary key, with every other row of its chunk.
     */
    private void write(Chunk chunk) {
        try {
            synchronized (writing) {
                deliveries.saveProgress(chunk.cursors(), chunk.devices());
            }
            unsaved.written(chunk.cursors());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=cursor_save_failed cursors=" + chunk.cursors().size() + " devices="
                    + chunk.devices().size(), e);
            seen.addAll(chunk.devices());
        }
    }
}
