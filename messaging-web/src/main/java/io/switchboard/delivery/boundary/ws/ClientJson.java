package io.switchboard.delivery.boundary.ws;

import io.switchboard.platform.ErrorCode;

/**
 * The top-level members of one client frame that the decoder asks for, read from the frame's JSON text. Every value
 * is read as a {@link String}, a {@link Long} or {@link JsonDecimal}, a {@link Boolean}, {@link #NESTED} for an object
 * or array, or null for JSON null. The members of other names, and everything nested, are checked as JSON and passed
 * over without being kept: the protocol ignores unknown fields.
 */
final class ClientJson {

    /** The value of a member that holds an object or an array: no frame field is one, so only its type matters. */
    static final Object NESTED = new Object();
    /**
     * How deep objects and arrays may nest, the frame object counting as the first level. Skipping recurses once
     * per level, so an unbounded depth would let a frame of nothing but {@code [} overflow the stack.
     */
    static final int MAX_DEPTH = 64;

    private final String[] names;
    private final Object[] values;

    private ClientJson(String[] names) {
        this.names = names;
        this.values = new Object[names.length];
    }

    /** The members named in {@code names}, from {@code text}, which must be one JSON object and nothing else. */
    static ClientJson parse(String text, String[] names) {
        var in = new JsonCursor(text);
        in.skipWhitespace();
        var json = new ClientJson(names);
        boolean object = in.peek() == '{';
        if (object) {
            json.readObject(in);
        } else {
            skipValue(in, 0);
        }
        in.skipWhitespace();
        if (!in.atEnd()) {
            throw JsonCursor.malformed();
        }
        if (!object) {
            throw new FrameRejected(ErrorCode.MALFORMED_FRAME, "A frame must be a JSON object.", null, null);
        }
        return json;
    }

    /** The value of the member {@code name}, one of the names parsed for; null when absent or JSON null. */
    Object get(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        throw new IllegalArgumentException(name + " was not parsed for");
    }

    /**
     * A name given twice keeps its last value, null included: JSON leaves duplicates to the reader, and the JSON-P
     * object builder this replaces kept the last.
     */
    private void readObject(JsonCursor in) {
        in.expect('{');
        in.skipWhitespace();
        if (in.consume('}')) {
            return;
        }
        do {
            in.skipWhitespace();
            int index = in.readName(names);
            in.colon();
            if (index < 0) {
                skipValue(in, 1);
            } else {
                values[index] = readValue(in);
            }
            in.skipWhitespace();
        } while (in.consume(','));
        in.expect('}');
    }

    private static Object readValue(JsonCursor in) {
        return switch (in.peek()) {
            case '"' -> in.readString();
            case '{', '[' -> {
                skipValue(in, 1);
                yield NESTED;
            }
            case 't', 'f', 'n' -> literal(in);
            default -> in.readNumber();
        };
    }

    /** Checks the value at the cursor and moves past it; {@code depth}: the levels of objects and arrays around it. */
    private static void skipValue(JsonCursor in, int depth) {
        switch (in.peek()) {
            case '"' -> in.skipString();
            case '{', '[' -> skipNested(in, depth + 1);
            case 't', 'f', 'n' -> literal(in);
            default -> in.skipNumber();
        }
    }

    private static void skipNested(JsonCursor in, int depth) {
        if (depth > MAX_DEPTH) {
            throw JsonCursor.malformed();
        }
        boolean object = in.peek() == '{';
        in.expect(object ? '{' : '[');
        char close = object ? '}' : ']';
        in.skipWhitespace();
        if (in.consume(close)) {
            return;
        }
        do {
            in.skipWhitespace();
            if (object) {
                in.skipString();
                in.colon();
            }
            skipValue(in, depth);
            in.skipWhitespace();
        } while (in.consume(','));
        in.expect(close);
    }

    private static Boolean literal(JsonCursor in) {
        char first = in.peek();
        in.literal(first == 't' ? "true" : first == 'f' ? "false" : "null");
        return first == 'n' ? null : first == 't';
    }
}
