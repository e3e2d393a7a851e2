package io.switchboard.delivery.control;

import io.switchboard.storage.control.InList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records in plain JDBC that devices were here, for many devices in a few batched statements: the write that a
 * connect would otherwise cost, one transaction and one log force each, is made once per cursor flush for all of
 * them.
 */
public final class DeviceTable {

    private static final Comparator<DeviceKey> KEY_ORDER = Comparator.comparing(DeviceKey::userId)
            .thenComparing(DeviceKey::deviceId);

    private final Connection connection;

    public DeviceTable(Connection connection) {
        this.connection = connection;
    }

    /**
     * Sets last-seen to {@code now}; a device without a row gets one, first seen now. Rows are written in key order.
     * Only the devices that have a row are updated: on Derby an UPDATE that finds no row raises a warning whose
     * text is looked up in resource bundles, an exception thrown and caught each time, which made a new device's
     * sighting cost more than its row.
     */
    public void seen(List<DeviceKey> devices, Instant now) throws SQLException {
        List<DeviceKey> sorted = devices.stream().distinct().sorted(KEY_ORDER).toList();
        Set<DeviceKey> stored = stored(sorted);
        List<DeviceKey> known = sorted.stream().filter(stored::contains).toList();
        Timestamp at = Timestamp.from(now);
        int[] updated = known.isEmpty() ? new int[0] : update(known, at);
        // A row read above may have expired since; it is inserted again like one never seen.
        Set<DeviceKey> gone = new HashSet<>();
        for (int i = 0; i < known.size(); i++) {
            if (updated[i] != 1) {
                gone.add(known.get(i));
            }
        }
        List<DeviceKey> missing = sorted.stream().filter(device -> !stored.contains(device) || gone.contains(device))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sb_device "
                + "(user_id, device_id, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)")) {
            for (DeviceKey device : missing) {
                insert.setString(1, device.userId());
                insert.setString(2, device.deviceId());
                insert.setTimestamp(3, at);
                insert.setTimestamp(4, at);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private int[] update(List<DeviceKey> devices, Timestamp at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sb_device SET last_seen_at = ? WHERE user_id = ? AND device_id = ?")) {
            for (DeviceKey device : devices) {
                update.setTimestamp(1, at);
                update.setString(2, device.userId());
                update.setString(3, device.deviceId());
                update.addBatch();
            }
            return update.executeBatch();
        }
    }

    /** Which of the devices have a row: every device of their users is read, by the primary key's first column. */
    private Set<DeviceKey> stored(List<DeviceKey> devices) throws SQLException {
        Set<DeviceKey> stored = new HashSet<>();
        List<String> users = devices.stream().map(DeviceKey::userId).distinct().toList();
        for (List<String> chunk : InList.chunks(users)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT user_id, device_id FROM sb_device "
                    + "WHERE user_id IN (" + InList.placeholders(chunk.size()) + ")")) {
                InList.bind(select, chunk);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        stored.add(new DeviceKey(rows.getString(1), rows.getString(2)));
                    }
                }
            }
        }
        return stored;
    }

    /** A device of a user. */
    public record DeviceKey(String userId, String deviceId) {
    }
}
