package io.switchboard.conversations.boundary;

import io.switchboard.conversations.entity.Message;
import io.switchboard.conversations.entity.Priority;
import java.time.Instant;

/** A stored message as every boundary shows it. */
public record MessageView(String id, String conversationId, long seq, String senderId, String clientMessageId,
        String text, Priority priority, Instant sentAt) {

    public static MessageView of(Message m) {
        return new MessageView(m.id(), m.conversationId(), m.seq(), m.senderId(), m.clientMessageId(), m.text(),
                m.priority(), m.sentAt());
    }

    /** Whether a repeated send with this message's clientMessageId asks for the same thing. */
    public boolean sameRequest(String conversationId, String text) {
        return this.conversationId.equals(conversationId) && this.text.equals(text);
    }
}
