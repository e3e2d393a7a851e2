package io.switchboard.delivery.boundary.ws;

/** A minimal writer for one flat JSON object. */
public final class JsonWriter {

    private final StringBuilder out;

    public JsonWriter() {
        this(160);
    }

    /** {@code expectedLength}: about as long as the object will be, so that the buffer is not copied as it grows. */
    public JsonWriter(int expectedLength) {
        out = new StringBuilder(expectedLength).append('{');
    }

    public JsonWriter field(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    public JsonWriter field(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    public JsonWriter field(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    /** A field whose name is data (a conversation id, say), escaped like a value; other names are constants. */
    public JsonWriter escapedField(String name, long value) {
        separate();
        quote(name);
        out.append(':').append(value);
        return this;
    }

    /** A value that is already JSON. */
    public JsonWriter raw(String name, String json) {
        name(name);
        out.append(json);
        return this;
    }

    public String close() {
        return out.append('}').toString();
    }

    private void name(String name) {
        separate();
        out.append('"').append(name).append("\":");
    }

    private void separate() {
        if (out.length() > 1) {
            out.append(',');
        }
    }

    /** Copies runs of characters that need no escape in one append each: most texts are one run. */
    private void quote(String value) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            String escape = escape(value.charAt(i));
            if (escape != null) {
                out.append(value, run, i).append(escape);
                run = i + 1;
            }
        }
        out.append(value, run, value.length()).append('"');
    }

    private static String escape(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x20 || c == '\u2028' || c == '\u2029' ? String.format("\\u%04x", (int) c) : null;
        };
    }
}
