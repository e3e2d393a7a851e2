package io.switchboard.conversations.boundary;

import java.util.List;

/** Fired inside the storing transaction; observers that push use {@code during = AFTER_SUCCESS}. */
public record MessageStored(MessageView message, List<String> members) {
}
