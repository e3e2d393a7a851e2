package io.switchboard.bench.proto.socketio;

import io.switchboard.bench.json.JsonWriter;

/**
 * One Engine.IO text packet, with the Socket.IO packet inside when the Engine.IO type is MESSAGE. Over the websocket
 * transport every WebSocket message is exactly one packet, e.g. {@code 42["message",{...}]} (Engine.IO 4 MESSAGE,
 * Socket.IO 2 EVENT) or {@code 4317[{"id":..}]} (ACK 17).
 *
 * @param engineType Engine.IO type: 0 open, 1 close, 2 ping, 3 pong, 4 message, 5 upgrade, 6 noop
 * @param socketType Socket.IO type inside a message: 0 connect, 1 disconnect, 2 event, 3 ack, 4 connect error;
 *                   -1 for other Engine.IO packets
 * @param namespace  "/" unless the packet names another
 * @param ackId      the acknowledgement id, or -1
 * @param data       the JSON payload text, or "" when there is none
 */
public record SocketIoPacket(int engineType, int socketType, String namespace, long ackId, String data) {

    public static final int OPEN = 0;
    public static final int CLOSE = 1;
    public static final int PING = 2;
    public static final int PONG = 3;
    public static final int MESSAGE = 4;

    public static final int CONNECT = 0;
    public static final int DISCONNECT = 1;
    public static final int EVENT = 2;
    public static final int ACK = 3;
    public static final int CONNECT_ERROR = 4;

    public static SocketIoPacket decode(String text) {
        if (text.isEmpty() || !Character.isDigit(text.charAt(0))) {
            throw new IllegalArgumentException("not an Engine.IO packet: " + abbreviate(text));
        }
        int engineType = text.charAt(0) - '0';
        if (engineType != MESSAGE) {
            return new SocketIoPacket(engineType, -1, "/", -1, text.substring(1));
        }
        if (text.length() < 2 || !Character.isDigit(text.charAt(1))) {
            throw new IllegalArgumentException("Engine.IO message without a Socket.IO type: " + abbreviate(text));
        }
        int socketType = text.charAt(1) - '0';
        int i = 2;
        String namespace = "/";
        if (i < text.length() && text.charAt(i) == '/') {
            int comma = text.indexOf(',', i);
            namespace = comma < 0 ? text.substring(i) : text.substring(i, comma);
            i = comma < 0 ? text.length() : comma + 1;
        }
        long ackId = -1;
        int digits = i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i > digits) {
            ackId = Long.parseLong(text, digits, i, 10);
        }
        return new SocketIoPacket(MESSAGE, socketType, namespace, ackId, text.substring(i));
    }

    /** {@code 40{"token":"…"}}: connect to the default namespace with the handshake auth the peer checks. */
    public static String connect(String token) {
        StringBuilder b = new StringBuilder(token.length() + 16).append("40{\"token\":");
        return JsonWriter.quote(b, token).append('}').toString();
    }

    /** {@code 42<ackId>["event",<argJson>]}: an event that asks for an acknowledgement. */
    public static String event(long ackId, String event, String argJson) {
        StringBuilder b = new StringBuilder(argJson.length() + event.length() + 16).append("42").append(ackId).append('[');
        return JsonWriter.quote(b, event).append(',').append(argJson).append(']').toString();
    }

    public static String pong() {
        return "3";
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
