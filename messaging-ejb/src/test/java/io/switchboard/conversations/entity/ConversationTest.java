package io.switchboard.conversations.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void theDirectKeyIsTheSameWhoeverStarts() {
        assertThat(Conversation.directKey("bob", "alice")).isEqualTo(Conversation.directKey("alice", "bob"));
        assertThat(Conversation.directKey("alice", "bob")).isNotEqualTo(Conversation.directKey("alice", "carol"));
    }

    @Test
    void aGroupHasEachMemberOnceAndMembersComeAndGo() {
        var cut = Conversation.group("Ops", List.of("alice", "bob", "alice"), now);
        assertThat(cut.members()).containsExactly("alice", "bob");
        assertThat(cut.join("bob", now)).isFalse();
        assertThat(cut.join("carol", now)).isTrue();
        assertThat(cut.leave("alice", now)).isTrue();
        assertThat(cut.leave("alice", now)).isFalse();
        assertThat(cut.isMember("alice")).isFalse();
        assertThat(cut.members()).containsExactly("bob", "carol");
    }
}
