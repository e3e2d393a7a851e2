package io.switchboard.platform.socket;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** A browser's side of the wire for tests: frames masked the way RFC 6455 has clients mask them. */
final class ClientFrames {

    static final int FIN = 0x80;
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    private static final byte[] KEY = {(byte) 0xA7, 0x13, (byte) 0x5C, (byte) 0xE9};

    private ClientFrames() {
    }

    static byte[] text(String text) {
        return frame(FIN | TEXT, text.getBytes(UTF_8));
    }

    static byte[] frame(int firstByte, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(firstByte, payload.length, true));
        out.writeBytes(KEY);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ KEY[i % 4]);
        }
        return out.toByteArray();
    }

    /** The header up to the mask key, the length in its shortest form (a negative one in the 64-bit form). */
    static byte[] header(int firstByte, long length, boolean masked) {
        ByteBuffer header = ByteBuffer.allocate(10).put((byte) firstByte);
        int maskBit = masked ? 0x80 : 0;
        if (length >= 0 && length <= 125) {
            header.put((byte) (maskBit | length));
        } else if (length >= 0 && length <= 0xFFFF) {
            header.put((byte) (maskBit | 126)).putShort((short) length);
        } else {
            header.put((byte) (maskBit | 127)).putLong(length);
        }
        byte[] bytes = new byte[header.position()];
        header.flip().get(bytes);
        return bytes;
    }

    static byte[] closePayload(int code, byte[] reason) {
        return ByteBuffer.allocate(2 + reason.length).putShort((short) code).put(reason).array();
    }

    static ByteBuffer buffer(byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            out.writeBytes(frame);
        }
        return ByteBuffer.wrap(out.toByteArray());
    }
}
