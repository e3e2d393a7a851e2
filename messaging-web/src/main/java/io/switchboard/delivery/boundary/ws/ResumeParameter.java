package io.switchboard.delivery.boundary.ws;

import java.util.HashMap;
import java.util.Map;

/** Reads the {@code resume} query parameter: {@code conversationId:seq} pairs separated by commas. */
final class ResumeParameter {

    static final int MAX_ENTRIES = 10_000;

    private ResumeParameter() {
    }

    static Map<String, Long> parse(String value) {
        Map<String, Long> cursors = new HashMap<>();
        if (value == null || value.isBlank()) {
            return cursors;
        }
        for (String pair : value.split(",")) {
            int colon = pair.lastIndexOf(':');
            if (colon < 1 || cursors.size() >= MAX_ENTRIES) {
                throw new IllegalArgumentException("resume must be conversationId:seq pairs separated by commas");
            }
            try {
                long seq = Long.parseLong(pair.substring(colon + 1));
                if (seq < 0) {
                    throw new NumberFormatException();
                }
                cursors.merge(pair.substring(0, colon), seq, Math::max);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("resume seq must be a whole number of 0 or more");
            }
        }
        return cursors;
    }
}
