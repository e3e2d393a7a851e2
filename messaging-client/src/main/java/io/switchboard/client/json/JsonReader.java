package io.switchboard.client.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A strict RFC 8259 parser. Strict because the server's frames are machine-written: anything lenient would only hide
 * a bug on one side or the other.
 */
public final class JsonReader {

    // Bounds the recursion so that hostile input fails with a JsonException instead of a StackOverflowError.
    static final int MAX_DEPTH = 256;

    private final String text;
    private int pos;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /** The value of {@code text}: a Map, List, String, Long, Double, Boolean or null. */
    public static Object parse(String text) {
        JsonReader reader = new JsonReader(Objects.requireNonNull(text, "text"));
        reader.skipWhitespace();
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.pos != text.length()) {
            throw reader.error("unexpected text after the value");
        }
        return value;
    }

    /** The object that {@code text} must be. */
    public static JsonObject parseObject(String text) {
        if (parse(text) instanceof Map<?, ?> map) {
            return JsonObject.of(map);
        }
        throw new JsonException("expected a JSON object");
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        return switch (text.charAt(pos)) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> JsonNumbers.read(this);
        };
    }

    private Map<String, Object> object() {
        enter();
        Map<String, Object> map = new LinkedHashMap<>();
        if (!openAndCheckEmpty('}')) {
            do {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("expected a string key");
                }
                String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                map.put(key, value());
                skipWhitespace();
            } while (consumeSeparator('}'));
        }
        depth--;
        return map;
    }

    private List<Object> array() {
        enter();
        List<Object> list = new ArrayList<>();
        if (!openAndCheckEmpty(']')) {
            do {
                skipWhitespace();
                list.add(value());
                skipWhitespace();
            } while (consumeSeparator(']'));
        }
        depth--;
        return list;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private boolean openAndCheckEmpty(char close) {
        pos++;
        skipWhitespace();
        if (peek() == close) {
            pos++;
            return true;
        }
        return false;
    }

    /** True after a comma, false after the closing bracket. */
    private boolean consumeSeparator(char close) {
        char c = peek();
        pos++;
        if (c == ',') {
            return true;
        }
        if (c == close) {
            return false;
        }
        pos--;
        throw error("expected ',' or '" + close + "'");
    }

    private String string() {
        return JsonStrings.read(this);
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unknown literal");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    /** The current character, or NUL at the end, which no valid token starts with. */
    char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    char next() {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(pos++);
    }

    int position() {
        return pos;
    }

    String slice(int from) {
        return text.substring(from, pos);
    }

    JsonException error(String problem) {
        return new JsonException(problem + " at offset " + pos);
    }
}
