package io.switchboard.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds the upgrade URI with {@code device} and {@code resume}, and derives the REST base from it. */
final class ConnectUri {

    private ConnectUri() {
    }

    /** Cursors of 0 are left out: they are never above what the server stores, so they would say nothing. */
    static URI build(URI base, String device, Map<String, Long> cursors) {
        StringBuilder query = new StringBuilder();
        if (base.getRawQuery() != null) {
            query.append(base.getRawQuery()).append('&');
        }
        query.append("device=").append(encode(device));
        String resume = new TreeMap<>(cursors).entrySet().stream()
                .filter(cursor -> cursor.getValue() > 0)
                .map(cursor -> encode(cursor.getKey()) + ":" + cursor.getValue())
                .collect(Collectors.joining(","));
        if (!resume.isEmpty()) {
            query.append("&resume=").append(resume);
        }
        return URI.create(withoutQuery(base) + "?" + query);
    }

    /** ws://host:port/ctx/ws becomes http://host:port/ctx/ (wss becomes https). */
    static URI httpBase(URI ws) {
        String scheme = "wss".equalsIgnoreCase(ws.getScheme()) ? "https" : "http";
        String path = ws.getRawPath() == null ? "" : ws.getRawPath();
        if (path.endsWith("/ws")) {
            path = path.substring(0, path.length() - "ws".length());
        }
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return URI.create(scheme + "://" + ws.getRawAuthority() + path);
    }

    private static String withoutQuery(URI uri) {
        String text = uri.toString();
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
