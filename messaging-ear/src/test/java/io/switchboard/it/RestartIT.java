package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class RestartIT {

    @Test
    void historyAndSeqContinueAfterARestart() throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String conversation = Rest.direct(Tokens.user(alice), bob);
        try (Chat chat = Chat.connect(Tokens.user(alice), "a")) {
            for (int i = 1; i <= 3; i++) {
                chat.sendMessage(conversation, "before-" + i, "before restart " + i);
            }
        }

        TestServer.restart();

        try (Chat chat = Chat.connect(Tokens.user(alice), "a");
             Chat bobChat = Chat.connect(Tokens.user(bob), "b")) {
            assertThat(chat.sendMessage(conversation, "before-2", "before restart 2").getInt("seq"))
                    .as("idempotency survives the restart").isEqualTo(2);
            JsonObject sent = chat.sendMessage(conversation, "after-1", "after restart");
            assertThat(sent.getInt("seq")).isEqualTo(4);
            assertThat(bobChat.all("message:new", java.time.Duration.ofSeconds(2)).stream()
                    .map(m -> m.getInt("seq")).toList())
                    .as("bob's new device gets what it never had, in order").containsExactly(1, 2, 3, 4);
        }
        var history = Rest.expectOk(Rest.get(Tokens.user(bob), "/api/conversations/" + conversation + "/messages"))
                .object().getJsonArray("messages");
        assertThat(history.stream().map(m -> m.asJsonObject().getString("text")))
                .containsExactly("before restart 1", "before restart 2", "before restart 3", "after restart");
    }
}
