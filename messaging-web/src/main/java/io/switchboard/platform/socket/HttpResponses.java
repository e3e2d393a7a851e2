package io.switchboard.platform.socket;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/** The only HTTP responses the socket transport sends: the 101 that opens a WebSocket, or an error that ends it. */
public final class HttpResponses {

    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private HttpResponses() {
    }

    public static ByteBuffer switchingProtocols(String key) {
        String head = "HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + acceptKey(key) + "\r\n\r\n";
        return ByteBuffer.wrap(head.getBytes(US_ASCII));
    }

    /** The proof RFC 6455 asks for, that this server read the client's Sec-WebSocket-Key. */
    public static String acceptKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + WEBSOCKET_GUID).getBytes(US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime must provide SHA-1", impossible);
        }
    }

    /** A closing error response whose body is the same {code, message} object the REST API answers with. */
    public static ByteBuffer error(int status, String code, String message, Map<String, String> headers) {
        byte[] body = ("{\"code\":\"" + json(code) + "\",\"message\":\"" + json(message) + "\"}").getBytes(UTF_8);
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(checked(name)).append(": ").append(checked(value)).append("\r\n"));
        byte[] headBytes = head.append("\r\n").toString().getBytes(UTF_8);
        return ByteBuffer.allocate(headBytes.length + body.length).put(headBytes).put(body).flip();
    }

    // An empty reason phrase is legal HTTP, so an unlisted status still makes a valid response.
    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 426 -> "Upgrade Required";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "";
        };
    }

    // A line break in a header would let its value write headers of its own.
    private static String checked(String headerPart) {
        if (headerPart.indexOf('\r') >= 0 || headerPart.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A response header may not contain a line break: " + headerPart);
        }
        return headerPart;
    }

    private static String json(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
