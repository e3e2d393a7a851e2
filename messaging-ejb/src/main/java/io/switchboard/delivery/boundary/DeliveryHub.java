package io.switchboard.delivery.boundary;

import io.switchboard.conversations.boundary.MessageStored;
import io.switchboard.delivery.control.Connection;
import io.switchboard.delivery.control.DeviceSession;
import io.switchboard.delivery.control.DeviceTable;
import io.switchboard.delivery.control.SessionRegistry;
import io.switchboard.delivery.control.UnsavedCursors;
import io.switchboard.monitoring.boundary.Telemetry;
import jakarta.annotation.PostConstruct;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens and closes device sessions, hands them committed messages, and drives redelivery; what the devices
 * acknowledged is written by {@link CursorWrites}.
 */
@ApplicationScoped
public class DeliveryHub {

    @Inject
    SessionRegistry registry;

    /** {@link CursorWrites#unsaved()}, kept at construction: every ack goes there. */
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

    @Inject
    CursorWrites cursorWrites;

    @PostConstruct
    void keepUnsaved() {
        unsaved = cursorWrites.unsaved();
    }

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
            var session = new DeviceSession(opening.connection(), deliveries, unsaved, pool,
                    ackTimeout, maxRedeliveries);
            registry.register(session);
            sessions.add(session);
        }
        try {
            List<Deliveries.Connecting> connecting = new ArrayList<>(openings.size());
            for (Opening opening : openings) {
                var device = new DeviceTable.DeviceKey(opening.connection().userId(),
                        opening.connection().deviceId());
                cursorWrites.seen(device);
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
        cursorWrites.closed(new DeviceTable.DeviceKey(session.connection().userId(),
                session.connection().deviceId()));
    }

    /** A transport stopped: the acks of the sessions it closed are written now, on the calling thread. */
    public void writeClosed() {
        cursorWrites.writeClosed();
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageStored stored) {
        for (DeviceSession session : registry.ofAll(stored.members())) {
            if (session.connection().sessionId().equals(stored.originSession())) {
                session.offerOwn(stored.message());
            } else {
                session.offer(stored.message());
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
        cursorWrites.flushIfDue(now);
    }
}
