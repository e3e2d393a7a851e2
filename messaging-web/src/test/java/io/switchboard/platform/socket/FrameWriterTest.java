package io.switchboard.platform.socket;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameWriterTest {

    /** One server frame as a browser reads it. */
    record Received(boolean fin, int opcode, int headerLength, byte[] payload) {

        static Received from(ByteBuffer frame) {
            assertThat(frame.position()).as("ready to write").isZero();
            ByteBuffer in = frame.duplicate();
            int first = in.get() & 0xFF;
            int second = in.get() & 0xFF;
            assertThat(second & 0x80).as("a server never masks").isZero();
            assertThat(first & 0x70).as("no RSV bits").isZero();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.getShort() & 0xFFFF;
            } else if (length == 127) {
                length = in.getLong();
            }
            int headerLength = in.position();
            byte[] payload = new byte[in.remaining()];
            in.get(payload);
            assertThat(payload.length).as("the announced length is the rest of the buffer").isEqualTo(length);
            return new Received((first & 0x80) != 0, first & 0x0F, headerLength, payload);
        }

        String text() {
            return new String(payload, UTF_8);
        }
    }

    @Test
    void aTextArrivesAsOneFinalTextFrame() {
        Received frame = Received.from(FrameWriter.text("héllo 😀"));

        assertThat(frame.fin()).isTrue();
        assertThat(frame.opcode()).isEqualTo(1);
        assertThat(frame.text()).isEqualTo("héllo 😀");
    }

    @ParameterizedTest
    @CsvSource({"0, 2", "125, 2", "126, 4", "65535, 4", "65536, 10"})
    void theLengthChoosesTheShortestHeader(int length, int headerLength) {
        byte[] utf8 = new byte[length];
        Arrays.fill(utf8, (byte) 'x');

        Received frame = Received.from(FrameWriter.text(utf8));

        assertThat(frame.headerLength()).isEqualTo(headerLength);
        assertThat(frame.payload()).isEqualTo(utf8);
    }

    @ParameterizedTest
    @CsvSource({"0, 2", "125, 2", "126, 4", "65535, 4", "65536, 10"})
    void aPayloadFramedInPlaceGetsTheSameHeaderAndSharesItsArray(int length, int headerLength) {
        byte[] buffer = new byte[FrameWriter.MAX_HEADER + length + 3];
        Arrays.fill(buffer, FrameWriter.MAX_HEADER, FrameWriter.MAX_HEADER + length, (byte) 'x');
        Arrays.fill(buffer, FrameWriter.MAX_HEADER + length, buffer.length, (byte) '!');

        ByteBuffer framed = FrameWriter.text(buffer, FrameWriter.MAX_HEADER, length);
        Received frame = Received.from(framed);

        assertThat(frame.headerLength()).isEqualTo(headerLength);
        assertThat(frame.payload()).as("the payload, and nothing after it")
                .isEqualTo(Arrays.copyOfRange(buffer, FrameWriter.MAX_HEADER, FrameWriter.MAX_HEADER + length));
        assertThat(framed.array()).as("no copy").isSameAs(buffer);
    }

    @Test
    void aPayloadWithoutRoomForTheLongestHeaderIsRefused() {
        assertThatThrownBy(() -> FrameWriter.text(new byte[20], 9, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCloseCarriesItsCodeThenItsReason() {
        Received frame = Received.from(FrameWriter.close(4003, "token expired"));

        assertThat(frame.opcode()).isEqualTo(8);
        assertThat(ByteBuffer.wrap(frame.payload()).getShort() & 0xFFFF).isEqualTo(4003);
        assertThat(new String(frame.payload(), 2, frame.payload().length - 2, UTF_8)).isEqualTo("token expired");
    }

    @Test
    void aLongReasonIsCutToFitWithoutSplittingACharacter() {
        String reason = "é".repeat(100);

        Received frame = Received.from(FrameWriter.close(1001, reason));

        assertThat(frame.payload().length).isEqualTo(2 + 122);
        assertThat(new String(frame.payload(), 2, 122, UTF_8)).isEqualTo("é".repeat(61));
    }

    @Test
    void closingWithNoStatusSendsAnEmptyClose_unsendableCodesAreRefused() {
        assertThat(Received.from(FrameWriter.close(1005, "")).payload()).isEmpty();
        assertThatThrownBy(() -> FrameWriter.close(1006, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameWriter.close(999, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pingAndPongCarryTheirDataUpTo125Bytes() {
        Received pong = Received.from(FrameWriter.pong(new byte[] {7, 8}));
        Received ping = Received.from(FrameWriter.ping(new byte[125]));

        assertThat(pong.opcode()).isEqualTo(0xA);
        assertThat(pong.payload()).containsExactly(7, 8);
        assertThat(ping.opcode()).isEqualTo(0x9);
        assertThat(ping.payload()).hasSize(125);
        assertThatThrownBy(() -> FrameWriter.pong(new byte[126])).isInstanceOf(IllegalArgumentException.class);
    }
}
