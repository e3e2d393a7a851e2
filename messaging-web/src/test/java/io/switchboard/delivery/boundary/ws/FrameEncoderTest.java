package io.switchboard.delivery.boundary.ws;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.conversations.entity.Priority;
import io.switchboard.platform.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"plain ascii", "h\u00e9llo \u00fc", "\u20ac \u4e2d\u6587", "emoji \ud83d\ude00 end",
            "lone high \ud83d, lone low \ude00", "separators \u2028 \u2029", "controls \u0000 \u001f \u007f",
            "quote \" backslash \\ slash /"})
    void theFrameOnTheWireIsTheUtf8OfTheEncodedText(String text) {
        var frame = new ServerFrame.New(new MessageView("m-1", "c-1", 7, "alice", "k-1", text, Priority.NORMAL,
                message.sentAt()), false);

        String encoded = cut.encode(frame);
        ByteBuffer wire = cut.frame(frame);

        assertThat(payload(wire)).isEqualTo(encoded.getBytes(UTF_8));
        assertThat(parse(encoded).getString("text")).as("what a client reads back: a lone surrogate as '?'")
                .isEqualTo(new String(text.getBytes(UTF_8), UTF_8));
    }

    @Test
    void aTextLongerThanTheBufferWasSizedForGrowsItWhereverItsWideCharactersAre() {
        String text = "a".repeat(300) + "\u20ac".repeat(3000) + "\n".repeat(500) + "\ud83d\ude00".repeat(700);
        var frame = new ServerFrame.New(new MessageView("m-1", "c-1", Long.MAX_VALUE, "alice", "k-1", text,
                Priority.NORMAL, message.sentAt()), true);

        JsonObject json = parse(new String(payload(cut.frame(frame)), UTF_8));

        assertThat(json.getString("text")).isEqualTo(text);
        assertThat(json.getJsonNumber("seq").longValue()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void numbersOfEveryLengthAndSignAreWrittenInFull() {
        for (long value : new long[] {0, 7, 10, 99, 1000, -1, -42, Long.MAX_VALUE, Long.MIN_VALUE}) {
            var json = parse(cut.encode(new ServerFrame.Gap("c", value, value)));
            assertThat(json.getJsonNumber("fromSeq").longValue()).isEqualTo(value);
        }
    }

    /** The payload of an unmasked server frame, whatever its header's length. */
    private static byte[] payload(ByteBuffer frame) {
        ByteBuffer in = frame.duplicate();
        assertThat(in.get() & 0xFF).as("a final text frame").isEqualTo(0x81);
        int length = in.get() & 0x7F;
        long announced = length == 126 ? in.getShort() & 0xFFFF : length == 127 ? in.getLong() : length;
        byte[] payload = new byte[in.remaining()];
        in.get(payload);
        assertThat(payload).hasSize((int) announced);
        return payload;
    }

    private static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
