package io.switchboard.bench.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private final FrameDecoder cut = new FrameDecoder(1 << 20);
    private final List<String> seen = new ArrayList<>();
    private final FrameDecoder.Sink sink = new FrameDecoder.Sink() {
        @Override
        public void onMessage(int opcode, byte[] buf, int off, int len) {
            seen.add(opcode + ":" + new String(buf, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void onControl(int opcode, byte[] buf, int off, int len) {
            seen.add("control " + opcode + ":" + len);
        }
    };

    private static ByteBuffer serverText(String s) {
        return FrameEncoder.frame(FrameEncoder.TEXT, s.getBytes(StandardCharsets.UTF_8), 0, false);
    }

    @Test
    void clientFramesAreMaskedAndDecodeBack() {
        ByteBuffer frame = FrameEncoder.text("hello é", 0x01020304);
        assertThat(frame.get(0) & 0xff).isEqualTo(0x81);
        assertThat(frame.get(1) & 0x80).isEqualTo(0x80);
        assertThat(frame.remaining()).isEqualTo(2 + 4 + 8);
        cut.feed(frame, sink);
        assertThat(seen).containsExactly("1:hello é");
    }

    @Test
    void lengthsUseTheSixteenAndSixtyFourBitForms() {
        String medium = "m".repeat(300);
        String large = "L".repeat(70_000);
        ByteBuffer a = serverText(medium);
        ByteBuffer b = serverText(large);
        assertThat(a.get(1) & 0x7f).isEqualTo(126);
        assertThat(b.get(1) & 0x7f).isEqualTo(127);
        cut.feed(a, sink);
        cut.feed(b, sink);
        assertThat(seen).containsExactly("1:" + medium, "1:" + large);
    }

    @Test
    void framesSplitAtEveryByteBoundaryStillDecode() {
        ByteBuffer two = ByteBuffer.allocate(1024);
        two.put(serverText("first")).put(serverText("x".repeat(200))).flip();
        byte[] all = new byte[two.remaining()];
        two.get(all);
        for (int split = 1; split < all.length; split++) {
            seen.clear();
            FrameDecoder d = new FrameDecoder(1 << 20);
            d.feed(ByteBuffer.wrap(all, 0, split).slice(), sink);
            d.feed(ByteBuffer.wrap(all, split, all.length - split).slice(), sink);
            assertThat(seen).as("split at %d", split).containsExactly("1:first", "1:" + "x".repeat(200));
        }
    }

    @Test
    void fragmentsAreJoinedAndControlFramesMayInterleave() {
        ByteBuffer buf = ByteBuffer.allocate(256);
        buf.put((byte) 0x01).put((byte) 3).put("abc".getBytes(StandardCharsets.US_ASCII));
        buf.put(FrameEncoder.frame(FrameEncoder.PING, new byte[] {1, 2}, 0, false));
        buf.put((byte) 0x80).put((byte) 3).put("def".getBytes(StandardCharsets.US_ASCII));
        cut.feed(buf.flip(), sink);
        assertThat(seen).containsExactly("control 9:2", "1:abcdef");
    }

    @Test
    void closeFramesCarryCodeAndReason() {
        ByteBuffer close = FrameEncoder.close(4001, "resume_required", 7);
        cut.feed(close, new FrameDecoder.Sink() {
            @Override
            public void onMessage(int opcode, byte[] buf, int off, int len) {
                seen.add("message");
            }

            @Override
            public void onControl(int opcode, byte[] buf, int off, int len) {
                int code = ((buf[off] & 0xff) << 8) | (buf[off + 1] & 0xff);
                seen.add(opcode + " " + code + " " + new String(buf, off + 2, len - 2, StandardCharsets.UTF_8));
            }
        });
        assertThat(seen).containsExactly("8 4001 resume_required");
    }

    @Test
    void refusesFramesOverTheLimitAndStrayContinuations() {
        FrameDecoder small = new FrameDecoder(100);
        assertThatThrownBy(() -> small.feed(serverText("y".repeat(101)), sink))
                .isInstanceOf(WsProtocolException.class);
        ByteBuffer stray = ByteBuffer.wrap(new byte[] {(byte) 0x80, 1, 'z'});
        assertThatThrownBy(() -> cut.feed(stray, sink)).isInstanceOf(WsProtocolException.class);
    }
}
