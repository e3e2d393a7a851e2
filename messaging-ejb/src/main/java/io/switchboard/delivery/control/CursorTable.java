package io.switchboard.delivery.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Acknowledged positions in plain JDBC: read at every connect, written in one batched UPDATE for all of them (with
 * every device acking what it receives, about as many rows a second as messages are delivered). A cursor only ever
 * moves forward.
 */
public final class CursorTable {

    private static final Comparator<Cursor> KEY_ORDER = Comparator.comparing(Cursor::userId)
            .thenComparing(Cursor::deviceId).thenComparing(Cursor::conversationId);

    private final Connection connection;

    public CursorTable(Connection connection) {
        this.connection = connection;
    }

    /**
     * Where each device stands in each of its user's conversations: connects run this, hundreds a second when a
     * node restarts and its devices come back. The connects that arrive together share one connection and one
     * preparation of each statement, which cost more than running them; every row is found through an index.
     */
    public Map<DeviceTable.DeviceKey, Map<String, Standing>> standings(List<DeviceTable.DeviceKey> devices)
            throws SQLException {
        Map<DeviceTable.DeviceKey, Map<String, Standing>> all = new HashMap<>();
        // The last seq as a subquery by primary key, not a join: planned while the tables were small, Derby joined
        // them by hashing the whole conversation table on every connect.
        try (PreparedStatement cursors = connection.prepareStatement("SELECT conversation_id, acked_seq "
                + "FROM sb_device_cursor WHERE user_id = ? AND device_id = ?");
                PreparedStatement memberships = connection.prepareStatement("SELECT m.conversation_id, "
                        + "(SELECT c.last_seq FROM sb_conversation c WHERE c.id = m.conversation_id) "
                        + "FROM sb_membership m WHERE m.user_id = ?")) {
            for (DeviceTable.DeviceKey device : devices) {
                all.put(device, standing(device, cursors, memberships));
            }
        }
        return all;
    }

    private static Map<String, Standing> standing(DeviceTable.DeviceKey device, PreparedStatement cursors,
            PreparedStatement memberships) throws SQLException {
        Map<String, Long> acked = new HashMap<>();
        cursors.setString(1, device.userId());
        cursors.setString(2, device.deviceId());
        try (ResultSet rows = cursors.executeQuery()) {
            while (rows.next()) {
                acked.put(rows.getString(1), rows.getLong(2));
            }
        }
        Map<String, Standing> standings = new HashMap<>();
        memberships.setString(1, device.userId());
        try (ResultSet rows = memberships.executeQuery()) {
            while (rows.next()) {
                String conversation = rows.getString(1);
                standings.put(conversation, new Standing(acked.getOrDefault(conversation, 0L), rows.getLong(2)));
            }
        }
        return standings;
    }

    /** Raises each cursor to its seq; rows are written in key order, so two concurrent saves cannot deadlock. */
    public void save(List<Cursor> cursors, Instant now) throws SQLException {
        List<Cursor> sorted = cursors.stream().sorted(KEY_ORDER).toList();
        int[] updated;
        try (PreparedStatement update = connection.prepareStatement("UPDATE sb_device_cursor SET acked_seq = ?, "
                + "updated_at = ? WHERE user_id = ? AND device_id = ? AND conversation_id = ? AND acked_seq < ?")) {
            for (Cursor cursor : sorted) {
                update.setLong(1, cursor.ackedSeq());
                update.setTimestamp(2, Timestamp.from(now));
                bindKey(update, 3, cursor);
                update.setLong(6, cursor.ackedSeq());
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        List<Cursor> missing = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            // No row changed: either the cursor is new or it already stands at or past this seq.
            if (updated[i] != 1 && !exists(sorted.get(i))) {
                missing.add(sorted.get(i));
            }
        }
        if (!missing.isEmpty()) {
            insert(missing, now);
        }
    }

    private boolean exists(Cursor cursor) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT acked_seq FROM sb_device_cursor "
                + "WHERE user_id = ? AND device_id = ? AND conversation_id = ?")) {
            bindKey(select, 1, cursor);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private void insert(List<Cursor> cursors, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sb_device_cursor "
                + "(user_id, device_id, conversation_id, acked_seq, updated_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Cursor cursor : cursors) {
                bindKey(insert, 1, cursor);
                insert.setLong(4, cursor.ackedSeq());
                insert.setTimestamp(5, Timestamp.from(now));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bindKey(PreparedStatement statement, int first, Cursor cursor) throws SQLException {
        statement.setString(first, cursor.userId());
        statement.setString(first + 1, cursor.deviceId());
        statement.setString(first + 2, cursor.conversationId());
    }

    /** A device's stored cursor in a conversation, and the conversation's last seq. */
    public record Standing(long ackedSeq, long lastSeq) {
    }

    /** One device's acknowledged position in one conversation. */
    public record Cursor(String userId, String deviceId, String conversationId, long ackedSeq) {
    }
}
