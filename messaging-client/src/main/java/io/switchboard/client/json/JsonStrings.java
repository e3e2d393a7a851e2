package io.switchboard.client.json;

/** String literals: the one part of JSON where escapes make reading and writing asymmetric. */
final class JsonStrings {

    private JsonStrings() {
    }

    /** Reads a string literal; the reader stands on its opening quote. */
    static String read(JsonReader reader) {
        reader.next();
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = reader.next();
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                out.append(escape(reader));
            } else if (c < 0x20) {
                throw reader.error("control character in a string");
            } else {
                out.append(c);
            }
        }
    }

    private static char escape(JsonReader reader) {
        char c = reader.next();
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicode(reader);
            default -> throw reader.error("invalid escape \\" + c);
        };
    }

    private static char unicode(JsonReader reader) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(reader.next(), 16);
            if (digit < 0) {
                throw reader.error("invalid \\u escape");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    static void write(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> writeOther(s, i, c, out);
            }
        }
        out.append('"');
    }

    // A lone surrogate has no UTF-8 form and would be mangled on the wire; as an escape it survives the trip.
    private static void writeOther(String s, int i, char c, StringBuilder out) {
        if (c < 0x20 || isLoneSurrogate(s, i, c)) {
            out.append(String.format("\\u%04x", (int) c));
        } else {
            out.append(c);
        }
    }

    private static boolean isLoneSurrogate(String s, int i, char c) {
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
