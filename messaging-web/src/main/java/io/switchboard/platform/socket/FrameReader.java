package io.switchboard.platform.socket;

import static io.switchboard.platform.socket.FrameHeader.BINARY;
import static io.switchboard.platform.socket.FrameHeader.CLOSE;
import static io.switchboard.platform.socket.FrameHeader.CONTINUATION;
import static io.switchboard.platform.socket.FrameHeader.PING;
import static io.switchboard.platform.socket.FrameHeader.TEXT;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Turns one connection's received bytes into messages. The caller keeps the bytes of a frame not yet complete;
 * this holds only the fragments of a message in progress, and nothing between messages.
 */
public final class FrameReader {

    private static final int NONE = -1;

    private final int maxMessageBytes;
    private int messageOpcode = NONE;
    private byte[] fragments;
    private int fragmentsLength;

    public FrameReader(int maxMessageBytes) {
        if (maxMessageBytes < 0) {
            throw new IllegalArgumentException("maxMessageBytes must not be negative: " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * @return the next control frame or whole message, consuming its frames; null when the buffer ends first, having
     *         consumed the non-final fragments it held but nothing of a partial frame
     * @throws ProtocolViolation with the close code to end the connection with
     */
    public Message next(ByteBuffer in) {
        while (true) {
            FrameHeader header = FrameHeader.read(in);
            if (header == null) {
                return null;
            }
            checkPlace(header);
            if (in.remaining() < header.frameLength()) {
                return null;
            }
            Message message = header.control() ? control(header, payload(in, header)) : data(in, header);
            if (message != null) {
                return message;
            }
        }
    }

    // Runs on the header alone, so an oversize message is refused before a byte of its payload is waited for.
    private void checkPlace(FrameHeader header) {
        boolean inProgress = messageOpcode != NONE;
        if (header.opcode() == CONTINUATION && !inProgress) {
            throw new ProtocolViolation(1002, "A continuation frame arrived with no message in progress.");
        }
        if ((header.opcode() == TEXT || header.opcode() == BINARY) && inProgress) {
            throw new ProtocolViolation(1002, "A new message began before the last one was finished.");
        }
        if (!header.control() && fragmentsLength + header.payloadLength() > maxMessageBytes) {
            throw new ProtocolViolation(1009, "A message may be at most " + maxMessageBytes + " bytes long.");
        }
    }

    private Message data(ByteBuffer in, FrameHeader header) {
        if (header.fin() && header.opcode() != CONTINUATION) {
            byte[] payload = payload(in, header);
            return whole(header.opcode(), payload, payload.length);
        }
        if (header.opcode() != CONTINUATION) {
            messageOpcode = header.opcode();
        }
        int length = (int) header.payloadLength();
        reserve(length);
        read(in, header, fragments, fragmentsLength);
        fragmentsLength += length;
        return header.fin() ? finish() : null;
    }

    private Message finish() {
        Message message = whole(messageOpcode, fragments, fragmentsLength);
        messageOpcode = NONE;
        fragments = null;
        fragmentsLength = 0;
        return message;
    }

    // Doubling keeps a message of many small fragments from being copied once per fragment.
    private void reserve(int more) {
        int needed = fragmentsLength + more;
        if (fragments == null) {
            fragments = new byte[needed];
        } else if (fragments.length < needed) {
            int doubled = (int) Math.min(maxMessageBytes, 2L * fragments.length);
            fragments = Arrays.copyOf(fragments, Math.max(needed, doubled));
        }
    }

    private static Message whole(int opcode, byte[] bytes, int length) {
        if (opcode == TEXT) {
            return new Message.Text(Utf8.decode(bytes, 0, length,
                    () -> new ProtocolViolation(1007, "A text message must be valid UTF-8.")));
        }
        return new Message.Binary(length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
    }

    private static Message control(FrameHeader header, byte[] payload) {
        return switch (header.opcode()) {
            case CLOSE -> close(payload);
            case PING -> new Message.Ping(payload);
            default -> new Message.Pong(payload);
        };
    }

    private static Message close(byte[] payload) {
        if (payload.length == 0) {
            return new Message.Close(Message.Close.NO_STATUS, "");
        }
        if (payload.length == 1) {
            throw new ProtocolViolation(1002, "A close payload must hold a two-byte code or nothing.");
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        if (!Message.Close.sendable(code)) {
            throw new ProtocolViolation(1002, "Close code " + code + " may not be sent.");
        }
        return new Message.Close(code, Utf8.decode(payload, 2, payload.length - 2,
                () -> new ProtocolViolation(1007, "A close reason must be valid UTF-8.")));
    }

    private static byte[] payload(ByteBuffer in, FrameHeader header) {
        byte[] payload = new byte[(int) header.payloadLength()];
        read(in, header, payload, 0);
        return payload;
    }

    /** Copies the frame's payload unmasked into {@code target} and consumes the frame. */
    private static void read(ByteBuffer in, FrameHeader header, byte[] target, int offset) {
        int length = (int) header.payloadLength();
        int key = header.maskKey(in);
        in.get(in.position() + header.headerLength(), target, offset, length);
        Masking.unmask(target, offset, length, key);
        in.position(in.position() + (int) header.frameLength());
    }
}
