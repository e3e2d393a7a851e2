package io.switchboard.client;

import java.time.Instant;

/** The server's {@code message:sent}: the message is committed as {@code seq} of its conversation. */
public record SentAck(String clientMessageId, String messageId, String conversationId, long seq, Instant sentAt) {
}
