package io.switchboard.bench.ws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** The HTTP/1.1 upgrade request and the check of its answer (RFC 6455 section 4). */
public final class WsHandshake {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final byte[] END = {'\r', '\n', '\r', '\n'};

    private WsHandshake() {
    }

    public static byte[] request(String hostPort, String pathAndQuery, Map<String, String> headers, String key) {
        StringBuilder b = new StringBuilder(256)
                .append("GET ").append(pathAndQuery).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostPort).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(key).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        headers.forEach((name, value) -> b.append(name).append(": ").append(value).append("\r\n"));
        return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    public static String newKey(java.util.random.RandomGenerator random) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    public static String acceptFor(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /** Length of the response head including the blank line, or -1 while it is incomplete. */
    public static int headLength(byte[] buf, int len) {
        outer:
        for (int k = 0; k + END.length <= len; k++) {
            for (int j = 0; j < END.length; j++) {
                if (buf[k + j] != END[j]) {
                    continue outer;
                }
            }
            return k + END.length;
        }
        return -1;
    }

    /**
     * Checks a complete response head: 0 when it is a valid upgrade for {@code key}; otherwise the HTTP status to
     * report (a 401 is the server refusing the token, which the caller counts separately from network failures).
     */
    public static int check(String head, String key) {
        String[] lines = head.split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw new WsProtocolException("not an HTTP response: " + lines[0]);
        }
        int code = Integer.parseInt(status[1]);
        if (code != 101) {
            return code;
        }
        String accept = null;
        for (int k = 1; k < lines.length; k++) {
            int colon = lines[k].indexOf(':');
            if (colon > 0 && lines[k].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-accept")) {
                accept = lines[k].substring(colon + 1).trim();
            }
        }
        if (!acceptFor(key).equals(accept)) {
            throw new WsProtocolException("wrong Sec-WebSocket-Accept: " + accept);
        }
        return 0;
    }
}
