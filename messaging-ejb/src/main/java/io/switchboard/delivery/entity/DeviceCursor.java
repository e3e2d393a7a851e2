package io.switchboard.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The highest seq of one conversation that one device has acknowledged contiguously. Never moves back. */
@Entity
@Table(name = "sb_device_cursor")
@IdClass(DeviceCursor.Key.class)
@NamedQuery(name = DeviceCursor.OF_DEVICE, query = "select c from DeviceCursor c "
        + "where c.userId = :user and c.deviceId = :device")
@NamedQuery(name = DeviceCursor.HIGHEST_OF_USER, query = "select c.conversationId, max(c.ackedSeq) "
        + "from DeviceCursor c where c.userId = :user group by c.conversationId")
@NamedQuery(name = DeviceCursor.DELETE_OF_DEVICE, query = "delete from DeviceCursor c "
        + "where c.userId = :user and c.deviceId = :device")
public class DeviceCursor {

    public static final String OF_DEVICE = "DeviceCursor.ofDevice";
    public static final String HIGHEST_OF_USER = "DeviceCursor.highestOfUser";
    public static final String DELETE_OF_DEVICE = "DeviceCursor.deleteOfDevice";

    public record Key(String userId, String deviceId, String conversationId) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "user_id")
    private String userId;

    @Id
    @Column(name = "device_id")
    private String deviceId;

    @Id
    @Column(name = "conversation_id")
    private String conversationId;

    @Column(name = "acked_seq")
    private long ackedSeq;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected DeviceCursor() {
    }

    public String conversationId() {
        return conversationId;
    }

    public long ackedSeq() {
        return ackedSeq;
    }
}
