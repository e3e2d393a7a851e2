package io.switchboard.conversations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "sb_message")
@NamedQuery(name = Message.PAGE_AFTER, query = "select m from Message m "
        + "where m.conversationId = :conversation and m.seq > :after and m.seq < :before order by m.seq asc")
@NamedQuery(name = Message.PAGE_BEFORE, query = "select m from Message m "
        + "where m.conversationId = :conversation and m.seq > :after and m.seq < :before order by m.seq desc")
@NamedQuery(name = Message.COUNT, query = "select count(m) from Message m")
@NamedQuery(name = Message.BACKLOG, query = "select m from Message m where m.conversationId = :conversation "
        + "and m.seq > :after and m.seq <= :upto and m.sentAt >= :oldest order by m.seq desc")
@NamedQuery(name = Message.DELETE_OLDER, query = "delete from Message m "
        + "where m.id < :floor and m.sentAt < :oldest")
public class Message {

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
