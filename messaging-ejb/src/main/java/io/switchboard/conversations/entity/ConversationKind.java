package io.switchboard.conversations.entity;

public enum ConversationKind {
    DIRECT, GROUP;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
