package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChatIT {

    @Test
    void twoUsersChatInADirectConversation() throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String conversation = Rest.direct(Tokens.user(alice), bob);
        try (Chat aliceLaptop = Chat.connect(Tokens.user(alice), "laptop");
             Chat bobPhone = Chat.connect(Tokens.user(bob), "phone")) {
            JsonObject sent = aliceLaptop.sendMessage(conversation, "c1", "hello bob");
            assertThat(sent.getInt("seq")).isEqualTo(1);
            assertThat(sent.getString("messageId")).isNotBlank();
            assertThat(sent.getString("sentAt")).isNotBlank();

            JsonObject received = bobPhone.next("message:new");
            assertThat(received.getString("text")).isEqualTo("hello bob");
            assertThat(received.getString("senderId")).isEqualTo(alice);
            assertThat(received.getString("messageId")).isEqualTo(sent.getString("messageId"));
            assertThat(received.getInt("seq")).isEqualTo(1);

            bobPhone.sendMessage(conversation, "b1", "hi alice");
            JsonObject reply = aliceLaptop.next("message:new");
            assertThat(reply.getString("text")).as("the sending connection is not pushed its own message")
                    .isEqualTo("hi alice");
            assertThat(reply.getInt("seq")).isEqualTo(2);
        }
    }

    @Test
    void theSendingConnectionIsNotPushedItsOwnMessagesButALaterSessionIsUntilTheDeviceAcknowledgesThem()
            throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String conversation = Rest.direct(Tokens.user(alice), bob);
        try (Chat aliceLaptop = Chat.connect(Tokens.user(alice), "laptop");
             Chat bobPhone = Chat.connect(Tokens.user(bob), "phone")) {
            bobPhone.sendMessage(conversation, "b1", "one");
            assertThat(aliceLaptop.next("message:new").getInt("seq")).isEqualTo(1);
            aliceLaptop.sendMessage(conversation, "a2", "two");
            aliceLaptop.sendMessage(conversation, "a3", "three");
            assertThat(aliceLaptop.next("message:new", Duration.ofSeconds(1))).isNull();
        }
        try (Chat aliceLaptop = Chat.connect(Tokens.user(alice), "laptop")) {
            assertThat(aliceLaptop.all("message:new", Duration.ofSeconds(1)).stream().map(m -> m.getString("text")))
                    .as("acked 1 only: the answers for 2 and 3 might have been lost").containsExactly("two", "three");
        }
        try (Chat aliceLaptop = Chat.connect(Tokens.user(alice), "laptop")) {
            assertThat(aliceLaptop.all("message:new", Duration.ofSeconds(1))).as("acknowledged now").isEmpty();
        }
        try (Chat aliceTablet = Chat.connect(Tokens.user(alice), "tablet")) {
            assertThat(aliceTablet.all("message:new", Duration.ofSeconds(2)).stream()
                    .map(m -> m.getString("text"))).as("another device of the sender gets them all")
                    .containsExactly("one", "two", "three");
        }
    }

    @Test
    void threeUsersChatInAGroupAndTheSendersOtherDeviceSeesItsOwnMessage() throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String carol = Rest.unique("carol");
        String group = Rest.group(Tokens.user(alice), "Ops", bob, carol);
        try (Chat aliceLaptop = Chat.connect(Tokens.user(alice), "laptop");
             Chat alicePhone = Chat.connect(Tokens.user(alice), "phone");
             Chat bobChat = Chat.connect(Tokens.user(bob), "b");
             Chat carolChat = Chat.connect(Tokens.user(carol), "c")) {
            JsonObject sent = aliceLaptop.sendMessage(group, UUID.randomUUID().toString(), "deploy at five");
            for (Chat device : new Chat[] {alicePhone, bobChat, carolChat}) {
                JsonObject received = device.next("message:new");
                assertThat(received).as("every other member device gets the message").isNotNull();
                assertThat(received.getString("messageId")).isEqualTo(sent.getString("messageId"));
                assertThat(received.getString("conversationId")).isEqualTo(group);
            }
            assertThat(aliceLaptop.next("message:new", Duration.ofMillis(500))).as("not the sending connection")
                    .isNull();
            assertThat(alicePhone.hello.getString("deviceId")).isEqualTo("phone");
            assertThat(alicePhone.hello.getString("userId")).isEqualTo(alice);
        }
    }

    @Test
    void historyPagesBySeqInBothDirections() throws Exception {
        String alice = Rest.unique("alice");
        String conversation = Rest.direct(Tokens.user(alice), Rest.unique("bob"));
        try (Chat chat = Chat.connect(Tokens.user(alice), "d")) {
            for (int i = 1; i <= 7; i++) {
                chat.sendMessage(conversation, "h" + i, "message " + i);
            }
        }
        String path = "/api/conversations/" + conversation + "/messages";
        JsonObject firstPage = Rest.expectOk(Rest.get(Tokens.user(alice), path + "?limit=3")).object();
        assertThat(firstPage.getJsonArray("messages").stream().map(m -> m.asJsonObject().getInt("seq")))
                .containsExactly(1, 2, 3);
        assertThat(firstPage.getBoolean("hasMore")).isTrue();

        JsonObject after = Rest.expectOk(Rest.get(Tokens.user(alice), path + "?after=5")).object();
        assertThat(after.getJsonArray("messages").stream().map(m -> m.asJsonObject().getString("text")))
                .containsExactly("message 6", "message 7");
        assertThat(after.getBoolean("hasMore")).isFalse();

        JsonObject latest = Rest.expectOk(Rest.get(Tokens.user(alice), path + "?before=8&limit=2")).object();
        assertThat(latest.getJsonArray("messages").stream().map(m -> m.asJsonObject().getInt("seq")))
                .containsExactly(6, 7);
        assertThat(latest.getBoolean("hasMore")).isTrue();
    }

    @Test
    void aUserSeesOnlyTheirOwnConversations() throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String mallory = Rest.unique("mallory");
        String conversation = Rest.direct(Tokens.user(alice), bob);
        assertThat(Rest.expectOk(Rest.get(Tokens.user(alice), "/api/conversations")).array()).hasSize(1);
        assertThat(Rest.expectOk(Rest.get(Tokens.user(mallory), "/api/conversations")).array()).isEmpty();
        assertThat(Rest.get(Tokens.user(mallory), "/api/conversations/" + conversation).status()).isEqualTo(403);
        assertThat(Rest.direct(Tokens.user(bob), alice)).as("the same pair has one direct conversation")
                .isEqualTo(conversation);
    }

    @Test
    void groupMembersCanBeAddedAndRemoved() throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String dave = Rest.unique("dave");
        String group = Rest.group(Tokens.user(alice), "Team", bob);
        String members = "/api/conversations/" + group + "/members";
        Rest.expectOk(Rest.post(Tokens.user(alice), members, jakarta.json.Json.createObjectBuilder()
                .add("user", dave).build()));
        try (Chat daveChat = Chat.connect(Tokens.user(dave), "d");
             Chat aliceChat = Chat.connect(Tokens.user(alice), "a")) {
            aliceChat.sendMessage(group, "welcome", "welcome dave");
            assertThat(daveChat.next("message:new").getString("text")).isEqualTo("welcome dave");

            Rest.expectOk(Rest.delete(Tokens.user(alice), members + "/" + dave));
            aliceChat.sendMessage(group, "after", "dave has left");
            assertThat(daveChat.next("message:new", Duration.ofSeconds(2))).as("a removed member gets nothing")
                    .isNull();
            daveChat.send("{\"type\":\"message:send\",\"clientMessageId\":\"x\",\"conversationId\":\"" + group
                    + "\",\"text\":\"still here?\"}");
            assertThat(daveChat.next("error").getString("code")).isEqualTo("not_member");
        }
    }

    /** The upgrade leaves no HTTP session behind: none would be used, and each would be kept until its timeout. */
    @Test
    void theUpgradeCreatesNoHttpSession() throws Exception {
        try (Socket socket = new Socket(TestServer.WS.getHost(), TestServer.WS.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /ws?device=raw HTTP/1.1\r\nHost: " + TestServer.WS.getAuthority()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(new byte[16]) + "\r\n"
                    + "Authorization: Bearer " + Tokens.user(Rest.unique("carol")) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            var response = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            List<String> head = new ArrayList<>();
            for (String line = response.readLine(); line != null && !line.isEmpty(); line = response.readLine()) {
                head.add(line);
            }
            assertThat(head.get(0)).contains(" 101 ");
            assertThat(head).noneMatch(line -> line.regionMatches(true, 0, "Set-Cookie:", 0, 11));
        }
    }
}
