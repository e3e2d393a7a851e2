package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IdempotencyIT {

    @Test
    void aRepeatedClientMessageIdReturnsTheOriginalAndBroadcastsNothing() throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String conversation = Rest.direct(Tokens.user(alice), bob);
        try (Chat aliceChat = Chat.connect(Tokens.user(alice), "a");
             Chat bobChat = Chat.connect(Tokens.user(bob), "b")) {
            JsonObject first = aliceChat.sendMessage(conversation, "same", "once only");
            JsonObject again = aliceChat.sendMessage(conversation, "same", "once only");
            assertThat(again).isEqualTo(first);

            assertThat(bobChat.all("message:new", Duration.ofSeconds(2))).hasSize(1);
        }
        try (Chat afterReconnect = Chat.connect(Tokens.user(alice), "a")) {
            JsonObject third = afterReconnect.sendMessage(conversation, "same", "once only");
            assertThat(third.getString("messageId")).isNotBlank();
            assertThat(third.getInt("seq")).isEqualTo(1);
        }
        assertThat(history(alice, conversation)).hasSize(1);
    }

    @Test
    void concurrentDuplicatesStoreOneMessageAndBroadcastOnce() throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String conversation = Rest.direct(Tokens.user(alice), bob);
        int devices = 8;
        List<Chat> aliceDevices = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(devices);
        try (Chat bobChat = Chat.connect(Tokens.user(bob), "b")) {
            for (int i = 0; i < devices; i++) {
                aliceDevices.add(Chat.connect(Tokens.user(alice), "a" + i));
            }
            CyclicBarrier start = new CyclicBarrier(devices);
            List<Future<JsonObject>> acks = new ArrayList<>();
            for (Chat device : aliceDevices) {
                acks.add(pool.submit(() -> {
                    start.await();
                    return device.sendMessage(conversation, "racing", "one of eight");
                }));
            }
            Set<String> messageIds = acks.stream().map(IdempotencyIT::join).map(a -> a.getString("messageId"))
                    .collect(Collectors.toSet());
            assertThat(messageIds).as("every device got the same acknowledgement").hasSize(1);
            assertThat(bobChat.all("message:new", Duration.ofSeconds(2))).as("bob saw it once").hasSize(1);
        } finally {
            aliceDevices.forEach(Chat::close);
            pool.shutdownNow();
        }
        assertThat(history(alice, conversation)).hasSize(1);
    }

    @Test
    void reusingAClientMessageIdForDifferentTextIsAConflict() throws Exception {
        String alice = Rest.unique("alice");
        String conversation = Rest.direct(Tokens.user(alice), Rest.unique("bob"));
        try (Chat chat = Chat.connect(Tokens.user(alice), "a")) {
            chat.sendMessage(conversation, "k1", "first text");
            chat.send("{\"type\":\"message:send\",\"clientMessageId\":\"k1\",\"conversationId\":\"" + conversation
                    + "\",\"text\":\"other text\"}");
            JsonObject error = chat.next("error");
            assertThat(error.getString("code")).isEqualTo("idempotency_conflict");
            assertThat(error.getString("ref")).isEqualTo("k1");
        }
        assertThat(history(alice, conversation)).hasSize(1);
    }

    private static List<JsonObject> history(String user, String conversation) throws Exception {
        return Rest.expectOk(Rest.get(Tokens.user(user), "/api/conversations/" + conversation + "/messages"))
                .object().getJsonArray("messages").getValuesAs(JsonObject.class);
    }

    private static JsonObject join(Future<JsonObject> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
