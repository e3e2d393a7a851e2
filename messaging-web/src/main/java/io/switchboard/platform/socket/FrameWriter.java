package io.switchboard.platform.socket;

import static io.switchboard.platform.socket.FrameHeader.CLOSE;
import static io.switchboard.platform.socket.FrameHeader.MAX_CONTROL_PAYLOAD;
import static io.switchboard.platform.socket.FrameHeader.PING;
import static io.switchboard.platform.socket.FrameHeader.PONG;
import static io.switchboard.platform.socket.FrameHeader.TEXT;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;

/** Server frames: final, unmasked, each in a fresh heap buffer positioned at 0 and ready to write. */
public final class FrameWriter {

    /** The longest header of a server frame: two bytes and a 64-bit length. */
    public static final int MAX_HEADER = 10;
    private static final int CODE_BYTES = 2;

    private FrameWriter() {
    }

    public static ByteBuffer text(String text) {
        return text(text.getBytes(UTF_8));
    }

    public static ByteBuffer text(byte[] utf8) {
        return header(TEXT, utf8.length).put(utf8).flip();
    }

    /**
     * Frames a payload in place: it starts at {@code offset} of {@code buffer}, with at least {@link #MAX_HEADER}
     * bytes free before it, where the header is written. The frame shares the array and starts at position 0.
     */
    public static ByteBuffer text(byte[] buffer, int offset, int length) {
        if (offset < MAX_HEADER) {
            throw new IllegalArgumentException("The payload needs " + MAX_HEADER + " free bytes before it, not "
                    + offset);
        }
        int start = offset - headerLength(length);
        return header(ByteBuffer.wrap(buffer, start, offset + length - start).slice(), TEXT, length).clear();
    }

    public static ByteBuffer ping(byte[] data) {
        return header(PING, controlLength(data)).put(data).flip();
    }

    public static ByteBuffer pong(byte[] data) {
        return header(PONG, controlLength(data)).put(data).flip();
    }

    /**
     * @param code   {@link Message.Close#NO_STATUS} sends an empty close, which is how to echo a close that had no code
     * @param reason cut to fit the 125-byte control payload, never inside a character
     */
    public static ByteBuffer close(int code, String reason) {
        if (code == Message.Close.NO_STATUS) {
            return header(CLOSE, 0).flip();
        }
        if (!Message.Close.sendable(code)) {
            throw new IllegalArgumentException("Close code " + code + " may not be sent.");
        }
        byte[] utf8 = reason.getBytes(UTF_8);
        int length = fitting(utf8, MAX_CONTROL_PAYLOAD - CODE_BYTES);
        return header(CLOSE, CODE_BYTES + length).putShort((short) code).put(utf8, 0, length).flip();
    }

    private static ByteBuffer header(int opcode, int length) {
        return header(ByteBuffer.allocate(headerLength(length) + length), opcode, length);
    }

    private static int headerLength(int payloadLength) {
        return payloadLength <= 125 ? 2 : payloadLength <= 0xFFFF ? 4 : MAX_HEADER;
    }

    private static ByteBuffer header(ByteBuffer frame, int opcode, int length) {
        frame.put((byte) (0x80 | opcode));
        if (length <= 125) {
            return frame.put((byte) length);
        }
        if (length <= 0xFFFF) {
            return frame.put((byte) 126).putShort((short) length);
        }
        return frame.put((byte) 127).putLong(length);
    }

    private static int controlLength(byte[] data) {
        if (data.length > MAX_CONTROL_PAYLOAD) {
            throw new IllegalArgumentException("A control frame carries at most 125 bytes, not " + data.length);
        }
        return data.length;
    }

    // Backs up over continuation bytes (10xxxxxx) so the cut lands on the start of a character.
    private static int fitting(byte[] utf8, int max) {
        if (utf8.length <= max) {
            return utf8.length;
        }
        int cut = max;
        while (cut > 0 && (utf8[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return cut;
    }
}
