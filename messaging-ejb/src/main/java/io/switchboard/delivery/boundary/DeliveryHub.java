package io.switchboard.delivery.boundary;

import io.switchboard.conversations.boundary.MessageStored;
import io.switchboard.delivery.control.Connection;
import io.switchboard.delivery.control.CursorTable;
import io.switchboard.delivery.control.DeviceSession;
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

    private volatile Instant lastFlush = Instant.EPOCH;

    /**
     * Registers the device, then reads where it stands and starts its replay. In that order, a message committed
     * meanwhile is either in the positions or offered to the registered session; live offers wait for the replay.
     */
    public DeviceSession open(Connection connection, Map<String, Long> statedCursors) {
        var session = new DeviceSession(connection, deliveries, new SerialLane(pool), ackTimeout, maxRedeliveries);
        registry.register(session);
        try {
            session.start(deliveries.connect(connection.userId(), connection.deviceId(), statedCursors));
            return session;
        } catch (RuntimeException e) {
            registry.unregister(session);
            throw e;
        }
    }

    public void close(DeviceSession session) {
        registry.unregister(session);
        save(List.of(session));
        deliveries.seen(session.connection().userId(), session.connection().deviceId());
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageStored stored) {
        for (String member : stored.members()) {
            for (DeviceSession session : registry.of(member)) {
                session.offer(stored.message());
            }
        }
        telemetry.messageStored();
    }

    /** Called every second by the delivery timer: redelivery, and the cursor flush when it is due. */
    public void tick() {
        Instant now = Instant.now();
        for (DeviceSession session : registry.all()) {
            if (session.owing()) {
                session.tick(now);
            }
        }
        // The tick fires on the second; a little slack keeps a flush interval of whole seconds from slipping a tick.
        if (!now.plusMillis(100).isBefore(lastFlush.plus(cursorFlush))) {
            lastFlush = now;
            save(registry.all());
        }
    }

    private void save(Collection<DeviceSession> sessions) {
        List<CursorTable.Cursor> updates = new ArrayList<>();
        List<Map.Entry<DeviceSession, Map<String, Long>>> taken = new ArrayList<>();
        for (DeviceSession session : sessions) {
            Map<String, Long> acks = session.takeUnsavedAcks();
            if (!acks.isEmpty()) {
                taken.add(Map.entry(session, acks));
                Connection c = session.connection();
                acks.forEach((conversation, seq) -> updates.add(
                        new CursorTable.Cursor(c.userId(), c.deviceId(), conversation, seq)));
            }
        }
        if (updates.isEmpty()) {
            return;
        }
        try {
            deliveries.saveCursors(updates);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=cursor_save_failed cursors=" + updates.size(), e);
            taken.forEach(entry -> entry.getKey().keepUnsavedAcks(entry.getValue()));
        }
    }
}
