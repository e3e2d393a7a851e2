package io.switchboard.delivery.boundary.ws;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.switchboard.platform.socket.FrameWriter;
import java.nio.ByteBuffer;

/**
 * A minimal writer for one flat JSON object, straight into UTF-8 bytes. It leaves room before the object for a
 * WebSocket frame header, so that the own transport sends the very array it wrote: a frame was a builder, a string,
 * its bytes and the frame, four copies of every text, and a fifth of what a direct message allocated.
 */
public final class JsonWriter {

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e',
            'f'};

    private byte[] out;
    private int length = FrameWriter.MAX_HEADER;

    public JsonWriter() {
        this(160);
    }

    /** {@code expectedLength}: about as long as the object will be, so that the buffer is not copied as it grows. */
    public JsonWriter(int expectedLength) {
        out = new byte[FrameWriter.MAX_HEADER + expectedLength];
        put('{');
    }

    public JsonWriter field(String name, String value) {
        name(name);
        if (value == null) {
            put(NULL);
        } else {
            quote(value);
        }
        return this;
    }

    public JsonWriter field(String name, long value) {
        name(name);
        number(value);
        return this;
    }

    public JsonWriter field(String name, boolean value) {
        name(name);
        put(value ? TRUE : FALSE);
        return this;
    }

    /** A field whose name is data (a conversation id, say), escaped like a value; other names are constants. */
    public JsonWriter escapedField(String name, long value) {
        separate();
        quote(name);
        put(':');
        number(value);
        return this;
    }

    /** A value that is already JSON. */
    public JsonWriter raw(String name, String json) {
        name(name);
        put(json.getBytes(UTF_8));
        return this;
    }

    public String close() {
        put('}');
        return new String(out, FrameWriter.MAX_HEADER, length - FrameWriter.MAX_HEADER, UTF_8);
    }

    /** Ends the object and frames it as a WebSocket text frame, in the same array. */
    public ByteBuffer closeAsFrame() {
        put('}');
        return FrameWriter.text(out, FrameWriter.MAX_HEADER, length - FrameWriter.MAX_HEADER);
    }

    /** Names are the protocol's constants, in ASCII. */
    private void name(String name) {
        separate();
        room(name.length() + 3);
        out[length++] = '"';
        for (int i = 0; i < name.length(); i++) {
            out[length++] = (byte) name.charAt(i);
        }
        out[length++] = '"';
        out[length++] = ':';
    }

    private void separate() {
        if (length > FrameWriter.MAX_HEADER + 1) {
            put(',');
        }
    }

    /** Writes the value as a JSON string in UTF-8, escaping what JSON and JavaScript need escaped inside one. */
    private void quote(String value) {
        int to = value.length();
        room(to + 2);
        out[length++] = '"';
        for (int i = 0; i < to; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                if (length == out.length) {
                    room(to - i);
                }
                out[length++] = (byte) c;
            } else if (c < 0x80) {
                escape(c);
            } else {
                i = wide(value, i, to);
            }
        }
        put('"');
    }

    private void escape(char c) {
        room(6);
        out[length++] = '\\';
        switch (c) {
            case '"' -> out[length++] = '"';
            case '\\' -> out[length++] = '\\';
            case '\n' -> out[length++] = 'n';
            case '\r' -> out[length++] = 'r';
            case '\t' -> out[length++] = 't';
            default -> unicodeEscape(c);
        }
    }

    private void unicodeEscape(char c) {
        out[length++] = 'u';
        for (int shift = 12; shift >= 0; shift -= 4) {
            out[length++] = HEX[(c >> shift) & 0xF];
        }
    }

    /**
     * One character from U+0080 up, or a surrogate pair; returns the index of the last character used. A lone
     * surrogate becomes '?', as {@code String.getBytes(UTF_8)} makes it.
     */
    private int wide(String value, int i, int to) {
        char c = value.charAt(i);
        room(6);
        if (c == '\u2028' || c == '\u2029') {
            out[length++] = '\\';
            unicodeEscape(c);
        } else if (c < 0x800) {
            out[length++] = (byte) (0xC0 | c >> 6);
            out[length++] = (byte) (0x80 | c & 0x3F);
        } else if (!Character.isSurrogate(c)) {
            out[length++] = (byte) (0xE0 | c >> 12);
            out[length++] = (byte) (0x80 | c >> 6 & 0x3F);
            out[length++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(value.charAt(i + 1))) {
            int code = Character.toCodePoint(c, value.charAt(i + 1));
            out[length++] = (byte) (0xF0 | code >> 18);
            out[length++] = (byte) (0x80 | code >> 12 & 0x3F);
            out[length++] = (byte) (0x80 | code >> 6 & 0x3F);
            out[length++] = (byte) (0x80 | code & 0x3F);
            return i + 1;
        } else {
            out[length++] = '?';
        }
        return i;
    }

    private void number(long value) {
        if (value == Long.MIN_VALUE) {
            put(Long.toString(value).getBytes(UTF_8));
            return;
        }
        room(20);
        if (value < 0) {
            out[length++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int at = length + digits - 1; at >= length; at--) {
            out[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
    }

    private void put(char c) {
        room(1);
        out[length++] = (byte) c;
    }

    private void put(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, out, length, bytes.length);
        length += bytes.length;
    }

    /** Makes room for at least {@code more} bytes; a text of wide characters grows the array more than once. */
    private void room(int more) {
        if (length + more > out.length) {
            byte[] grown = new byte[Math.max(out.length * 2, length + more)];
            System.arraycopy(out, 0, grown, 0, length);
            out = grown;
        }
    }
}
