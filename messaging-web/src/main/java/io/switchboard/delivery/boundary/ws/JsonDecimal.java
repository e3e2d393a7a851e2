package io.switchboard.delivery.boundary.ws;

import java.math.BigDecimal;

/** A JSON number that is not plain short digits: a fraction, an exponent, or too many digits to be sure of a long. */
record JsonDecimal(String text) {

    /**
     * Longer numbers are not read: parsing decimal digits into a BigDecimal takes time that grows with the square of
     * their count. Parsson, the JSON-P reader this replaces, refused them at the same length.
     */
    static final int MAX_CHARS = 1100;

    /**
     * The number's value if it is integral and fits a long, else 0. Integral as JSON-P's {@code isIntegral()} had
     * it, by the scale of the number as written: {@code 4e0} and {@code 4.00e2} are, {@code 4.0} and {@code 1E2}
     * are not.
     */
    long wholeOrZero() {
        if (text.length() > MAX_CHARS) {
            return 0;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            return value.scale() == 0 ? value.longValueExact() : 0;
        } catch (NumberFormatException | ArithmeticException e) {
            // an exponent beyond an int's range, or a whole number beyond a long's
            return 0;
        }
    }
}
