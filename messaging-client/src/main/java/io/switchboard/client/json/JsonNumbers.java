package io.switchboard.client.json;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Number literals, read by the grammar of RFC 8259 rather than by Java's more lenient parsers. */
final class JsonNumbers {

    private JsonNumbers() {
    }

    /** A Long when the literal is integral and fits, else a finite Double. */
    static Object read(JsonReader reader) {
        int start = reader.position();
        if (reader.peek() == '-') {
            reader.next();
        }
        integerPart(reader);
        boolean integral = true;
        if (reader.peek() == '.') {
            reader.next();
            digits(reader);
            integral = false;
        }
        if (reader.peek() == 'e' || reader.peek() == 'E') {
            reader.next();
            if (reader.peek() == '+' || reader.peek() == '-') {
                reader.next();
            }
            digits(reader);
            integral = false;
        }
        return convert(reader, reader.slice(start), integral);
    }

    private static void integerPart(JsonReader reader) {
        if (reader.peek() == '0') {
            reader.next();
            if (Character.isDigit(reader.peek())) {
                throw reader.error("leading zero in a number");
            }
            return;
        }
        digits(reader);
    }

    private static void digits(JsonReader reader) {
        if (!isDigit(reader.peek())) {
            throw reader.error("expected a digit");
        }
        while (isDigit(reader.peek())) {
            reader.next();
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // Integers beyond long become doubles: the protocol's numbers (seq, limits) are far below that range, and one
    // numeric type per shape keeps every caller simple.
    private static Object convert(JsonReader reader, String literal, boolean integral) {
        if (integral) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException beyondLong) {
                return new BigInteger(literal).doubleValue();
            }
        }
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw reader.error("number out of range");
        }
        return value;
    }

    static void write(Number n, StringBuilder out) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new JsonException("JSON has no form for " + d);
            }
            out.append(n instanceof Float ? Float.toString(n.floatValue()) : Double.toString(d));
        } else if (n instanceof BigDecimal big) {
            out.append(big.toString());
        } else {
            out.append(n.longValue());
        }
    }
}
