package io.switchboard.delivery.boundary.ws;

import io.switchboard.conversations.entity.Priority;
import io.switchboard.platform.ErrorCode;

/**
 * Turns one text frame into a typed client frame, or rejects it with the error code that names the problem. Reads the
 * JSON with {@link ClientJson}, not JSON-P: every send and ack passes through here, and a JSON-P reader's tokenizer
 * and object tree were about a fifth of all the bytes the server allocated under load.
 */
public class FrameDecoder {

    static final int MAX_ID_LENGTH = 64;
    /** Every field any client frame has; the others are passed over unread. */
    private static final String[] FIELDS = {"type", "ref", "clientMessageId", "conversationId", "text", "priority",
        "seq"};

    public ClientFrame decode(String text) {
        ClientJson json = ClientJson.parse(text, FIELDS);
        String ref = optionalString(json, "ref", null, null);
        String type = optionalString(json, "type", ref, null);
        if (type == null) {
            throw new FrameRejected(ErrorCode.UNKNOWN_TYPE, "The frame has no type.", ref, null);
        }
        return switch (type) {
            case "message:send" -> send(json, ref);
            case "message:ack" -> new ClientFrame.Ack(ref, id(json, "conversationId", ref, type),
                    seq(json, ref, type));
            case "ping" -> new ClientFrame.Ping(ref);
            default -> throw new FrameRejected(ErrorCode.UNKNOWN_TYPE, "There is no client frame of type "
                    + type + ".", ref, type);
        };
    }

    private ClientFrame.Send send(ClientJson json, String ref) {
        String type = "message:send";
        String clientMessageId = id(json, "clientMessageId", ref, type);
        String answerRef = ref == null ? clientMessageId : ref;
        String conversationId = id(json, "conversationId", answerRef, type);
        String text = required(json, "text", answerRef, type);
        String priorityName = optionalString(json, "priority", answerRef, type);
        Priority priority = priorityName == null ? Priority.NORMAL : Priority.parse(priorityName)
                .orElseThrow(() -> new FrameRejected(ErrorCode.INVALID_FIELD,
                        "priority must be normal or high.", answerRef, type));
        return new ClientFrame.Send(answerRef, clientMessageId, conversationId, text, priority);
    }

    private static String id(ClientJson json, String field, String ref, String type) {
        String value = required(json, field, ref, type);
        if (value.isEmpty() || value.length() > MAX_ID_LENGTH) {
            throw new FrameRejected(ErrorCode.INVALID_FIELD, field + " must have 1 to " + MAX_ID_LENGTH
                    + " characters.", ref, type);
        }
        return value;
    }

    private static String required(ClientJson json, String field, String ref, String type) {
        String value = optionalString(json, field, ref, type);
        if (value == null) {
            throw new FrameRejected(ErrorCode.MISSING_FIELD, field + " is required.", ref, type);
        }
        return value;
    }

    private static String optionalString(ClientJson json, String field, String ref, String type) {
        Object value = json.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new FrameRejected(ErrorCode.INVALID_FIELD, field + " must be a string.", ref, type);
    }

    /** A whole number above a long's range is refused too, not taken as the long it wraps to as JSON-P's was. */
    private static long seq(ClientJson json, String ref, String type) {
        Object value = json.get("seq");
        if (value == null) {
            throw new FrameRejected(ErrorCode.MISSING_FIELD, "seq is required.", ref, type);
        }
        long seq = value instanceof Long plain ? plain
                : value instanceof JsonDecimal decimal ? decimal.wholeOrZero() : 0;
        if (seq < 1) {
            throw new FrameRejected(ErrorCode.INVALID_FIELD, "seq must be a whole number of 1 or more.", ref, type);
        }
        return seq;
    }
}
