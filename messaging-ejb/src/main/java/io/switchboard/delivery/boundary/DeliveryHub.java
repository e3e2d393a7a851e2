package io.switchboard.delivery.boundary;

import io.switchboard.conversations.boundary.MessageStored;
import io.switchboard.delivery.control.Connection;
import io.switchboard.delivery.control.CursorTable;
import io.switchboard.delivery.control.DeviceSession;
import io.switchboard.delivery.control.DeviceTable;
import io.switchboard.delivery.control.SerialLane;
import io.switchboard.delivery.control.SessionRegistry;
import io.switchboard.delivery.control.UnsavedCursors;
import io.switchboard.monitoring.boundary.Telemetry;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Opens and closes device sessions, hands them committed messages, and drives redelivery and cursor saving. */
@ApplicationScoped
public class DeliveryHub {

    private static final Logger LOG = Logger.getLogger(DeliveryHub.class.getName());

    @Inject
    SessionRegistry registry;

    @Inject
    UnsavedCursors unsaved;

    @Inject
    Telemetry telemetry;

    @EJB
    Deliveries deliveries;

    @Resource
    ManagedExecutorService pool;

    @Inject
    @ConfigProperty(name = "switchboard.delivery.ack-timeout", defaultValue = "PT5S")
    Duration ackTimeout;

    @Inject
    @ConfigProperty(name = "switchboard.delivery.max-redeliveries", defaultValue = "3")
    int maxRedeliveries;

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

    private volatile Instant lastFlush = Instant.EPOCH;

    /** Devices that connected or disconnected since the last flush: their last-seen time is written with it. */
    private final Set<DeviceTable.DeviceKey> seen = ConcurrentHashMap.newKeySet();

    /** Devices whose sessions closed, waiting for their unsaved positions to be written ({@link #writeClosed}). */
    private final Queue<DeviceTable.DeviceKey> closed = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closedWriteDue = new AtomicBoolean();

    /**
     * Registers the devices, then reads where they stand and starts their replays; the sessions come back in the
     * order of the openings. In that order, a message committed meanwhile is either in the positions or offered to
     * the registered session; live offers wait for the replay. Each device's positions acknowledged but not yet
     * written are taken before the stored ones are read, so that between the two every ack the server has is
     * counted, even one of a session of the same device that is still closing. Connects that arrive together are
     * opened together, so that they share one read of the store.
     *
     * @throws RuntimeException when the store cannot be read; none of the sessions is then registered
     */
    public List<DeviceSession> openAll(List<Opening> openings) {
        List<DeviceSession> sessions = new ArrayList<>(openings.size());
        for (Opening opening : openings) {
            var session = new DeviceSession(opening.connection(), deliveries, unsaved, new SerialLane(pool),
                    ackTimeout, maxRedeliveries);
            registry.register(session);
            sessions.add(session);
        }
        try {
            List<Deliveries.Connecting> connecting = new ArrayList<>(openings.size());
            for (Opening opening : openings) {
                var device = new DeviceTable.DeviceKey(opening.connection().userId(),
                        opening.connection().deviceId());
                seen.add(device);
                connecting.add(new Deliveries.Connecting(device.userId(), device.deviceId(), unsaved.of(device),
                        opening.statedCursors()));
            }
            List<Map<String, Deliveries.Position>> positions = deliveries.connectAll(connecting);
            for (int i = 0; i < sessions.size(); i++) {
                sessions.get(i).start(positions.get(i), openings.get(i).statedCursors());
            }
            return sessions;
        } catch (RuntimeException e) {
            sessions.forEach(registry::unregister);
            throw e;
        }
    }

    /** A connection to open a device session for, with the cursors its device stated at the upgrade. */
    public record Opening(Connection connection, Map<String, Long> statedCursors) {
    }

    /**
     * Ends the session and has what its device acknowledged since the last flush written on a pooled thread, so that
     * a connect to another node finds it too; an ack still on its way through the session's lane goes with the next
     * flush. The closing thread does not wait for the write: on the own transport it is a socket loop, and a write
     * held up by a flush's row locks would stall every socket of that loop. Until the write commits, the positions
     * stay among the unsaved ones, where a connect of the same device to this node finds them.
     */
    public void close(DeviceSession session) {
        registry.unregister(session);
        var device = new DeviceTable.DeviceKey(session.connection().userId(), session.connection().deviceId());
        seen.add(device);
        closed.add(device);
        if (closedWriteDue.compareAndSet(false, true)) {
            try {
                pool.execute(this::writeClosed);
            } catch (RejectedExecutionException e) {
                // The application is stopping and the pool takes no more work: this thread writes.
                writeClosed();
            }
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
        writeCursors(cursors);
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageStored stored) {
        for (String member : stored.members()) {
            for (DeviceSession session : registry.of(member)) {
                if (session.connection().sessionId().equals(stored.originSession())) {
                    session.offerOwn(stored.message());
                } else {
                    session.offer(stored.message());
                }
            }
        }
        telemetry.messageStored();
    }

    /** Called every second by the delivery timer: redelivery, and the cursor flush when it is due. */
    public void tick() {
        Instant now = Instant.now();
        for (DeviceSession session : registry.all()) {
            if (session.dueBy(now)) {
                session.tick(now);
            }
        }
        // The tick fires on the second; a little slack keeps a flush interval of whole seconds from slipping a tick.
        if (!now.plusMillis(100).isBefore(lastFlush.plus(cursorFlush))) {
            lastFlush = now;
            List<DeviceTable.DeviceKey> devices = new ArrayList<>(seen);
            seen.removeAll(devices);
            save(devices);
        }
    }

    /**
     * Writes the unsaved positions and the given devices' last-seen, at most {@code cursorBatch} rows to a
     * transaction; a chunk that fails waits for the next flush, the others stay written.
     */
    private void save(List<DeviceTable.DeviceKey> devices) {
        inChunks(devices, chunk -> write(List.of(), chunk));
        writeCursors(unsaved.all());
    }

    private void writeCursors(List<CursorTable.Cursor> cursors) {
        inChunks(cursors, chunk -> write(chunk, List.of()));
    }

    private <T> void inChunks(List<T> rows, Consumer<List<T>> write) {
        int batch = Math.max(1, cursorBatch);
        for (int from = 0; from < rows.size(); from += batch) {
            write.accept(rows.subList(from, Math.min(rows.size(), from + batch)));
        }
    }

    private void write(List<CursorTable.Cursor> cursors, List<DeviceTable.DeviceKey> devices) {
        if (cursors.isEmpty() && devices.isEmpty()) {
            return;
        }
        try {
            deliveries.saveProgress(cursors, devices);
            unsaved.written(cursors);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=cursor_save_failed cursors=" + cursors.size() + " devices="
                    + devices.size(), e);
            seen.addAll(devices);
        }
    }
}
