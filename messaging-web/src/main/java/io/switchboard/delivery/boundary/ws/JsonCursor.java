package io.switchboard.delivery.boundary.ws;

import io.switchboard.platform.ErrorCode;

/**
 * The tokens of one client frame's JSON text (RFC 8259), read in place: a position in the frame's string, moved past
 * one token at a time. Strings and numbers can be skipped, checked but not copied, for the fields a frame ignores.
 */
final class JsonCursor {

    /** What {@link #peek()} answers at the end of the text: a noncharacter, which no token starts with. */
    static final char END = '\uFFFF';
    /** A number of up to 18 characters (a sign and 17 digits, or 18 digits) always fits in a long. */
    private static final int PLAIN_LONG_CHARS = 18;

    private final String text;
    private int pos;

    JsonCursor(String text) {
        this.text = text;
    }

    char peek() {
        return pos < text.length() ? text.charAt(pos) : END;
    }

    boolean consume(char expected) {
        if (peek() != expected) {
            return false;
        }
        pos++;
        return true;
    }

    void expect(char expected) {
        if (!consume(expected)) {
            throw malformed();
        }
    }

    /** JSON's four whitespace characters only: a no-break space or a byte order mark is not JSON. */
    void skipWhitespace() {
        char c = peek();
        while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            pos++;
            c = peek();
        }
    }

    /** Moves past the colon after a member's name and the whitespace around it. */
    void colon() {
        skipWhitespace();
        expect(':');
        skipWhitespace();
    }

    boolean atEnd() {
        return pos == text.length();
    }

    void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw malformed();
        }
        pos += word.length();
    }

    /** Frame texts seldom hold an escape, so a string without one is taken as it stands, in one copy. */
    String readString() {
        int start = pos + 1;
        boolean escaped = skipString();
        return escaped ? JsonEscapes.unescape(text, start, pos - 1) : text.substring(start, pos - 1);
    }

    /**
     * The index in {@code names} of the member name at the cursor, or -1. A name without escapes is compared where
     * it stands, so that the names of ignored fields are never copied.
     */
    int readName(String[] names) {
        int start = pos + 1;
        if (skipString()) {
            return indexOf(names, JsonEscapes.unescape(text, start, pos - 1));
        }
        int length = pos - 1 - start;
        for (int i = 0; i < names.length; i++) {
            if (names[i].length() == length && text.regionMatches(start, names[i], 0, length)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Moves past the string at the cursor, checking it; answers whether it holds an escape. */
    boolean skipString() {
        expect('"');
        boolean escaped = false;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return escaped;
            }
            if (c == '\\') {
                pos = JsonEscapes.skip(text, pos);
                escaped = true;
            } else if (c < 0x20) {
                throw malformed();
            }
        }
        throw malformed();
    }

    /** A {@link Long} when the number is plain digits short enough, else the number's text for a closer look. */
    Object readNumber() {
        int start = pos;
        boolean plain = skipNumber();
        if (plain && pos - start <= PLAIN_LONG_CHARS) {
            return Long.parseLong(text, start, pos, 10);
        }
        return new JsonDecimal(text.substring(start, pos));
    }

    /** Moves past the number at the cursor; answers whether it is an integer without fraction or exponent. */
    boolean skipNumber() {
        consume('-');
        if (!consume('0')) {
            digits();
        }
        boolean plain = true;
        if (consume('.')) {
            digits();
            plain = false;
        }
        if (consume('e') || consume('E')) {
            if (!consume('+')) {
                consume('-');
            }
            digits();
            plain = false;
        }
        return plain;
    }

    private void digits() {
        int start = pos;
        while (peek() >= '0' && peek() <= '9') {
            pos++;
        }
        if (pos == start) {
            throw malformed();
        }
    }

    static FrameRejected malformed() {
        return new FrameRejected(ErrorCode.MALFORMED_FRAME, "The frame is not valid JSON.", null, null);
    }
}
