package io.switchboard.client.json;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/** Writes Maps, Iterables, arrays, Strings, Numbers, Booleans and null as compact JSON text. */
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    private int depth;

    private JsonWriter() {
    }

    public static String write(Object value) {
        JsonWriter writer = new JsonWriter();
        writer.value(value);
        return writer.out.toString();
    }

    private void value(Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            JsonStrings.write(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof BigInteger big) {
            out.append(big);
        } else if (value instanceof Number n) {
            JsonNumbers.write(n, out);
        } else if (value instanceof Map<?, ?> map) {
            nested(() -> object(map));
        } else if (value instanceof Iterable<?> items) {
            nested(() -> array(items.iterator()));
        } else if (value instanceof Object[] items) {
            nested(() -> array(java.util.Arrays.asList(items).iterator()));
        } else {
            throw new JsonException("JSON has no form for " + value.getClass().getName());
        }
    }

    // A self-containing collection would otherwise end in a StackOverflowError.
    private void nested(Runnable body) {
        if (++depth > JsonReader.MAX_DEPTH) {
            throw new JsonException("nesting deeper than " + JsonReader.MAX_DEPTH);
        }
        body.run();
        depth--;
    }

    private void object(Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> field : map.entrySet()) {
            if (!(field.getKey() instanceof String key)) {
                throw new JsonException("object keys must be strings, not " + field.getKey());
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            JsonStrings.write(key, out);
            out.append(':');
            value(field.getValue());
        }
        out.append('}');
    }

    private void array(Iterator<?> items) {
        out.append('[');
        while (items.hasNext()) {
            value(items.next());
            if (items.hasNext()) {
                out.append(',');
            }
        }
        out.append(']');
    }
}
