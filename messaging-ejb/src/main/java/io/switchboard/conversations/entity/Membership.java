package io.switchboard.conversations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

@Entity
@Table(name = "sb_membership")
@IdClass(Membership.Key.class)
public class Membership {

    public record Key(String conversation, String userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @ManyToOne
    @JoinColumn(name = "conversation_id")
    private Conversation conversation;

    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(name = "joined_at")
    private Instant joinedAt;

    protected Membership() {
    }

    Membership(Conversation conversation, String userId, Instant joinedAt) {
        this.conversation = conversation;
        this.userId = userId;
        this.joinedAt = joinedAt;
    }

    public String userId() {
        return userId;
    }
}
