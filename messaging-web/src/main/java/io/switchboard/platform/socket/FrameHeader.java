package io.switchboard.platform.socket;

import java.nio.ByteBuffer;

/**
 * The fixed part of a client frame, checked as soon as its bytes are there so a bad frame is refused before its
 * payload arrives.
 *
 * @param headerLength the bytes before the payload, the mask key included
 */
record FrameHeader(boolean fin, int opcode, long payloadLength, int headerLength) {

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;
    static final int MAX_CONTROL_PAYLOAD = 125;

    private static final int MASK_KEY_BYTES = 4;

    boolean control() {
        return opcode >= CLOSE;
    }

    long frameLength() {
        return headerLength + payloadLength;
    }

    /** The mask key, once the whole header is in the buffer. */
    int maskKey(ByteBuffer in) {
        return (int) bigEndian(in, in.position() + headerLength - MASK_KEY_BYTES, MASK_KEY_BYTES);
    }

    /** @return the header at the buffer's position, or null until its length field has arrived; reads nothing */
    static FrameHeader read(ByteBuffer in) {
        int start = in.position();
        if (!in.hasRemaining()) {
            return null;
        }
        int first = in.get(start) & 0xFF;
        checkFirstByte(first);
        if (in.remaining() < 2) {
            return null;
        }
        int second = in.get(start + 1) & 0xFF;
        boolean fin = (first & 0x80) != 0;
        int opcode = first & 0x0F;
        int shortLength = second & 0x7F;
        checkSecondByte(second, opcode >= CLOSE, fin, shortLength);
        int lengthBytes = shortLength == 126 ? 2 : shortLength == 127 ? 8 : 0;
        if (in.remaining() < 2 + lengthBytes) {
            return null;
        }
        long length = lengthBytes == 0 ? shortLength : bigEndian(in, start + 2, lengthBytes);
        if (length < 0) {
            throw new ProtocolViolation(1002, "A frame length may not have its most significant bit set.");
        }
        return new FrameHeader(fin, opcode, length, 2 + lengthBytes + MASK_KEY_BYTES);
    }

    private static void checkFirstByte(int first) {
        if ((first & 0x70) != 0) {
            throw new ProtocolViolation(1002, "No extension was agreed, so the RSV bits must be clear.");
        }
        int opcode = first & 0x0F;
        if ((opcode > BINARY && opcode < CLOSE) || opcode > PONG) {
            throw new ProtocolViolation(1002, "Opcode " + opcode + " is not defined.");
        }
    }

    private static void checkSecondByte(int second, boolean control, boolean fin, int shortLength) {
        if ((second & 0x80) == 0) {
            throw new ProtocolViolation(1002, "A client must mask every frame it sends.");
        }
        if (control && (!fin || shortLength > MAX_CONTROL_PAYLOAD)) {
            throw new ProtocolViolation(1002, "A control frame must be final and carry at most 125 bytes.");
        }
    }

    // Byte by byte, so the caller's choice of buffer byte order cannot change what is read.
    private static long bigEndian(ByteBuffer in, int index, int bytes) {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | (in.get(index + i) & 0xFF);
        }
        return value;
    }
}
