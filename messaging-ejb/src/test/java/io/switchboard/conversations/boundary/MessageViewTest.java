package io.switchboard.conversations.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.conversations.entity.Priority;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageViewTest {

    @Test
    void aRepeatedSendIsTheSameRequestOnlyWithTheSameConversationAndText() {
        var cut = new MessageView("m-1", "c1", 1, "alice", "k1", "hello", Priority.HIGH, Instant.EPOCH);
        assertThat(cut.sameRequest("c1", "hello")).isTrue();
        assertThat(cut.sameRequest("c1", "hello!")).isFalse();
        assertThat(cut.sameRequest("c2", "hello")).isFalse();
    }
}
