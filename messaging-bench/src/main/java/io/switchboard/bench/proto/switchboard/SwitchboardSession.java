package io.switchboard.bench.proto.switchboard;

import io.switchboard.bench.json.Fields;
import io.switchboard.bench.json.JsonReader;
import io.switchboard.bench.proto.ChatSession;
import io.switchboard.bench.proto.Member;
import io.switchboard.bench.proto.SessionEvents;
import io.switchboard.bench.ws.TextChannel;
import java.util.HashMap;
import java.util.Map;

/** One Switchboard device: JSON text frames with a {@code type}, sends matched to replies by clientMessageId. */
final class SwitchboardSession implements ChatSession {

    private final Member member;
    private final SessionEvents events;
    private final Map<String, SeqCursor> cursors = new HashMap<>(2);
    private final long ackDelayNanos;
    /** Per conversation, the highest seq to acknowledge when its gathering time is up. */
    private final Map<String, Long> pendingAcks = new HashMap<>(2);
    private TextChannel ws;

    SwitchboardSession(Member member, SessionEvents events, long ackDelayNanos) {
        this.member = member;
        this.events = events;
        this.ackDelayNanos = ackDelayNanos;
    }

    @Override
    public void onOpen(TextChannel connection) {
        this.ws = connection;
    }

    @Override
    public void onText(String text) {
        Map<String, Object> f;
        try {
            f = JsonReader.parseObject(text);
        } catch (RuntimeException e) {
            events.onProtocolError(member.index(), "unreadable frame: " + e.getMessage());
            return;
        }
        String type = String.valueOf(f.get("type"));
        switch (type) {
            case "hello" -> events.onReady(member.index());
            case "message:sent" -> sent(f);
            case "message:new" -> delivered(f);
            case "error" -> error(f);
            case "sync:gap" -> gap(f);
            default -> {
                // pong, presence, typing and frames added later are not the benchmark's business.
            }
        }
    }

    /**
     * The sender's acknowledgement, which also stands for its own message on this connection (the server does not
     * push it here): the message takes its place in the cursor, or a member of a group that sends would wait for its
     * own seq forever and stop acknowledging what the others send. It needs no ack of its own, unless it closes a gap
     * behind which later pushes were waiting.
     */
    private void sent(Map<String, Object> f) {
        String conversation = Fields.str(f, "conversationId");
        long seq = Fields.lng(f, "seq", -1);
        if (conversation != null && seq > 0) {
            SeqCursor cursor = cursors.computeIfAbsent(conversation, c -> new SeqCursor());
            if (seq > cursor.contiguous() && cursor.offer(seq) && cursor.contiguous() > seq) {
                ack(conversation, cursor.contiguous());
            }
        }
        events.onSent(member.index(), Fields.str(f, "clientMessageId"), Fields.str(f, "messageId"));
    }

    private void delivered(Map<String, Object> f) {
        String conversation = Fields.str(f, "conversationId");
        long seq = Fields.lng(f, "seq", -1);
        if (conversation == null || seq < 1) {
            events.onProtocolError(member.index(), "message:new without conversationId or seq");
            return;
        }
        SeqCursor cursor = cursors.computeIfAbsent(conversation, c -> new SeqCursor());
        if (cursor.offer(seq)) {
            ack(conversation, cursor.contiguous());
        }
        events.onDelivered(member.index(), conversation, Fields.str(f, "clientMessageId"), Fields.str(f, "text"),
                Fields.bool(f, "redelivery"));
    }

    private void error(Map<String, Object> f) {
        String code = Fields.str(f, "code");
        if ("message:send".equals(Fields.str(f, "frameType")) && Fields.str(f, "ref") != null) {
            events.onSendFailed(member.index(), Fields.str(f, "ref"), code);
        } else {
            events.onProtocolError(member.index(), "error " + code + ": " + Fields.str(f, "message"));
        }
    }

    private void gap(Map<String, Object> f) {
        String conversation = Fields.str(f, "conversationId");
        long to = Fields.lng(f, "toSeq", -1);
        events.onProtocolError(member.index(), "sync:gap " + conversation + " " + Fields.lng(f, "fromSeq", -1)
                + ".." + to);
        if (conversation != null && to > 0) {
            SeqCursor cursor = cursors.computeIfAbsent(conversation, c -> new SeqCursor());
            cursor.skipTo(to);
            ack(conversation, cursor.contiguous());
        }
    }

    /**
     * Acknowledges at once, or with a delay gathers every ack of the conversation in that time into one, the
     * highest: an ack is cumulative, so the server learns the same with fewer frames.
     */
    private void ack(String conversation, long seq) {
        if (ackDelayNanos <= 0) {
            ws.sendText(SwitchboardFrames.ack(conversation, seq));
        } else if (pendingAcks.containsKey(conversation)) {
            pendingAcks.merge(conversation, seq, Math::max);
        } else {
            pendingAcks.put(conversation, seq);
            ws.later(ackDelayNanos, () -> {
                Long highest = pendingAcks.remove(conversation);
                if (highest != null) {
                    ws.sendText(SwitchboardFrames.ack(conversation, highest));
                }
            });
        }
    }

    @Override
    public void join() {
        // Membership was made over REST before the socket opened.
        events.onJoined(member.index(), null);
    }

    @Override
    public void send(String clientMessageId, String text) {
        if (ws == null || !ws.sendText(SwitchboardFrames.send(clientMessageId, member.conversationId(), text))) {
            events.onSendFailed(member.index(), clientMessageId, "not connected");
        }
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
