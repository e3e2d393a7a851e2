package io.switchboard.sync.boundary;

import io.switchboard.conversations.boundary.ConversationView;
import java.util.List;

/** The conversations that changed, each with what this device has not acknowledged yet, and the next token. */
public record SyncAnswer(List<Change> conversations, String token) {

    public record Change(ConversationView conversation, long unread) {
    }
}
