package io.switchboard.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A device of a user, as long as it keeps coming back; unseen past the device-expiry age it is forgotten. Rows are
 * written by {@link io.switchboard.delivery.control.DeviceTable}, many at a time.
 */
@Entity
@Table(name = "sb_device")
@IdClass(Device.Key.class)
@NamedQuery(name = Device.EXPIRED, query = "select d from Device d where d.lastSeenAt < :cutoff")
public class Device {

    public static final String EXPIRED = "Device.expired";

    public record Key(String userId, String deviceId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "user_id")
    private String userId;

    @Id
    @Column(name = "device_id")
    private String deviceId;

    @Column(name = "first_seen_at")
    private Instant firstSeenAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    protected Device() {
    }

    public String userId() {
        return userId;
    }

    public String deviceId() {
        return deviceId;
    }
}
