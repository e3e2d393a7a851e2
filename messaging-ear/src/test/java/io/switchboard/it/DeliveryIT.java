package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** At-least-once delivery per device: replay from the cursor, acks that move it, redelivery, the replay bound. */
class DeliveryIT {

    static final int REPLAY_LIMIT = 1000;

    @Test
    void aDeviceAwayWhileAThousandMessagesArriveGetsThemAllInOrder() throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String conversation = Rest.direct(Tokens.user(alice), bob);
        Chat.connect(Tokens.user(bob), "phone").close();

        sendMany(alice, conversation, REPLAY_LIMIT);

        try (Chat phone = Chat.connect(Tokens.user(bob), "phone")) {
            List<Long> seqs = seqs(phone.all("message:new", Duration.ofSeconds(3)));
            assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, REPLAY_LIMIT).boxed().toList());
            assertThat(phone.next("sync:gap", Duration.ofMillis(100))).isNull();
        }
    }

    @Test
    void pastTheReplayBoundTheDeviceGetsTheGapAndPagesItFromHistory() throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String conversation = Rest.direct(Tokens.user(alice), bob);
        int total = REPLAY_LIMIT + 40;
        sendMany(alice, conversation, total);

        try (Chat phone = Chat.connect(Tokens.user(bob), "phone")) {
            JsonObject gap = phone.next("sync:gap");
            assertThat(gap.getInt("fromSeq")).isEqualTo(1);
            assertThat(gap.getInt("toSeq")).isEqualTo(40);
            assertThat(seqs(phone.all("message:new", Duration.ofSeconds(3))))
                    .containsExactlyElementsOf(LongStream.rangeClosed(41, total).boxed().toList());

            var page = Rest.expectOk(Rest.get(Tokens.user(bob), "/api/conversations/" + conversation
                    + "/messages?after=0&limit=" + gap.getInt("toSeq"))).object();
            assertThat(page.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                    .map(m -> m.getJsonNumber("seq").longValue()).toList())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
        }
    }

    @Test
    void aReconnectingDeviceGetsWhatItDidNotAcknowledgeAndNothingElse() throws Exception {
        String bob = Rest.unique("bob");
        String conversation = fiveMessagesOfWhichPhoneAcknowledgedThree(bob);
        try (Chat phone = Chat.connect(Tokens.user(bob), "phone")) {
            assertThat(seqs(phone.all("message:new", Duration.ofSeconds(1)))).containsExactly(4L, 5L);
        }
        try (Chat laptop = Chat.connect(Tokens.user(bob), "laptop", conversation + ":5")) {
            assertThat(laptop.next("message:new", Duration.ofSeconds(1)))
                    .as("a device that states its cursor gets nothing it already has").isNull();
        }
    }

    @Test
    void theServerNamesWhereAReplayStartsAndAStatedCursorCountsEvenBelowTheStoredOne() throws Exception {
        String bob = Rest.unique("bob");
        String quiet = Rest.direct(Tokens.user(bob), Rest.unique("carol"));
        String conversation = fiveMessagesOfWhichPhoneAcknowledgedThree(bob);
        try (Chat phone = Chat.connect(Tokens.user(bob), "phone")) {
            JsonObject cursors = phone.next("sync:cursors").getJsonObject("cursors");
            assertThat(cursors.getInt(conversation)).as("the stored cursor").isEqualTo(3);
            assertThat(cursors.containsKey(quiet)).as("a conversation that starts at 0 is not named").isFalse();
            assertThat(seqs(phone.all("message:new", Duration.ofSeconds(1)))).containsExactly(4L, 5L);
        }
        try (Chat phone = Chat.connect(Tokens.user(bob), "phone", conversation + ":1")) {
            assertThat(seqs(phone.all("message:new", Duration.ofSeconds(1))))
                    .as("a device restored from older cursors is replayed from them").containsExactly(2L, 3L, 4L, 5L);
            assertThat(phone.next("sync:cursors", Duration.ofMillis(100))).as("it said where it stands").isNull();
        }
    }

    /** A direct conversation of bob's with five messages, of which his device "phone" received all and acked 3. */
    private static String fiveMessagesOfWhichPhoneAcknowledgedThree(String bob) throws Exception {
        String alice = Rest.unique("alice");
        String conversation = Rest.direct(Tokens.user(alice), bob);
        try (Chat phone = Chat.connect(Tokens.user(bob), "phone")) {
            phone.autoAck = false;
            sendMany(alice, conversation, 5);
            assertThat(seqs(phone.all("message:new", Duration.ofMillis(500)))).containsExactly(1L, 2L, 3L, 4L, 5L);
            // Written with the next flush or the close; a reconnect to this server counts it either way, at once.
            phone.ackAndWait(conversation, 3);
        }
        return conversation;
    }

    @Test
    void aDevicesOwnMessageMovesItsSavedCursorOnlyWithAnAck() throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String conversation = Rest.direct(Tokens.user(alice), bob);
        sendMany(alice, conversation, 1);
        try (Chat phone = Chat.connect(Tokens.user(bob), "phone")) {
            // Acked by hand: an automatic ack is written by the client's listener thread, which can lose the race
            // with the send below, or with the close after it, and then the server never had it.
            phone.autoAck = false;
            assertThat(phone.next("message:new").getInt("seq")).isEqualTo(1);
            phone.ackAndWait(conversation, 1);
            // The answer may never reach a device whose connection drops now: the server must not count on it.
            // Its answer follows the ack of 1, which the server has now; the reconnect comes before any flush.
            assertThat(phone.sendMessage(conversation, Rest.unique("k"), "mine").getInt("seq")).isEqualTo(2);
        }
        try (Chat phone = Chat.connect(Tokens.user(bob), "phone")) {
            assertThat(seqs(phone.all("message:new", Duration.ofSeconds(1))))
                    .as("the own message, never acknowledged, comes again").containsExactly(2L);
            phone.ackAndWait(conversation, 2);
        }
        try (Chat phone = Chat.connect(Tokens.user(bob), "phone")) {
            assertThat(phone.next("message:new", Duration.ofSeconds(1))).as("acknowledged now").isNull();
        }
    }

    @Test
    void theFlushSavesThePositionsOfEveryConnectedDeviceAcrossItsTransactions() throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String conversation = Rest.direct(Tokens.user(alice), bob);
        int devices = 5; // the test servers write 2 rows to a transaction: this flush takes three
        List<Chat> phones = new ArrayList<>();
        try {
            for (int i = 1; i <= devices; i++) {
                Chat phone = Chat.connect(Tokens.user(bob), "phone-" + i);
                phone.autoAck = false;
                phones.add(phone);
            }
            sendMany(alice, conversation, devices);
            for (int i = 1; i <= devices; i++) {
                Chat phone = phones.get(i - 1);
                for (int seq = 1; seq <= devices; seq++) {
                    assertThat(phone.next("message:new").getInt("seq")).isEqualTo(seq);
                }
                phone.ack(conversation, i); // the pushes past it are redelivered meanwhile, which moves no cursor
            }
            // The test servers flush every second; the devices stay connected, so only the flush writes them.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (int i = 1; i <= devices; i++) {
                    JsonObject sync = Rest.expectOk(Rest.get(Tokens.user(bob), "/api/sync?device=phone-" + i))
                            .object();
                    assertThat(sync.getJsonArray("conversations").getJsonObject(0).getInt("unread"))
                            .as("phone-" + i + " acknowledged " + i + " of " + devices).isEqualTo(devices - i);
                }
            });
        } finally {
            phones.forEach(Chat::close);
        }
    }

    @Test
    void anUnacknowledgedPushIsRedeliveredThenTheSessionMustResume() throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String conversation = Rest.direct(Tokens.user(alice), bob);
        try (Chat phone = Chat.connect(Tokens.user(bob), "phone")) {
            phone.autoAck = false;
            sendMany(alice, conversation, 1);
            JsonObject first = phone.next("message:new");
            assertThat(first.getBoolean("redelivery")).isFalse();
            // ack timeout 1 s in the test servers: redeliveries after 1, 2 and 4 s, the close after 8 more.
            List<JsonObject> again = phone.all("message:new", Duration.ofSeconds(6));
            assertThat(again).hasSize(3).allSatisfy(m -> {
                assertThat(m.getBoolean("redelivery")).isTrue();
                assertThat(m.getString("messageId")).isEqualTo(first.getString("messageId"));
            });
            assertThat(phone.closeCode.get(15, TimeUnit.SECONDS)).isEqualTo(4001);
        }
        try (Chat phone = Chat.connect(Tokens.user(bob), "phone")) {
            assertThat(seqs(phone.all("message:new", Duration.ofSeconds(1)))).as("resumed from the cursor")
                    .containsExactly(1L);
        }
    }

    @Test
    void anAckedSessionIsNotRedelivered() throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String conversation = Rest.direct(Tokens.user(alice), bob);
        try (Chat phone = Chat.connect(Tokens.user(bob), "phone")) {
            sendMany(alice, conversation, 3);
            assertThat(seqs(phone.all("message:new", Duration.ofSeconds(4)))).containsExactly(1L, 2L, 3L);
            assertThat(phone.isOpen()).isTrue();
        }
    }

    @Test
    void anAckForAConversationOfSomeoneElseIsRefused() throws Exception {
        String conversation = Rest.direct(Tokens.user(Rest.unique("alice")), Rest.unique("bob"));
        try (Chat mallory = Chat.connect(Tokens.user(Rest.unique("mallory")), "m")) {
            mallory.send("{\"type\":\"message:ack\",\"conversationId\":\"" + conversation + "\",\"seq\":1,\"ref\":\"a1\"}");
            JsonObject error = mallory.next("error");
            assertThat(error.getString("code")).isEqualTo("not_member");
            assertThat(error.getString("ref")).isEqualTo("a1");
        }
    }

    /** Pipelines the sends, as a busy client does, then waits for every acknowledgement. */
    static void sendMany(String user, String conversation, int count) throws Exception {
        try (Chat sender = Chat.connect(Tokens.user(user), "sender")) {
            for (int i = 1; i <= count; i++) {
                sender.send("{\"type\":\"message:send\",\"clientMessageId\":\"bulk-" + i + "\",\"conversationId\":\""
                        + conversation + "\",\"text\":\"message " + i + "\"}");
            }
            for (int i = 1; i <= count; i++) {
                assertThat(sender.next("message:sent", Duration.ofSeconds(30))).as("ack " + i).isNotNull();
            }
        }
    }

    static List<Long> seqs(List<JsonObject> messages) {
        return messages.stream().map(m -> m.getJsonNumber("seq").longValue()).toList();
    }
}
