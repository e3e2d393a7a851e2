package io.switchboard.bench.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Builds single-frame WebSocket messages. Clients must mask what they send (RFC 6455 5.3); servers must not, so the
 * JMH fan-out benchmark encodes unmasked frames with the same code.
 */
public final class FrameEncoder {

    public static final int TEXT = 0x1;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private FrameEncoder() {
    }

    public static ByteBuffer text(String text, int mask) {
        return frame(TEXT, text.getBytes(StandardCharsets.UTF_8), mask, true);
    }

    public static ByteBuffer close(int code, String reason, int mask) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + Math.min(r.length, 123)];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(r, 0, payload, 2, payload.length - 2);
        return frame(CLOSE, payload, mask, true);
    }

    /** One final frame; {@code masked} false only for server-side encoding (the fan-out benchmark). */
    public static ByteBuffer frame(int opcode, byte[] payload, int mask, boolean masked) {
        int len = payload.length;
        int header = 2 + (len < 126 ? 0 : len < 65536 ? 2 : 8) + (masked ? 4 : 0);
        ByteBuffer out = ByteBuffer.allocate(header + len);
        out.put((byte) (0x80 | opcode));
        int maskBit = masked ? 0x80 : 0;
        if (len < 126) {
            out.put((byte) (maskBit | len));
        } else if (len < 65536) {
            out.put((byte) (maskBit | 126)).putShort((short) len);
        } else {
            out.put((byte) (maskBit | 127)).putLong(len);
        }
        if (masked) {
            out.putInt(mask);
            byte[] arr = out.array();
            int base = out.position();
            byte[] key = {(byte) (mask >>> 24), (byte) (mask >>> 16), (byte) (mask >>> 8), (byte) mask};
            for (int k = 0; k < len; k++) {
                arr[base + k] = (byte) (payload[k] ^ key[k & 3]);
            }
            out.position(base + len);
        } else {
            out.put(payload);
        }
        return out.flip();
    }
}
