package io.switchboard.conversations.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "sb_conversation")
@NamedQuery(name = Conversation.BY_DIRECT_KEY, query = "select c from Conversation c where c.directKey = :key")
@NamedQuery(name = Conversation.OF_USER, query = "select c from Conversation c join c.memberships m "
        + "where m.userId = :user order by c.updatedAt desc")
@NamedQuery(name = Conversation.CHANGED_OF_USER, query = "select c from Conversation c join c.memberships m "
        + "where m.userId = :user and c.updatedAt > :since order by c.updatedAt asc")
@NamedQuery(name = Conversation.MEMBERS_CHANGED, query = "update Conversation c "
        + "set c.membersVersion = c.membersVersion + 1 where c.id = :id")
public class Conversation {

    public static final String BY_DIRECT_KEY = "Conversation.byDirectKey";
    public static final String OF_USER = "Conversation.ofUser";
    public static final String CHANGED_OF_USER = "Conversation.changedOfUser";
    /**
     * Raises the members version in the database, not in the entity: as one statement on the row, two changes on
     * two nodes cannot both write the same next version.
     */
    public static final String MEMBERS_CHANGED = "Conversation.membersChanged";

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    private ConversationKind kind;

    private String name;

    @Column(name = "direct_key")
    private String directKey;

    @Column(name = "last_seq")
    private long lastSeq;

    @Column(name = "members_version")
    private long membersVersion;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @OneToMany(mappedBy = "conversation", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    private List<Membership> memberships = new ArrayList<>();

    protected Conversation() {
    }

    private Conversation(ConversationKind kind, String name, String directKey, Instant now) {
        this.id = "c-" + UUID.randomUUID();
        this.kind = kind;
        this.name = name;
        this.directKey = directKey;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static Conversation direct(String a, String b, Instant now) {
        var conversation = new Conversation(ConversationKind.DIRECT, null, directKey(a, b), now);
        conversation.join(a, now);
        conversation.join(b, now);
        return conversation;
    }

    public static Conversation group(String name, List<String> members, Instant now) {
        var conversation = new Conversation(ConversationKind.GROUP, name, null, now);
        members.stream().distinct().forEach(user -> conversation.join(user, now));
        return conversation;
    }

    /** The same two users always get the same key, whoever starts the conversation. */
    public static String directKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "\n" + b : b + "\n" + a;
    }

    public boolean join(String user, Instant now) {
        if (isMember(user)) {
            return false;
        }
        memberships.add(new Membership(this, user, now));
        updatedAt = now;
        return true;
    }

    public boolean leave(String user, Instant now) {
        boolean removed = memberships.removeIf(m -> m.userId().equals(user));
        if (removed) {
            updatedAt = now;
        }
        return removed;
    }

    public boolean isMember(String user) {
        return memberships.stream().anyMatch(m -> m.userId().equals(user));
    }

    public List<String> members() {
        return memberships.stream().map(Membership::userId).sorted().toList();
    }

    public String id() {
        return id;
    }

    public ConversationKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
