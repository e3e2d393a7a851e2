package io.switchboard.conversations.boundary;

import io.switchboard.conversations.control.Names;
import io.switchboard.conversations.entity.Conversation;
import io.switchboard.conversations.entity.ConversationKind;
import io.switchboard.conversations.entity.Message;
import io.switchboard.platform.ErrorCode;
import io.switchboard.platform.Refusal;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import io.switchboard.platform.Timestamps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The conversations use cases but sending ({@link Sends}): one transaction per call, the same contract for REST and
 * Faces.
 */
@Stateless
public class Conversations {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    public ConversationView createDirect(String me, String other) {
        Names.user("with", other);
        if (me.equals(other)) {
            throw new Refusal(ErrorCode.INVALID_FIELD, "A direct conversation needs two different users.");
        }
        return em.createNamedQuery(Conversation.BY_DIRECT_KEY, Conversation.class)
                .setParameter("key", Conversation.directKey(me, other))
                .getResultStream()
                .findFirst()
                .map(ConversationView::of)
                .orElseGet(() -> persist(Conversation.direct(me, other, Timestamps.now())));
    }

    public ConversationView createGroup(String me, String name, List<String> members) {
        Names.groupName(name);
        var everyone = new ArrayList<String>();
        everyone.add(me);
        (members == null ? List.<String>of() : members).forEach(user -> everyone.add(Names.user("members", user)));
        return persist(Conversation.group(name, everyone, Timestamps.now()));
    }

    public ConversationView addMember(String me, String conversationId, String user) {
        Conversation conversation = groupOf(me, conversationId);
        if (conversation.join(Names.user("user", user), Timestamps.now())) {
            membersChanged(conversation);
        }
        return ConversationView.of(conversation);
    }

    public ConversationView removeMember(String me, String conversationId, String user) {
        Conversation conversation = groupOf(me, conversationId);
        if (!conversation.leave(user, Timestamps.now())) {
            throw new Refusal(ErrorCode.NOT_MEMBER, user + " is not a member of this conversation.");
        }
        membersChanged(conversation);
        return ConversationView.of(conversation);
    }

    public List<ConversationView> mine(String me) {
        return em.createNamedQuery(Conversation.OF_USER, Conversation.class)
                .setParameter("user", me)
                .getResultStream()
                .map(ConversationView::of)
                .toList();
    }

    public ConversationView get(String me, String conversationId) {
        return ConversationView.of(memberOf(me, conversationId));
    }

    public HistoryPage history(String me, String conversationId, HistoryQuery query) {
        memberOf(me, conversationId);
        String name = query.newestFirst() ? Message.PAGE_BEFORE : Message.PAGE_AFTER;
        List<MessageView> rows = new ArrayList<>(em.createNamedQuery(name, Message.class)
                .setParameter("conversation", conversationId)
                .setParameter("after", query.lower())
                .setParameter("before", query.upper())
                .setMaxResults(query.limit() + 1)
                .getResultStream()
                .map(MessageView::of)
                .toList());
        boolean hasMore = rows.size() > query.limit();
        List<MessageView> page = new ArrayList<>(rows.subList(0, Math.min(rows.size(), query.limit())));
        if (query.newestFirst()) {
            Collections.reverse(page);
        }
        return new HistoryPage(page, hasMore);
    }

    public long storedMessages() {
        return em.createNamedQuery(Message.COUNT, Long.class).getSingleResult();
    }

    /** Sends decided on members cached before this change will be decided again ({@code Rosters}). */
    private void membersChanged(Conversation conversation) {
        em.createNamedQuery(Conversation.MEMBERS_CHANGED).setParameter("id", conversation.id()).executeUpdate();
    }

    private ConversationView persist(Conversation conversation) {
        em.persist(conversation);
        return ConversationView.of(conversation);
    }

    private Conversation memberOf(String me, String conversationId) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (conversation == null) {
            throw new Refusal(ErrorCode.UNKNOWN_CONVERSATION, "There is no conversation " + conversationId + ".");
        }
        if (!conversation.isMember(me)) {
            throw new Refusal(ErrorCode.NOT_MEMBER, "You are not a member of this conversation.");
        }
        return conversation;
    }

    private Conversation groupOf(String me, String conversationId) {
        Conversation conversation = memberOf(me, conversationId);
        if (conversation.kind() != ConversationKind.GROUP) {
            throw new Refusal(ErrorCode.CONFLICT, "The members of a direct conversation cannot change.");
        }
        return conversation;
    }

}
