package io.switchboard.client;

import io.switchboard.client.json.JsonException;
import io.switchboard.client.json.JsonObject;
import io.switchboard.client.json.JsonReader;
import io.switchboard.client.json.JsonWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one encoder and the one decoder of the wire protocol. */
final class Frames {

    private Frames() {
    }

    /** The clientMessageId doubles as {@code ref}, so that an error answering the send can be matched to it. */
    static String send(OutboxEntry entry) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "message:send");
        frame.put("ref", entry.clientMessageId());
        frame.put("clientMessageId", entry.clientMessageId());
        frame.put("conversationId", entry.conversationId());
        frame.put("text", entry.text());
        frame.put("priority", entry.priority().wireName());
        return JsonWriter.write(frame);
    }

    static String ack(String conversationId, long seq) {
        return JsonWriter.write(Map.of("type", "message:ack", "conversationId", conversationId, "seq", seq));
    }

    static String ping() {
        return "{\"type\":\"ping\"}";
    }

    /** Decodes a server frame; text that is not a valid frame throws JsonException. */
    static ServerFrame decode(String text) {
        JsonObject frame = JsonReader.parseObject(text);
        String type = frame.string("type");
        return switch (type) {
            case "hello" -> new ServerFrame.Hello(session(frame));
            case "message:sent" -> new ServerFrame.Sent(sentAck(frame));
            case "message:new" -> new ServerFrame.New(message(frame));
            case "sync:gap" -> new ServerFrame.SyncGap(new Gap(frame.string("conversationId"),
                    frame.integer("fromSeq"), frame.integer("toSeq")));
            case "sync:cursors" -> new ServerFrame.SyncCursors(cursors(frame));
            case "pong" -> new ServerFrame.Pong();
            case "error" -> new ServerFrame.Error(error(frame), frame.optionalString("frameType").orElse(""));
            default -> new ServerFrame.Unknown(type);
        };
    }

    private static Session session(JsonObject frame) {
        JsonObject limits = frame.object("limits").orElse(JsonObject.of(Map.of()));
        return new Session(frame.optionalString("sessionId").orElse(""), frame.optionalString("userId").orElse(""),
                frame.optionalString("deviceId").orElse(""), limits.integer("maxTextLength", 0),
                limits.integer("maxFrameBytes", 0));
    }

    private static Map<String, Long> cursors(JsonObject frame) {
        JsonObject cursors = frame.object("cursors").orElseThrow(() -> new JsonException("missing field 'cursors'"));
        Map<String, Long> seqs = new LinkedHashMap<>();
        cursors.asMap().keySet().forEach(conversation -> seqs.put(conversation, cursors.integer(conversation)));
        return seqs;
    }

    private static SentAck sentAck(JsonObject frame) {
        return new SentAck(frame.string("clientMessageId"), frame.string("messageId"),
                frame.string("conversationId"), frame.integer("seq"), instant(frame));
    }

    /** Reads the fields shared by {@code message:new} and a history entry. */
    static Message message(JsonObject frame) {
        return new Message(frame.string("messageId"), frame.string("conversationId"), frame.integer("seq"),
                frame.optionalString("senderId").orElse(""), frame.optionalString("clientMessageId").orElse(""),
                frame.string("text"), Priority.ofWireName(frame.optionalString("priority").orElse("normal")),
                instant(frame), frame.bool("redelivery", false));
    }

    private static ServerErrorException error(JsonObject frame) {
        return new ServerErrorException(frame.string("code"), frame.optionalString("message").orElse(""),
                frame.bool("temporary", false), frame.optionalString("ref").orElse(""));
    }

    private static Instant instant(JsonObject frame) {
        return frame.optionalString("sentAt").map(Instant::parse).orElse(Instant.EPOCH);
    }
}
