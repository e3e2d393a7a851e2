package io.switchboard.bench.json;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers, booleans and null as JSON. Compact for frames on the wire, indented for the
 * result files a person reads. Non-finite doubles become {@code null} because JSON has no spelling for them.
 */
public final class JsonWriter {

    private JsonWriter() {
    }

    public static String write(Object value) {
        StringBuilder b = new StringBuilder(128);
        write(b, value, -1, 0);
        return b.toString();
    }

    public static String pretty(Object value) {
        StringBuilder b = new StringBuilder(1024);
        write(b, value, 1, 0);
        return b.append('\n').toString();
    }

    /** Appends {@code value} as a quoted JSON string; the frame encoders use it directly. */
    public static StringBuilder quote(StringBuilder b, String value) {
        b.append('"');
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }

    private static void write(StringBuilder b, Object v, int indent, int depth) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String str) {
            quote(b, str);
        } else if (v instanceof Double d) {
            number(b, d);
        } else if (v instanceof Float f) {
            number(b, f.doubleValue());
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Map<?, ?> m) {
            container(b, '{', '}', m.entrySet().iterator(), indent, depth);
        } else if (v instanceof Iterable<?> it) {
            container(b, '[', ']', it.iterator(), indent, depth);
        } else if (v instanceof Object[] arr) {
            container(b, '[', ']', java.util.Arrays.asList(arr).iterator(), indent, depth);
        } else {
            quote(b, v.toString());
        }
    }

    private static void container(StringBuilder b, char open, char close, Iterator<?> it, int indent, int depth) {
        b.append(open);
        boolean first = true;
        while (it.hasNext()) {
            Object item = it.next();
            if (!first) {
                b.append(',');
            }
            first = false;
            newline(b, indent, depth + 1);
            if (item instanceof Map.Entry<?, ?> e) {
                quote(b, String.valueOf(e.getKey())).append(indent < 0 ? ":" : ": ");
                write(b, e.getValue(), indent, depth + 1);
            } else {
                write(b, item, indent, depth + 1);
            }
        }
        if (!first) {
            newline(b, indent, depth);
        }
        b.append(close);
    }

    private static void number(StringBuilder b, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            b.append("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            b.append((long) d);
        } else {
            b.append(d);
        }
    }

    private static void newline(StringBuilder b, int indent, int depth) {
        if (indent > 0) {
            b.append('\n').append(" ".repeat(indent * depth));
        }
    }
}
