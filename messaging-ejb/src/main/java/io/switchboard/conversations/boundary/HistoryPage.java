package io.switchboard.conversations.boundary;

import java.util.List;

/** Messages in ascending seq; {@code hasMore} says whether the same direction holds more. */
public record HistoryPage(List<MessageView> messages, boolean hasMore) {
}
