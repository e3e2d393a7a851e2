package io.switchboard.client;

import java.time.Instant;

/**
 * A received message, live ({@code message:new}) or paged from history.
 *
 * @param redelivery whether the server flagged the frame as a repeat; the listener sees each message once anyway
 */
public record Message(String messageId, String conversationId, long seq, String senderId, String clientMessageId,
                      String text, Priority priority, Instant sentAt, boolean redelivery) {
}
