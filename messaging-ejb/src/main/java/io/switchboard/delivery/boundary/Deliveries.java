package io.switchboard.delivery.boundary;

import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.conversations.control.MessageIds;
import io.switchboard.conversations.entity.Conversation;
import io.switchboard.conversations.entity.Message;
import io.switchboard.delivery.control.CursorTable;
import io.switchboard.delivery.control.DeviceTable;
import io.switchboard.delivery.entity.Device;
import io.switchboard.delivery.entity.DeviceCursor;
import io.switchboard.platform.Timestamps;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The stored side of delivery: devices, their cursors, and the backlog each device is owed. */
@Stateless
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Resource(lookup = "jdbc/switchboard")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "switchboard.delivery.replay-limit", defaultValue = "1000")
    int replayLimit;

    @Inject
    @ConfigProperty(name = "switchboard.retention.max-age", defaultValue = "P30D")
    Duration retention;

    @Inject
    @ConfigProperty(name = "switchboard.delivery.device-expiry", defaultValue = "P90D")
    Duration deviceExpiry;

    /**
     * Answers, for each connecting device in order, where each of its user's conversations stands: the cursor (the
     * device's own statement where it made one, else the stored one or the higher one acknowledged but not yet
     * written) and the conversation's last seq. A statement below the stored cursor counts too: the device knows
     * best what it has (it may have restarted from cursors it saved before its last acks), and a replay from the
     * stored one would leave it waiting for ever for the seqs between. It only reads, two lookups per device on one
     * connection outside a transaction: that the device was here is written with the next cursor flush
     * ({@link #saveProgress}), so a connect costs no commit of its own.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Map<String, Position>> connectAll(List<Connecting> devices) {
        Map<DeviceTable.DeviceKey, Map<String, CursorTable.Standing>> standings;
        try (Connection connection = dataSource.getConnection()) {
            standings = new CursorTable(connection).standings(devices.stream().map(Connecting::key).toList());
        } catch (SQLException e) {
            throw new PersistenceException("reading where " + devices.size() + " connecting devices stand failed",
                    e);
        }
        return devices.stream().map(device -> device.positions(standings.get(device.key()))).toList();
    }

    /**
     * A device that connects: its acknowledgements not yet written ({@code unsaved}) and the cursors it stated
     * itself ({@code stated}), by conversation.
     */
    public record Connecting(String user, String device, Map<String, Long> unsaved, Map<String, Long> stated) {

        DeviceTable.DeviceKey key() {
            return new DeviceTable.DeviceKey(user, device);
        }

        Map<String, Position> positions(Map<String, CursorTable.Standing> standings) {
            Map<String, Position> positions = new HashMap<>();
            standings.forEach((conversation, standing) -> positions.put(conversation, new Position(
                    stated.containsKey(conversation) ? Math.min(stated.get(conversation), standing.lastSeq())
                            : Math.max(standing.ackedSeq(), unsaved.getOrDefault(conversation, 0L)),
                    standing.lastSeq())));
            return positions;
        }
    }

    public record Position(long cursor, long lastSeq) {
    }

    /** The messages after {@code afterSeq} up to {@code uptoSeq}: the newest within the replay bound, and the gap. */
    public Backlog backlog(String conversationId, long afterSeq, long uptoSeq) {
        Instant oldest = Timestamps.now().minus(retention);
        List<MessageView> newest = new ArrayList<>(em.createNamedQuery(Message.BACKLOG, Message.class)
                .setParameter("conversation", conversationId).setParameter("after", afterSeq)
                .setParameter("upto", uptoSeq).setParameter("oldest", oldest)
                .setMaxResults(replayLimit).getResultStream().map(MessageView::of).toList());
        Collections.reverse(newest);
        long firstPushed = newest.isEmpty() ? uptoSeq + 1 : newest.get(0).seq();
        Optional<Backlog.Gap> gap = firstPushed > afterSeq + 1
                ? Optional.of(new Backlog.Gap(conversationId, afterSeq + 1, firstPushed - 1)) : Optional.empty();
        return new Backlog(gap, newest);
    }

    public boolean isMember(String user, String conversationId) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        return conversation != null && conversation.isMember(user);
    }

    /**
     * Persists acknowledged positions and the devices seen since the last save, in one transaction. Called in
     * batches: a crash can only cause a repeat of what was acknowledged since, never a loss, and a device's
     * last-seen time may lag by one flush interval.
     */
    public void saveProgress(List<CursorTable.Cursor> cursors, List<DeviceTable.DeviceKey> devices) {
        Instant now = Timestamps.now();
        try (Connection connection = dataSource.getConnection()) {
            if (!devices.isEmpty()) {
                new DeviceTable(connection).seen(devices, now);
            }
            if (!cursors.isEmpty()) {
                new CursorTable(connection).save(cursors, now);
            }
        } catch (SQLException e) {
            throw new PersistenceException("saving " + cursors.size() + " cursors and " + devices.size()
                    + " devices failed", e);
        }
    }

    /** Deletes messages past the retention age and forgets devices unseen past the device-expiry age. */
    public void expire() {
        Instant now = Timestamps.now();
        // The id bound lets the primary key find the old messages; the time keeps any id of another layout safe.
        Instant oldest = now.minus(retention);
        int messages = em.createNamedQuery(Message.DELETE_OLDER).setParameter("floor", MessageIds.floor(oldest))
                .setParameter("oldest", oldest).executeUpdate();
        List<Device> gone = em.createNamedQuery(Device.EXPIRED, Device.class)
                .setParameter("cutoff", now.minus(deviceExpiry)).getResultList();
        for (Device device : gone) {
            em.createNamedQuery(DeviceCursor.DELETE_OF_DEVICE).setParameter("user", device.userId())
                    .setParameter("device", device.deviceId()).executeUpdate();
            em.remove(device);
        }
        if (messages > 0 || !gone.isEmpty()) {
            LOG.info(() -> "event=expiry messages=" + messages + " devices=" + gone.size());
        }
    }
}
