package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.client.json.JsonException;
import io.switchboard.client.json.JsonReader;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decodes the examples of protocol.md. */
class FramesTest {

    @Test
    void decodesHello() {
        ServerFrame cut = Frames.decode("""
                {"type":"hello","sessionId":"s-9a","userId":"alice","deviceId":"laptop-1",
                 "limits":{"maxTextLength":1000,"maxFrameBytes":16384}}""");

        assertThat(cut).isEqualTo(new ServerFrame.Hello(new Session("s-9a", "alice", "laptop-1", 1000, 16384)));
    }

    @Test
    void decodesMessageSent() {
        ServerFrame cut = Frames.decode("""
                {"type":"message:sent","clientMessageId":"7f0c","messageId":"m-51d","conversationId":"c-2b1e",
                 "seq":42,"sentAt":"2026-11-22T10:15:30.123Z"}""");

        assertThat(cut).isEqualTo(new ServerFrame.Sent(new SentAck("7f0c", "m-51d", "c-2b1e", 42,
                Instant.parse("2026-11-22T10:15:30.123Z"))));
    }

    @Test
    void decodesMessageNew() {
        ServerFrame cut = Frames.decode("""
                {"type":"message:new","messageId":"m-51d","conversationId":"c-2b1e","seq":42,"senderId":"alice",
                 "clientMessageId":"7f0c","text":"hello","priority":"high","sentAt":"2026-11-22T10:15:30.123Z",
                 "redelivery":true,"futureField":1}""");

        assertThat(cut).isEqualTo(new ServerFrame.New(new Message("m-51d", "c-2b1e", 42, "alice", "7f0c", "hello",
                Priority.HIGH, Instant.parse("2026-11-22T10:15:30.123Z"), true)));
    }

    @Test
    void decodesGapPongAndError() {
        assertThat(Frames.decode("{\"type\":\"sync:gap\",\"conversationId\":\"c\",\"fromSeq\":18,\"toSeq\":930}"))
                .isEqualTo(new ServerFrame.SyncGap(new Gap("c", 18, 930)));
        assertThat(Frames.decode("{\"type\":\"pong\"}")).isEqualTo(new ServerFrame.Pong());

        ServerFrame.Error error = (ServerFrame.Error) Frames.decode("""
                {"type":"error","code":"text_too_long","message":"text has 1200 characters; the limit is 1000.",
                 "temporary":false,"ref":"7f0c","frameType":"message:send"}""");
        assertThat(error.error().errorCode()).isEqualTo(ErrorCode.TEXT_TOO_LONG);
        assertThat(error.error().ref()).isEqualTo("7f0c");
        assertThat(error.frameType()).isEqualTo("message:send");
    }

    @Test
    void decodesTheCursorsTheReplayStartsFrom() {
        assertThat(Frames.decode("{\"type\":\"sync:cursors\",\"cursors\":{\"c1\":17,\"c2\":4}}"))
                .isEqualTo(new ServerFrame.SyncCursors(Map.of("c1", 17L, "c2", 4L)));
        assertThatThrownBy(() -> Frames.decode("{\"type\":\"sync:cursors\"}")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Frames.decode("{\"type\":\"sync:cursors\",\"cursors\":{\"c1\":\"x\"}}"))
                .isInstanceOf(JsonException.class);
    }

    @Test
    void anErrorWithANullRefHasAnEmptyRef() {
        ServerFrame.Error error = (ServerFrame.Error) Frames.decode(
                "{\"type\":\"error\",\"code\":\"malformed_frame\",\"message\":\"m\",\"temporary\":false,\"ref\":null}");

        assertThat(error.error().ref()).isEmpty();
    }

    @Test
    void keepsUnknownTypesApart() {
        assertThat(Frames.decode("{\"type\":\"typing\"}")).isEqualTo(new ServerFrame.Unknown("typing"));
    }

    @Test
    void refusesFramesWithoutTheirRequiredFields() {
        assertThatThrownBy(() -> Frames.decode("{\"type\":\"message:new\",\"seq\":1}"))
                .isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Frames.decode("{\"seq\":1}")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Frames.decode("[]")).isInstanceOf(JsonException.class);
    }

    @Test
    void encodesClientFrames() {
        OutboxEntry entry = new OutboxEntry(0, "7f0c", "c-2b1e", "hello", Priority.NORMAL);

        assertThat(JsonReader.parse(Frames.send(entry))).isEqualTo(Map.of("type", "message:send", "ref", "7f0c",
                "clientMessageId", "7f0c", "conversationId", "c-2b1e", "text", "hello", "priority", "normal"));
        assertThat(JsonReader.parse(Frames.ack("c-2b1e", 42)))
                .isEqualTo(Map.of("type", "message:ack", "conversationId", "c-2b1e", "seq", 42L));
        assertThat(JsonReader.parse(Frames.ping())).isEqualTo(Map.of("type", "ping"));
    }
}
