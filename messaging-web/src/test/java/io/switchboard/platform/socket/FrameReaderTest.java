package io.switchboard.platform.socket;

import static io.switchboard.platform.socket.ClientFrames.BINARY;
import static io.switchboard.platform.socket.ClientFrames.CLOSE;
import static io.switchboard.platform.socket.ClientFrames.CONTINUATION;
import static io.switchboard.platform.socket.ClientFrames.FIN;
import static io.switchboard.platform.socket.ClientFrames.PING;
import static io.switchboard.platform.socket.ClientFrames.PONG;
import static io.switchboard.platform.socket.ClientFrames.TEXT;
import static io.switchboard.platform.socket.ClientFrames.buffer;
import static io.switchboard.platform.socket.ClientFrames.closePayload;
import static io.switchboard.platform.socket.ClientFrames.frame;
import static io.switchboard.platform.socket.ClientFrames.header;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameReaderTest {

    private static final int MAX = 100_000;

    private final FrameReader cut = new FrameReader(MAX);

    @Test
    void theMaskedHelloOfRfc6455IsRead() {
        ByteBuffer in = ByteBuffer.wrap(new byte[] {
            (byte) 0x81, (byte) 0x85, 0x37, (byte) 0xfa, 0x21, 0x3d, 0x7f, (byte) 0x9f, 0x4d, 0x51, 0x58});

        assertThat(cut.next(in)).isEqualTo(new Message.Text("Hello"));
        assertThat(in.hasRemaining()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 125, 126, 65535, 65536})
    void aTextOfAnyLengthArrivesWhole(int length) {
        String text = sample(length);
        ByteBuffer in = ByteBuffer.wrap(ClientFrames.text(text));

        assertThat(cut.next(in)).isEqualTo(new Message.Text(text));
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void framesSharingABufferComeOutOneACallInOrder() {
        ByteBuffer in = buffer(ClientFrames.text("one"), frame(FIN | PING, bytes("p")),
                frame(FIN | BINARY, new byte[] {1, 2, 3}), frame(FIN | PONG, new byte[0]), ClientFrames.text("two"));

        assertThat(cut.next(in)).isEqualTo(new Message.Text("one"));
        assertThat(((Message.Ping) cut.next(in)).data()).containsExactly('p');
        assertThat(((Message.Binary) cut.next(in)).data()).containsExactly(1, 2, 3);
        assertThat(((Message.Pong) cut.next(in)).data()).isEmpty();
        assertThat(cut.next(in)).isEqualTo(new Message.Text("two"));
        assertThat(cut.next(in)).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 200, 70_000})
    void aFrameCutAnywhereConsumesNothingUntilItIsWhole(int length) {
        byte[] frame = ClientFrames.text(sample(length));
        String expected = sample(length);
        for (int cutAt = 0; cutAt < frame.length; cutAt += cutAt < 20 ? 1 : 997) {
            ByteBuffer partial = ByteBuffer.wrap(frame, 0, cutAt);
            assertThat(cut.next(partial)).as("cut at %d", cutAt).isNull();
            assertThat(partial.position()).as("cut at %d", cutAt).isZero();
        }
        for (int cutAt = Math.max(0, frame.length - 20); cutAt < frame.length; cutAt++) {
            assertThat(cut.next(ByteBuffer.wrap(frame, 0, cutAt))).isNull();
        }
        assertThat(cut.next(ByteBuffer.wrap(frame))).isEqualTo(new Message.Text(expected));
    }

    @Test
    void aFragmentedTextIsJoinedAcrossASplitEmojiWithAPingBetween() {
        byte[] utf8 = bytes("hi 😀 there");
        byte[] first = Arrays.copyOfRange(utf8, 0, 5);
        byte[] second = Arrays.copyOfRange(utf8, 5, 9);
        byte[] third = Arrays.copyOfRange(utf8, 9, utf8.length);
        ByteBuffer in = buffer(frame(TEXT, first), frame(FIN | PING, bytes("?")), frame(CONTINUATION, second),
                frame(FIN | CONTINUATION, third), ClientFrames.text("next"));

        assertThat(((Message.Ping) cut.next(in)).data()).containsExactly('?');
        assertThat(cut.next(in)).isEqualTo(new Message.Text("hi 😀 there"));
        assertThat(cut.next(in)).isEqualTo(new Message.Text("next"));
    }

    @Test
    void aFragmentIsConsumedAndKeptWhileTheRestIsOnItsWay() {
        ByteBuffer in = buffer(frame(BINARY, new byte[] {1, 2}), frame(CONTINUATION, new byte[] {3}));

        assertThat(cut.next(in)).isNull();
        assertThat(in.remaining()).as("both fragments taken").isZero();

        Message message = cut.next(ByteBuffer.wrap(frame(FIN | CONTINUATION, new byte[] {4, 5})));
        assertThat(((Message.Binary) message).data()).containsExactly(1, 2, 3, 4, 5);
        assertThat(cut.next(ByteBuffer.wrap(frame(FIN | BINARY, new byte[] {9})))).isInstanceOf(Message.Binary.class);
    }

    @Test
    void aCloseCarriesItsCodeAndReason_orNoStatus() {
        assertThat(cut.next(ByteBuffer.wrap(frame(FIN | CLOSE, closePayload(4001, bytes("gone — bye"))))))
                .isEqualTo(new Message.Close(4001, "gone — bye"));
        assertThat(cut.next(ByteBuffer.wrap(frame(FIN | CLOSE, new byte[0]))))
                .isEqualTo(new Message.Close(1005, ""));
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1003, 1007, 1011, 1014, 3000, 4999})
    void aSendableCloseCodeIsAccepted(int code) {
        assertThat(cut.next(ByteBuffer.wrap(frame(FIN | CLOSE, closePayload(code, new byte[0])))))
                .isEqualTo(new Message.Close(code, ""));
    }

    @Test
    void aGenuineReplacementCharacterIsText() {
        assertThat(cut.next(ByteBuffer.wrap(ClientFrames.text("a\uFFFDb")))).isEqualTo(new Message.Text("a\uFFFDb"));
    }

    static String sample(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + i % 26));
        }
        return text.toString();
    }

    static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    static ByteBuffer onlyHeader(int firstByte, long length) {
        return ByteBuffer.wrap(header(firstByte, length, true));
    }
}
