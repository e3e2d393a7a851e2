package io.switchboard.platform.socket;

import static io.switchboard.platform.socket.ClientFrames.BINARY;
import static io.switchboard.platform.socket.ClientFrames.CLOSE;
import static io.switchboard.platform.socket.ClientFrames.CONTINUATION;
import static io.switchboard.platform.socket.ClientFrames.FIN;
import static io.switchboard.platform.socket.ClientFrames.PING;
import static io.switchboard.platform.socket.ClientFrames.TEXT;
import static io.switchboard.platform.socket.ClientFrames.buffer;
import static io.switchboard.platform.socket.ClientFrames.closePayload;
import static io.switchboard.platform.socket.ClientFrames.frame;
import static io.switchboard.platform.socket.ClientFrames.header;
import static io.switchboard.platform.socket.FrameReaderTest.bytes;
import static io.switchboard.platform.socket.FrameReaderTest.onlyHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameReaderViolationsTest {

    private static final int MAX = 1000;

    private final FrameReader cut = new FrameReader(MAX);

    @Test
    void anUnmaskedFrameIs1002() {
        assertThat(closeCode(ByteBuffer.wrap(new byte[] {(byte) 0x81, 0x02, 'h', 'i'}))).isEqualTo(1002);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x40, 0x20, 0x10})
    void anRsvBitIs1002EvenBeforeTheSecondByte(int rsv) {
        assertThat(closeCode(ByteBuffer.wrap(new byte[] {(byte) (FIN | rsv | TEXT)}))).isEqualTo(1002);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x3, 0x7, 0xB, 0xF})
    void anUndefinedOpcodeIs1002(int opcode) {
        assertThat(closeCode(ByteBuffer.wrap(frame(FIN | opcode, new byte[0])))).isEqualTo(1002);
    }

    @Test
    void aControlFrameOver125BytesOrNotFinalIs1002() {
        assertThat(closeCode(onlyHeader(FIN | PING, 126))).isEqualTo(1002);
        assertThat(closeCode(ByteBuffer.wrap(frame(PING, bytes("x"))))).isEqualTo(1002);
    }

    @Test
    void aContinuationWithNoMessageIs1002() {
        assertThat(closeCode(ByteBuffer.wrap(frame(FIN | CONTINUATION, bytes("x"))))).isEqualTo(1002);
    }

    @Test
    void aNewMessageInsideAFragmentedOneIs1002() {
        assertThat(closeCode(buffer(frame(TEXT, bytes("a")), frame(FIN | TEXT, bytes("b"))))).isEqualTo(1002);
        assertThat(closeCode(buffer(frame(BINARY, bytes("a")), frame(FIN | BINARY, bytes("b"))))).isEqualTo(1002);
    }

    @Test
    void aOneByteClosePayloadIs1002() {
        assertThat(closeCode(ByteBuffer.wrap(frame(FIN | CLOSE, new byte[] {3})))).isEqualTo(1002);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000, 65535})
    void aCloseCodeThatMayNotBeSentIs1002(int code) {
        assertThat(closeCode(ByteBuffer.wrap(frame(FIN | CLOSE, closePayload(code, new byte[0]))))).isEqualTo(1002);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C328", "EDA080", "C0AF", "F09F98", "F4908080", "FF"})
    void invalidUtf8InATextIs1007(String hex) {
        assertThat(closeCode(ByteBuffer.wrap(frame(FIN | TEXT, hex(hex))))).isEqualTo(1007);
    }

    @Test
    void aCodePointLeftUnfinishedByTheLastFragmentIs1007() {
        byte[] emoji = bytes("😀");
        ByteBuffer in = buffer(frame(TEXT, new byte[] {emoji[0], emoji[1]}), frame(FIN | CONTINUATION,
                new byte[] {emoji[2]}));
        assertThat(closeCode(in)).isEqualTo(1007);
    }

    @Test
    void invalidUtf8InACloseReasonIs1007() {
        assertThat(closeCode(ByteBuffer.wrap(frame(FIN | CLOSE, closePayload(1000, hex("C328")))))).isEqualTo(1007);
    }

    @Test
    void anOversizeMessageIs1009FromItsHeaderAlone() {
        assertThat(closeCode(onlyHeader(FIN | BINARY, 1L << 62))).isEqualTo(1009);
        assertThat(closeCode(onlyHeader(FIN | TEXT, MAX + 1))).isEqualTo(1009);
        assertThat(cut.next(ByteBuffer.wrap(frame(FIN | TEXT, new byte[MAX])))).isInstanceOf(Message.Text.class);
    }

    @Test
    void fragmentsAddingUpPastTheLimitAre1009AtTheHeaderThatCrossesIt() {
        ByteBuffer in = buffer(frame(BINARY, new byte[600]), frame(CONTINUATION, new byte[400]),
                header(CONTINUATION, 1, true));
        assertThat(closeCode(in)).isEqualTo(1009);
    }

    @Test
    void aLengthWithItsTopBitSetIs1002() {
        assertThat(closeCode(onlyHeader(FIN | BINARY, Long.MIN_VALUE + 5))).isEqualTo(1002);
    }

    private int closeCode(ByteBuffer in) {
        ProtocolViolation violation = catchThrowableOfType(ProtocolViolation.class, () -> {
            while (cut.next(in) != null) {
                // drains frames until the violation
            }
        });
        assertThat(violation).as("a violation").isNotNull();
        assertThat(violation.getMessage()).endsWith(".");
        return violation.closeCode();
    }

    private static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
