package io.switchboard.client;

import java.util.List;

/** One page of {@code GET /api/conversations/{id}/messages}, in ascending {@code seq}. */
public record HistoryPage(List<Message> messages, boolean hasMore) {

    public HistoryPage {
        messages = List.copyOf(messages);
    }
}
