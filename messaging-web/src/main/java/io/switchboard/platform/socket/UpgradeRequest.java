package io.switchboard.platform.socket;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The head of an HTTP request that may be a WebSocket upgrade.
 *
 * @param path       the target without its query, percent-decoded
 * @param parameters the query, form-decoded, each name with its values in order
 * @param headers    names in lower case; a repeated header's values joined with ", " ("; " for cookie)
 */
public record UpgradeRequest(String method, String path, Map<String, List<String>> parameters,
                             Map<String, String> headers) {

    private static final int KEY_BYTES = 16;

    public UpgradeRequest {
        parameters = Map.copyOf(parameters);
        headers = Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String cookie(String name) {
        String cookies = header("cookie");
        if (cookies == null) {
            return null;
        }
        for (String cookie : cookies.split(";")) {
            int equals = cookie.indexOf('=');
            if (equals > 0 && cookie.substring(0, equals).strip().equals(name)) {
                return unquoted(cookie.substring(equals + 1).strip());
            }
        }
        return null;
    }

    /** @return null when this is a WebSocket upgrade this server accepts, else what to answer instead */
    public BadRequest refusal() {
        if (!method.equals("GET")) {
            return new BadRequest(405, "A WebSocket upgrade must be a GET request.", Map.of("Allow", "GET"));
        }
        String upgrade = header("upgrade");
        if (upgrade == null) {
            return new BadRequest(426, "This address only speaks WebSocket.", Map.of("Upgrade", "websocket"));
        }
        if (!hasToken(upgrade, "websocket")) {
            return new BadRequest(400, "The Upgrade header must name websocket.");
        }
        if (!hasToken(header("connection"), "upgrade")) {
            return new BadRequest(400, "The Connection header must include upgrade.");
        }
        if (!"13".equals(header("sec-websocket-version"))) {
            return new BadRequest(426, "Only WebSocket version 13 is spoken here.",
                    Map.of("Sec-WebSocket-Version", "13"));
        }
        if (!validKey(header("sec-websocket-key"))) {
            return new BadRequest(400, "Sec-WebSocket-Key must be 16 bytes in base64.");
        }
        return null;
    }

    private static boolean hasToken(String list, String token) {
        if (list == null) {
            return false;
        }
        for (String item : list.split(",")) {
            if (item.strip().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    // 16 bytes always take exactly 24 base64 characters; the length check also refuses unpadded keys.
    private static boolean validKey(String key) {
        if (key == null || key.length() != 24) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == KEY_BYTES;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static String unquoted(String value) {
        boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
