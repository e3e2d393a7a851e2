package io.switchboard.conversations.control;

import io.switchboard.conversations.boundary.MessageStored;
import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.conversations.boundary.SendCommand;
import io.switchboard.conversations.boundary.SendReceipt;
import io.switchboard.conversations.entity.Conversation;
import io.switchboard.conversations.entity.Message;
import io.switchboard.platform.ErrorCode;
import io.switchboard.platform.Refusal;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import io.switchboard.platform.Timestamps;
import java.time.Instant;
import java.util.Optional;

/**
 * Appends a message in a transaction of its own, so that the facade can tell a lost idempotency race (a unique
 * violation at commit) from any other failure and answer it with the message that won.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MessageStore {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    Event<MessageStored> stored;

    public SendReceipt append(SendCommand command) {
        Conversation conversation = em.find(Conversation.class, command.conversationId(),
                LockModeType.PESSIMISTIC_WRITE);
        if (conversation == null) {
            throw new Refusal(ErrorCode.UNKNOWN_CONVERSATION,
                    "There is no conversation " + command.conversationId() + ".");
        }
        // Checked under the lock: a concurrent duplicate into the same conversation waited for it and sees the
        // winner now; one into another conversation fails on the unique key and is answered by the facade.
        Optional<SendReceipt> repeated = repeated(command);
        if (repeated.isPresent()) {
            return repeated.get();
        }
        if (!conversation.isMember(command.senderId())) {
            throw new Refusal(ErrorCode.NOT_MEMBER, "You are not a member of this conversation.");
        }
        Instant now = Timestamps.now();
        var message = new Message(conversation.id(), conversation.nextSeq(now), command.senderId(),
                command.clientMessageId(), command.text(), command.priority(), now);
        em.persist(message);
        var view = MessageView.of(message);
        stored.fire(new MessageStored(view, conversation.members()));
        return new SendReceipt(view, false);
    }

    public Optional<SendReceipt> repeated(SendCommand command) {
        return em.createNamedQuery(Message.BY_CLIENT_ID, Message.class)
                .setParameter("sender", command.senderId())
                .setParameter("clientMessageId", command.clientMessageId())
                .getResultStream()
                .findFirst()
                .map(existing -> {
                    if (!existing.sameRequest(command.conversationId(), command.text())) {
                        throw new Refusal(ErrorCode.IDEMPOTENCY_CONFLICT, "clientMessageId "
                                + command.clientMessageId() + " was already used for a different message.");
                    }
                    return new SendReceipt(MessageView.of(existing), true);
                });
    }
}
