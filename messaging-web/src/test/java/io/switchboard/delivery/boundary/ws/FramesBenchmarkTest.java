package io.switchboard.delivery.boundary.ws;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
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
}
