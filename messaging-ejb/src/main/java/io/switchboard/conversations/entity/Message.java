package io.switchboard.conversations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "sb_message")
@NamedQuery(name = Message.BY_CLIENT_ID, query = "select m from Message m "
        + "where m.senderId = :sender and m.clientMessageId = :clientMessageId")
@NamedQuery(name = Message.PAGE_AFTER, query = "select m from Message m "
        + "where m.conversationId = :conversation and m.seq > :after and m.seq < :before order by m.seq asc")
@NamedQuery(name = Message.PAGE_BEFORE, query = "select m from Message m "
        + "where m.conversationId = :conversation and m.seq > :after and m.seq < :before order by m.seq desc")
@NamedQuery(name = Message.COUNT, query = "select count(m) from Message m")
@NamedQuery(name = Message.BACKLOG, query = "select m from Message m where m.conversationId = :conversation "
        + "and m.seq > :after and m.seq <= :upto and m.sentAt >= :oldest order by m.seq desc")
@NamedQuery(name = Message.DELETE_OLDER, query = "delete from Message m where m.sentAt < :oldest")
public class Message {

    public static final String BY_CLIENT_ID = "Message.byClientId";
    public static final String PAGE_AFTER = "Message.pageAfter";
    public static final String PAGE_BEFORE = "Message.pageBefore";
    public static final String COUNT = "Message.count";
    public static final String BACKLOG = "Message.backlog";
    public static final String DELETE_OLDER = "Message.deleteOlder";

    @Id
    private String id;

    @Column(name = "conversation_id")
    private String conversationId;

    private long seq;

    @Column(name = "sender_id")
    private String senderId;

    @Column(name = "client_message_id")
    private String clientMessageId;

    private String text;

    private String priority;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected Message() {
    }

    public Message(String conversationId, long seq, String senderId, String clientMessageId, String text,
            Priority priority, Instant sentAt) {
        this.id = "m-" + UUID.randomUUID();
        this.conversationId = conversationId;
        this.seq = seq;
        this.senderId = senderId;
        this.clientMessageId = clientMessageId;
        this.text = text;
        this.priority = priority.wireName();
        this.sentAt = sentAt;
    }

    /** Whether a repeated send with this message's clientMessageId asks for the same thing. */
    public boolean sameRequest(String conversationId, String text) {
        return this.conversationId.equals(conversationId) && this.text.equals(text);
    }

    public String id() {
        return id;
    }

    public String conversationId() {
        return conversationId;
    }

    public long seq() {
        return seq;
    }

    public String senderId() {
        return senderId;
    }

    public String clientMessageId() {
        return clientMessageId;
    }

    public String text() {
        return text;
    }

    public Priority priority() {
        return Priority.fromWire(priority);
    }

    public Instant sentAt() {
        return sentAt;
    }
}
