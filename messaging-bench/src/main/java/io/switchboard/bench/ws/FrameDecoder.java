package io.switchboard.bench.ws;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Splits a byte stream into WebSocket messages. Complete frames are handed over straight from the read buffer;
 * only a trailing partial frame is copied, so the ten thousand idle connections of a run hold no buffers.
 */
public final class FrameDecoder {

    /** Receives complete data messages and control frames; the bytes are only valid during the call. */
    public interface Sink {
        void onMessage(int opcode, byte[] buf, int off, int len);

        void onControl(int opcode, byte[] buf, int off, int len);
    }

    private final int maxMessageBytes;
    private byte[] pending = new byte[0];
    private int pendingLen;
    private byte[] fragments;
    private int fragmentsLen;
    private int fragmentOpcode;

    public FrameDecoder(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Consumes everything remaining in {@code in}. */
    public void feed(ByteBuffer in, Sink sink) {
        byte[] buf;
        int pos;
        int end;
        if (pendingLen == 0 && in.hasArray()) {
            buf = in.array();
            pos = in.arrayOffset() + in.position();
            end = in.arrayOffset() + in.limit();
        } else {
            append(in);
            buf = pending;
            pos = 0;
            end = pendingLen;
        }
        in.position(in.limit());
        while (true) {
            int used = frame(buf, pos, end, sink);
            if (used == 0) {
                break;
            }
            pos += used;
        }
        keep(buf, pos, end);
    }

    /** Decodes one frame at {@code pos}; returns its length, or 0 when it is not complete yet. */
    private int frame(byte[] buf, int pos, int end, Sink sink) {
        if (end - pos < 2) {
            return 0;
        }
        int b0 = buf[pos] & 0xff;
        int b1 = buf[pos + 1] & 0xff;
        long len = b1 & 0x7f;
        int header = 2;
        if (len == 126) {
            if (end - pos < 4) {
                return 0;
            }
            len = ((buf[pos + 2] & 0xff) << 8) | (buf[pos + 3] & 0xff);
            header = 4;
        } else if (len == 127) {
            if (end - pos < 10) {
                return 0;
            }
            len = 0;
            for (int k = 0; k < 8; k++) {
                len = (len << 8) | (buf[pos + 2 + k] & 0xff);
            }
            header = 10;
        }
        if (len > maxMessageBytes || len < 0) {
            throw new WsProtocolException("frame of " + len + " bytes exceeds " + maxMessageBytes);
        }
        boolean masked = (b1 & 0x80) != 0;
        int maskAt = pos + header;
        if (masked) {
            header += 4;
        }
        if (end - pos < header + len) {
            return 0;
        }
        int off = pos + header;
        if (masked) {
            for (int k = 0; k < len; k++) {
                buf[off + k] ^= buf[maskAt + (k & 3)];
            }
        }
        deliver((b0 & 0x80) != 0, b0 & 0x0f, buf, off, (int) len, sink);
        return header + (int) len;
    }

    private void deliver(boolean fin, int opcode, byte[] buf, int off, int len, Sink sink) {
        if (opcode >= 0x8) {
            sink.onControl(opcode, buf, off, len);
        } else if (opcode == 0) {
            if (fragments == null) {
                throw new WsProtocolException("continuation frame without a first fragment");
            }
            appendFragment(buf, off, len);
            if (fin) {
                byte[] whole = fragments;
                fragments = null;
                sink.onMessage(fragmentOpcode, whole, 0, fragmentsLen);
            }
        } else if (fin) {
            sink.onMessage(opcode, buf, off, len);
        } else {
            fragments = new byte[Math.max(len, 256)];
            fragmentsLen = 0;
            fragmentOpcode = opcode;
            appendFragment(buf, off, len);
        }
    }

    private void appendFragment(byte[] buf, int off, int len) {
        if (fragmentsLen + len > maxMessageBytes) {
            throw new WsProtocolException("fragmented message exceeds " + maxMessageBytes + " bytes");
        }
        if (fragmentsLen + len > fragments.length) {
            fragments = Arrays.copyOf(fragments, Math.max(fragments.length * 2, fragmentsLen + len));
        }
        System.arraycopy(buf, off, fragments, fragmentsLen, len);
        fragmentsLen += len;
    }

    private void append(ByteBuffer in) {
        int n = in.remaining();
        if (pendingLen + n > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingLen + n, pending.length * 2));
        }
        in.duplicate().get(pending, pendingLen, n);
        pendingLen += n;
    }

    private void keep(byte[] buf, int pos, int end) {
        int rest = end - pos;
        if (rest == 0) {
            pendingLen = 0;
            if (pending.length > 4096) {
                pending = new byte[0];
            }
            return;
        }
        if (buf != pending && pending.length < rest) {
            pending = new byte[rest];
        }
        System.arraycopy(buf, pos, pending, 0, rest);
        pendingLen = rest;
    }
}
