package io.switchboard.conversations.boundary;

import io.switchboard.conversations.entity.Priority;

/**
 * One {@code message:send}, already decoded and attributed to the authenticated sender. {@code originSession} is
 * the device session it came through, or null for a send that came through none: that session has the message
 * already (its {@code message:sent}), so it is not pushed back to it.
 */
public record SendCommand(String senderId, String clientMessageId, String conversationId, String text,
        Priority priority, String originSession) {

    /** A send through no session: every connected device of every member is pushed the message. */
    public SendCommand(String senderId, String clientMessageId, String conversationId, String text,
            Priority priority) {
        this(senderId, clientMessageId, conversationId, text, priority, null);
    }
}
