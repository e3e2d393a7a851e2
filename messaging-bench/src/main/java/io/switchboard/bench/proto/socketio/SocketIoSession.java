package io.switchboard.bench.proto.socketio;

import io.switchboard.bench.json.Fields;
import io.switchboard.bench.json.JsonReader;
import io.switchboard.bench.json.JsonWriter;
import io.switchboard.bench.proto.ChatSession;
import io.switchboard.bench.proto.Member;
import io.switchboard.bench.proto.SessionEvents;
import io.switchboard.bench.ws.TextChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Socket.IO client: answers Engine.IO pings, authenticates in the namespace connect, and matches event
 * acknowledgements to the sends that asked for them by ack id.
 */
final class SocketIoSession implements ChatSession {

    private static final String MESSAGE_EVENT = "[\"message\",";

    private final Member member;
    private final SessionEvents events;
    private final Map<Long, String> pendingSends = new HashMap<>();
    private TextChannel ws;
    private long nextAckId;
    private long joinAckId = -1;

    SocketIoSession(Member member, SessionEvents events) {
        this.member = member;
        this.events = events;
    }

    @Override
    public void onOpen(TextChannel connection) {
        this.ws = connection;
    }

    @Override
    public void onText(String text) {
        try {
            handle(SocketIoPacket.decode(text));
        } catch (RuntimeException e) {
            events.onProtocolError(member.index(), "unreadable Socket.IO packet: " + e.getMessage());
        }
    }

    private void handle(SocketIoPacket p) {
        switch (p.engineType()) {
            case SocketIoPacket.OPEN -> ws.sendText(SocketIoPacket.connect(member.token()));
            case SocketIoPacket.PING -> ws.sendText(SocketIoPacket.pong());
            case SocketIoPacket.CLOSE -> ws.close(1000, "Engine.IO close");
            case SocketIoPacket.MESSAGE -> message(p);
            default -> { }
        }
    }

    private void message(SocketIoPacket p) {
        switch (p.socketType()) {
            case SocketIoPacket.EVENT -> event(p.data());
            case SocketIoPacket.ACK -> ack(p.ackId(), p.data());
            case SocketIoPacket.CONNECT -> events.onReady(member.index());
            case SocketIoPacket.CONNECT_ERROR -> ws.close(1000, "connect_error " + p.data());
            case SocketIoPacket.DISCONNECT -> ws.close(1000, "Socket.IO disconnect");
            default -> events.onProtocolError(member.index(), "unexpected Socket.IO packet type " + p.socketType());
        }
    }

    private void event(String data) {
        if (!data.startsWith(MESSAGE_EVENT)) {
            return;
        }
        Map<String, Object> m = JsonReader.parseObject(data.substring(MESSAGE_EVENT.length(), data.length() - 1));
        events.onDelivered(member.index(), Fields.str(m, "room"), Fields.str(m, "clientMessageId"),
                Fields.str(m, "text"), false);
    }

    @SuppressWarnings("unchecked")
    private void ack(long ackId, String data) {
        Object first = ((List<Object>) JsonReader.parse(data)).get(0);
        Map<String, Object> res = first instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        if (ackId == joinAckId) {
            joinAckId = -1;
            events.onJoined(member.index(), Fields.bool(res, "ok") ? null : String.valueOf(res.get("error")));
            return;
        }
        String cmid = pendingSends.remove(ackId);
        if (cmid == null) {
            events.onProtocolError(member.index(), "acknowledgement " + ackId + " for nothing sent");
        } else if (res.get("id") != null) {
            events.onSent(member.index(), cmid, String.valueOf(res.get("id")));
        } else {
            events.onSendFailed(member.index(), cmid, String.valueOf(res.get("error")));
        }
    }

    @Override
    public void join() {
        joinAckId = nextAckId++;
        StringBuilder room = JsonWriter.quote(new StringBuilder(), member.conversationId());
        if (!send(SocketIoPacket.event(joinAckId, "join", room.toString()))) {
            events.onJoined(member.index(), "not connected");
        }
    }

    @Override
    public void send(String clientMessageId, String text) {
        long ackId = nextAckId++;
        StringBuilder b = new StringBuilder(text.length() + 96).append("{\"room\":");
        JsonWriter.quote(b, member.conversationId()).append(",\"clientMessageId\":");
        JsonWriter.quote(b, clientMessageId).append(",\"text\":");
        JsonWriter.quote(b, text).append('}');
        pendingSends.put(ackId, clientMessageId);
        if (!send(SocketIoPacket.event(ackId, "send", b.toString()))) {
            pendingSends.remove(ackId);
            events.onSendFailed(member.index(), clientMessageId, "not connected");
        }
    }

    private boolean send(String packet) {
        return ws != null && ws.sendText(packet);
    }

    @Override
    public void close() {
        if (ws != null) {
            ws.close(1000, "benchmark done");
        }
    }

    @Override
    public void onClosed(int code, String reason) {
        events.onClosed(member.index(), code, reason);
    }
}
