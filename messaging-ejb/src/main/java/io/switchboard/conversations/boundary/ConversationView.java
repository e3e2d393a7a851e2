package io.switchboard.conversations.boundary;

import io.switchboard.conversations.entity.Conversation;
import java.time.Instant;
import java.util.List;

public record ConversationView(String id, String type, String name, List<String> members, long lastSeq,
        Instant createdAt) {

    public static ConversationView of(Conversation c) {
        return new ConversationView(c.id(), c.kind().wireName(), c.name(), c.members(), c.lastSeq(), c.createdAt());
    }
}
