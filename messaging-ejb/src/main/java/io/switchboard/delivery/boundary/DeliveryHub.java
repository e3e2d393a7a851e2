package io.switchboard.delivery.boundary;

import io.switchboard.conversations.boundary.MessageStored;
import io.switchboard.delivery.control.Connection;
import io.switchboard.delivery.control.CursorTable;
import io.switchboard.delivery.control.DeviceSession;
import io.switchboard.delivery.control.DeviceTable;
import io.switchboard.delivery.control.SerialLane;
import io.switchboard.delivery.control.SessionRegistry;
import io.switchboard.monitoring.boundary.Telemetry;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * Registers the device, then reads where it stands and starts its replay. In that order, a message committed
     * meanwhile is either in the positions or offered to the registered session; live offers wait for the replay.
     */
    public DeviceSession open(Connection connection, Map<String, Long> statedCursors) {
        var session = new DeviceSession(connection, deliveries, new SerialLane(pool), ackTimeout, maxRedeliveries);
        registry.register(session);
        seen.add(new DeviceTable.DeviceKey(connection.userId(), connection.deviceId()));
        try {
            session.start(deliveries.connect(connection.userId(), connection.deviceId(), statedCursors),
                    statedCursors);
            return session;
        } catch (RuntimeException e) {
            registry.unregister(session);
            throw e;
        }
    }

    public void close(DeviceSession session) {
        registry.unregister(session);
        seen.add(new DeviceTable.DeviceKey(session.connection().userId(), session.connection().deviceId()));
        save(List.of(session), List.of());
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
            save(registry.all(), devices);
        }
    }

    /**
     * Writes the sessions' unsaved acks and the given devices' last-seen, at most {@code cursorBatch} rows to a
     * transaction; a chunk that fails waits for the next flush, the others stay written.
     */
    private void save(Collection<DeviceSession> sessions, List<DeviceTable.DeviceKey> devices) {
        int batch = Math.max(1, cursorBatch);
        for (int from = 0; from < devices.size(); from += batch) {
            List<DeviceTable.DeviceKey> chunk = devices.subList(from, Math.min(devices.size(), from + batch));
            write(List.of(), chunk);
        }
        List<Map.Entry<DeviceSession, Map<String, Long>>> taken = new ArrayList<>();
        int rows = 0;
        for (DeviceSession session : sessions) {
            Map<String, Long> acks = session.takeUnsavedAcks();
            if (!acks.isEmpty()) {
                taken.add(Map.entry(session, acks));
                rows += acks.size();
            }
            if (rows >= batch) {
                write(taken, List.of());
                taken = new ArrayList<>();
                rows = 0;
            }
        }
        if (!taken.isEmpty()) {
            write(taken, List.of());
        }
    }

    private void write(List<Map.Entry<DeviceSession, Map<String, Long>>> taken, List<DeviceTable.DeviceKey> devices) {
        List<CursorTable.Cursor> updates = new ArrayList<>();
        for (var entry : taken) {
            Connection c = entry.getKey().connection();
            entry.getValue().forEach((conversation, seq) -> updates.add(
                    new CursorTable.Cursor(c.userId(), c.deviceId(), conversation, seq)));
        }
        try {
            deliveries.saveProgress(updates, devices);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=cursor_save_failed cursors=" + updates.size() + " devices="
                    + devices.size(), e);
            taken.forEach(entry -> entry.getKey().keepUnsavedAcks(entry.getValue()));
            seen.addAll(devices);
        }
    }
}
