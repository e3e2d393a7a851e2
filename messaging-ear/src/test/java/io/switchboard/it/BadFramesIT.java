package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadFramesIT {

    private String alice;
    private String conversation;

    @BeforeEach
    void conversation() throws Exception {
        alice = Rest.unique("alice");
        conversation = Rest.direct(Tokens.user(alice), Rest.unique("bob"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                  | {"type":                                                              | malformed_frame  |
            not an object             | [1,2,3]                                                               | malformed_frame  |
            no type                   | {"ref":"r1"}                                                          | unknown_type     | r1
            unknown type              | {"type":"message:shout","ref":"r2"}                                   | unknown_type     | r2
            missing clientMessageId   | {"type":"message:send","conversationId":"CONV","text":"x","ref":"r3"} | missing_field    | r3
            missing text              | {"type":"message:send","clientMessageId":"k4","conversationId":"CONV"}| missing_field    | k4
            ill-typed text            | {"type":"message:send","clientMessageId":"k5","conversationId":"CONV","text":42} | invalid_field | k5
            empty text                | {"type":"message:send","clientMessageId":"k6","conversationId":"CONV","text":""} | text_empty | k6
            bad priority              | {"type":"message:send","clientMessageId":"k7","conversationId":"CONV","text":"x","priority":"urgent"} | invalid_field | k7
            unknown conversation      | {"type":"message:send","clientMessageId":"k8","conversationId":"c-nope","text":"x"} | unknown_conversation | k8
            ack without seq           | {"type":"message:ack","conversationId":"CONV","ref":"r9"}             | missing_field    | r9
            seq past a long           | {"type":"message:ack","conversationId":"CONV","seq":9223372036854775808,"ref":"r10"} | invalid_field | r10
            seq of a huge exponent    | {"type":"message:ack","conversationId":"CONV","seq":1e9999999999,"ref":"r11"} | invalid_field | r11
            content after the object  | {"type":"ping","ref":"r12"} {}                                        | malformed_frame  |
            """)
    void aBadFrameGetsItsErrorAndTheConnectionKeepsWorking(String name, String frame, String code, String ref)
            throws Exception {
        try (Chat chat = Chat.connect(Tokens.user(alice), "d")) {
            chat.send(frame.replace("CONV", conversation));
            JsonObject error = chat.next("error");
            assertThat(error).as("an error frame answers " + name).isNotNull();
            assertThat(error.getString("code")).isEqualTo(code);
            assertThat(error.getString("message")).isNotBlank();
            assertThat(error.getBoolean("temporary")).isFalse();
            if (ref == null) {
                assertThat(error.isNull("ref")).isTrue();
            } else {
                assertThat(error.getString("ref")).isEqualTo(ref);
            }
            assertThat(chat.sendMessage(conversation, "after-" + name.hashCode(), "still works").getInt("seq"))
                    .isPositive();
        }
    }

    @Test
    void textOverTheLimitIsRefusedWithTheLimitNamed() throws Exception {
        try (Chat chat = Chat.connect(Tokens.user(alice), "d")) {
            int limit = chat.hello.getJsonObject("limits").getInt("maxTextLength");
            chat.send("{\"type\":\"message:send\",\"clientMessageId\":\"long\",\"conversationId\":\"" + conversation
                    + "\",\"text\":\"" + "x".repeat(limit + 1) + "\"}");
            JsonObject error = chat.next("error");
            assertThat(error.getString("code")).isEqualTo("text_too_long");
            assertThat(error.getString("message")).contains(String.valueOf(limit));
            assertThat(chat.sendMessage(conversation, "exact", "y".repeat(limit)).getInt("seq")).isEqualTo(1);
        }
    }

    @Test
    void aBinaryFrameClosesWithProtocolViolation() throws Exception {
        try (Chat chat = Chat.connect(Tokens.user(alice), "d")) {
            chat.sendBinary(new byte[] {1, 2, 3});
            assertThat(chat.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(4500);
        }
    }

    @Test
    void aFrameOverTheSizeLimitClosesWithFrameTooLarge() throws Exception {
        try (Chat chat = Chat.connect(Tokens.user(alice), "d")) {
            int maxFrameBytes = chat.hello.getJsonObject("limits").getInt("maxFrameBytes");
            chat.send("{\"type\":\"ping\",\"pad\":\"" + "z".repeat(maxFrameBytes) + "\"}");
            assertThat(chat.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(4501);
        }
    }

    @Test
    void aHugeFrameIsRefusedAndTheServerKeepsServing() throws Exception {
        try (Chat chat = Chat.connect(Tokens.user(alice), "d")) {
            chat.send("{\"type\":\"ping\",\"pad\":\"" + "z".repeat(4 * 1024 * 1024) + "\"}");
            assertThat(chat.closeCode.get(10, TimeUnit.SECONDS)).isIn(1009, 4501);
        }
        try (Chat chat = Chat.connect(Tokens.user(alice), "d")) {
            assertThat(chat.sendMessage(conversation, "after-huge", "still serving").getInt("seq")).isEqualTo(1);
        }
    }

    @Test
    void anInvalidDeviceIdClosesWithInvalidDevice() throws Exception {
        var chat = TestServer.HTTP_CLIENT.newWebSocketBuilder().header("Authorization", "Bearer " + Tokens.user(alice));
        var listener = new java.util.concurrent.CompletableFuture<Integer>();
        chat.buildAsync(java.net.URI.create(TestServer.WS + "?device=bad%20device"), new Chat.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket ws, int code, String r) {
                listener.complete(code);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        assertThat(listener.get(10, TimeUnit.SECONDS)).isEqualTo(4502);
    }

    @Test
    void nestingPastTheBoundIsMalformedAndNoStackIsSpent() throws Exception {
        try (Chat chat = Chat.connect(Tokens.user(alice), "d")) {
            chat.send("{\"type\":\"ping\",\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");
            assertThat(chat.next("error").getString("code")).isEqualTo("malformed_frame");
            chat.send("{\"type\":\"ping\",\"x\":" + "[".repeat(60) + "]".repeat(60) + "}");
            assertThat(chat.next("pong")).as("60 levels are within the bound").isNotNull();
        }
    }

    @Test
    void anIgnoredFieldIsCheckedButNeverTakenForANumberItCannotBe() throws Exception {
        try (Chat chat = Chat.connect(Tokens.user(alice), "d")) {
            chat.send("{\"type\":\"ping\",\"x\":1e9999999999,\"y\":" + "9".repeat(5000) + "}");
            assertThat(chat.next("pong")).isNotNull();
        }
    }

    @Test
    void pingIsAnsweredWithPong() throws Exception {
        try (Chat chat = Chat.connect(Tokens.user(alice), "d")) {
            chat.send("{\"type\":\"ping\"}");
            assertThat(chat.next("pong")).isNotNull();
        }
    }
}
