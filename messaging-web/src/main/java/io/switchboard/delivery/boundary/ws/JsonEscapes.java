package io.switchboard.delivery.boundary.ws;

/** The backslash escapes of JSON strings: checked as a string is passed over, resolved only when it is kept. */
final class JsonEscapes {

    private JsonEscapes() {
    }

    /** The position after the escape whose backslash comes just before {@code pos}; rejects one JSON has not. */
    static int skip(String text, int pos) {
        char c = pos < text.length() ? text.charAt(pos) : JsonCursor.END;
        if (c == 'u') {
            hex(text, pos + 1);
            return pos + 5;
        }
        if (simple(c) == JsonCursor.END) {
            throw JsonCursor.malformed();
        }
        return pos + 1;
    }

    /**
     * The characters between {@code start} and {@code end}, already checked by {@link #skip}, escapes resolved. A
     * {@code \}{@code uXXXX} becomes that one char: the two halves of a surrogate pair pass as two chars, and a lone
     * half passes as well, as it did through the JSON-P reader this replaces.
     */
    static String unescape(String text, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        int run = start;
        int backslash = text.indexOf('\\', start);
        while (backslash >= 0 && backslash < end) {
            out.append(text, run, backslash);
            char c = text.charAt(backslash + 1);
            if (c == 'u') {
                out.append((char) hex(text, backslash + 2));
                run = backslash + 6;
            } else {
                out.append(simple(c));
                run = backslash + 2;
            }
            backslash = text.indexOf('\\', run);
        }
        return out.append(text, run, end).toString();
    }

    /** The char that the one-letter escape {@code c} stands for, or {@link JsonCursor#END} when there is none. */
    private static char simple(char c) {
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> JsonCursor.END;
        };
    }

    /** The four hex digits from {@code pos}. Not {@link Character#digit}: it takes non-ASCII digits too. */
    private static int hex(String text, int pos) {
        if (pos + 4 > text.length()) {
            throw JsonCursor.malformed();
        }
        int value = 0;
        for (int i = pos; i < pos + 4; i++) {
            value = value << 4 | hexDigit(text.charAt(i));
        }
        return value;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw JsonCursor.malformed();
    }
}
