package io.switchboard.delivery.boundary.ws;

/** A minimal writer for one flat JSON object. */
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder(160).append('{');

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
        if (out.length() > 1) {
            out.append(',');
        }
        out.append('"').append(name).append("\":");
    }

    private void quote(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
