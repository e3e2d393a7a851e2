package io.switchboard.delivery.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Records in plain JDBC that devices were here, for many devices in one batched UPDATE: the write that a connect
 * would otherwise cost, one transaction and one log force each, is made once per cursor flush for all of them.
 */
public final class DeviceTable {

    private static final Comparator<DeviceKey> KEY_ORDER = Comparator.comparing(DeviceKey::userId)
            .thenComparing(DeviceKey::deviceId);

    private final Connection connection;

    public DeviceTable(Connection connection) {
        this.connection = connection;
    }

    /** Sets last-seen to {@code now}; a device without a row gets one, first seen now. Rows are written in key order. */
    public void seen(List<DeviceKey> devices, Instant now) throws SQLException {
        List<DeviceKey> sorted = devices.stream().distinct().sorted(KEY_ORDER).toList();
        Timestamp at = Timestamp.from(now);
        int[] updated;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sb_device SET last_seen_at = ? WHERE user_id = ? AND device_id = ?")) {
            for (DeviceKey device : sorted) {
                update.setTimestamp(1, at);
                update.setString(2, device.userId());
                update.setString(3, device.deviceId());
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        List<DeviceKey> missing = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (updated[i] != 1) {
                missing.add(sorted.get(i));
            }
        }
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

    /** A device of a user. */
    public record DeviceKey(String userId, String deviceId) {
    }
}
