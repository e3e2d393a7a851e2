package io.switchboard.conversations.boundary;

import java.util.List;

/**
 * Fired inside the storing transaction; observers that push use {@code during = AFTER_SUCCESS}.
 * {@code originSession} is the session the message was sent through, or null.
 */
public record MessageStored(MessageView message, List<String> members, String originSession) {
}
