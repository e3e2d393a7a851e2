package io.switchboard.bench.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one JSON text into {@code Map} (insertion ordered), {@code List}, {@code String}, {@code Long} (integers
 * that fit), {@code Double}, {@code Boolean} or {@code null}. Strict enough to reject what a server should never
 * send us; a malformed frame is an error to count, not something to guess around.
 */
public final class JsonReader {

    private final String s;
    private int i;

    private JsonReader(String s, int start) {
        this.s = s;
        this.i = start;
    }

    public static Object parse(String text) {
        return parse(text, 0, text.length());
    }

    /** Parses the JSON value in {@code text[start, end)}; used for Socket.IO packets that carry a prefix. */
    public static Object parse(String text, int start, int end) {
        JsonReader r = new JsonReader(end == text.length() ? text : text.substring(0, end), start);
        Object v = r.value();
        r.skipSpace();
        if (r.i != r.s.length()) {
            throw r.error("trailing characters");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        if (parse(text) instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new JsonException("not a JSON object");
    }

    private Object value() {
        skipSpace();
        if (i >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(i);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        skipSpace();
        if (peek() == '}') {
            i++;
            return m;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a key");
            }
            String key = string();
            skipSpace();
            expect(':');
            m.put(key, value());
            skipSpace();
            if (peek() == ',') {
                i++;
            } else {
                expect('}');
                return m;
            }
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        i++;
        skipSpace();
        if (peek() == ']') {
            i++;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpace();
            if (peek() == ',') {
                i++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        i++;
        int start = i;
        // Fast path: most strings on the wire carry no escape, so they are one substring.
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                return s.substring(start, i++);
            }
            if (c == '\\') {
                return escapedString(new StringBuilder().append(s, start, i));
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            i++;
        }
        throw error("unterminated string");
    }

    private String escapedString(StringBuilder b) {
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) {
                break;
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> b.append(unicodeEscape());
                default -> throw error("bad escape \\" + e);
            }
        }
        throw error("unterminated string");
    }

    private char unicodeEscape() {
        if (i + 4 > s.length()) {
            throw error("short \\u escape");
        }
        try {
            char c = (char) Integer.parseInt(s, i, i + 4, 16);
            i += 4;
            return c;
        } catch (NumberFormatException e) {
            throw error("bad \\u escape");
        }
    }

    private Object number() {
        int start = i;
        boolean integral = true;
        if (peek() == '-') {
            i++;
        }
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                i++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                integral = false;
                i++;
            } else {
                break;
            }
        }
        String n = s.substring(start, i);
        if (n.isEmpty() || n.equals("-")) {
            throw error("unexpected character");
        }
        try {
            if (integral && n.length() < 19) {
                return Long.parseLong(n);
            }
            return Double.parseDouble(n);
        } catch (NumberFormatException e) {
            throw error("bad number " + n);
        }
    }

    private Object literal(String word, Object value) {
        if (!s.startsWith(word, i)) {
            throw error("unexpected character");
        }
        i += word.length();
        return value;
    }

    private void skipSpace() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            i++;
        }
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        i++;
    }

    private JsonException error(String what) {
        return new JsonException(what + " at offset " + i);
    }
}
