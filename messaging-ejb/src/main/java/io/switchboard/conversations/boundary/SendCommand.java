package io.switchboard.conversations.boundary;

import io.switchboard.conversations.entity.Priority;

/** One {@code message:send}, already decoded and attributed to the authenticated sender. */
public record SendCommand(String senderId, String clientMessageId, String conversationId, String text,
        Priority priority) {
}
