package io.switchboard.delivery.boundary.ws;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The codec benchmark's frames are valid: they decode to the frames meant and encode to JSON with the text. */
class FramesBenchmarkTest {

    private final FramesBenchmark cut = new FramesBenchmark();

    @Test
    void theFramesReadAreASendAndAnAck() {
        assertThat(cut.decodeSend()).isInstanceOfSatisfying(ClientFrame.Send.class,
                send -> assertThat(send.text()).isEqualTo(FramesBenchmark.TEXT));
        assertThat(cut.decodeAck()).isInstanceOfSatisfying(ClientFrame.Ack.class,
                ack -> assertThat(ack.seq()).isEqualTo(42));
    }

    @Test
    void theFramesWrittenCarryTheMessage() {
        var pushed = Json.createReader(new StringReader(cut.encodeNew())).readObject();
        var answered = Json.createReader(new StringReader(cut.encodeSent())).readObject();

        assertThat(pushed.getString("text")).isEqualTo(FramesBenchmark.TEXT);
        assertThat(answered.getString("type")).isEqualTo("message:sent");
        assertThat(answered.getInt("seq")).isEqualTo(42);
    }

    @Test
    void theFramesForTheOwnTransportHoldTheSameText() {
        assertThat(payload(cut.frameNew())).isEqualTo(cut.encodeNew());
        assertThat(payload(cut.frameSent())).isEqualTo(cut.encodeSent());
    }

    /** Both frames are between 126 and 65,535 bytes long: a 4-byte header. */
    private static String payload(ByteBuffer frame) {
        return new String(frame.array(), frame.arrayOffset() + 4, frame.remaining() - 4, UTF_8);
    }
}
