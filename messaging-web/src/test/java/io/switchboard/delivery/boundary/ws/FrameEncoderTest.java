package io.switchboard.delivery.boundary.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.conversations.entity.Priority;
import io.switchboard.platform.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameEncoderTest {

    private final FrameEncoder cut = new FrameEncoder();
    private final MessageView message = new MessageView("m-1", "c-1", 42, "alice", "k-1",
            "quote \" backslash \\ newline \n tab \t bell \u0007 emoji \uD83D\uDE00", Priority.HIGH,
            Instant.parse("2026-11-22T10:15:30.123Z"));

    @Test
    void aNewMessageRoundTripsThroughAnyJsonParser() {
        JsonObject json = parse(cut.encode(new ServerFrame.New(message, true)));
        assertThat(json.getString("type")).isEqualTo("message:new");
        assertThat(json.getString("text")).isEqualTo(message.text());
        assertThat(json.getInt("seq")).isEqualTo(42);
        assertThat(json.getString("priority")).isEqualTo("high");
        assertThat(json.getString("sentAt")).isEqualTo("2026-11-22T10:15:30.123Z");
        assertThat(json.getBoolean("redelivery")).isTrue();
    }

    @Test
    void aPushToManyDevicesIsEncodedOnceAndARedeliverySaysSo() {
        String first = cut.encodePush(message, false);
        String next = cut.encodePush(message, false);
        var other = new MessageView("m-2", "c-1", 43, "bob", "k-2", "hi", Priority.NORMAL, message.sentAt());

        assertThat(next).isSameAs(first).isEqualTo(cut.encode(new ServerFrame.New(message, false)));
        assertThat(parse(cut.encodePush(message, true)).getBoolean("redelivery")).isTrue();
        assertThat(parse(cut.encodePush(other, false)).getInt("seq")).isEqualTo(43);
        assertThat(parse(cut.encodePush(message, false)).getBoolean("redelivery")).isFalse();
    }

    @Test
    void anErrorCarriesCodeSentenceAndTheFrameItAnswers() {
        JsonObject json = parse(cut.encode(new ServerFrame.Error(ErrorCode.UNAVAILABLE, "try again", null, "ping")));
        assertThat(json.getString("code")).isEqualTo("unavailable");
        assertThat(json.getBoolean("temporary")).isTrue();
        assertThat(json.isNull("ref")).isTrue();
        assertThat(json.getString("frameType")).isEqualTo("ping");
    }

    @Test
    void helloStatesTheLimits() {
        JsonObject json = parse(cut.encode(new ServerFrame.Hello("s", "alice", "d", 1000, 16384)));
        assertThat(json.getJsonObject("limits").getInt("maxTextLength")).isEqualTo(1000);
    }

    @Test
    void theCursorsFrameNamesEachConversationsStart() {
        JsonObject json = parse(cut.encode(new ServerFrame.Cursors(Map.of("c-\"1", 17L, "c-2", 4L))));
        assertThat(json.getString("type")).isEqualTo("sync:cursors");
        assertThat(json.getJsonObject("cursors").getJsonNumber("c-\"1").longValue()).isEqualTo(17);
        assertThat(json.getJsonObject("cursors").getJsonNumber("c-2").longValue()).isEqualTo(4);
    }

    private static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
