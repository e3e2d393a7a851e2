package io.switchboard.platform.socket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The request target's path and query, decoded as UTF-8; '+' means a space in the query only. */
final class PercentDecoding {

    private PercentDecoding() {
    }

    static String path(String raw) {
        return decode(raw, false);
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        parameters.replaceAll((name, values) -> List.copyOf(values));
        return parameters;
    }

    // The parser has already refused non-ASCII bytes, so every char here fits in one byte.
    private static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return raw;
        }
        byte[] bytes = new byte[raw.length()];
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes[length++] = (byte) escaped(raw, i);
                i += 2;
            } else {
                bytes[length++] = (byte) (c == '+' && plusIsSpace ? ' ' : c);
            }
        }
        return Utf8.decode(bytes, 0, length,
                () -> new BadRequest(400, "The request target's escapes do not spell UTF-8 text."));
    }

    private static int escaped(String raw, int percent) {
        int high = percent + 2 < raw.length() ? Character.digit(raw.charAt(percent + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(raw.charAt(percent + 2), 16);
        if (low < 0) {
            throw new BadRequest(400, "The request target has a '%' that is not followed by two hex digits.");
        }
        return high << 4 | low;
    }
}
