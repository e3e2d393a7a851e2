package io.switchboard.delivery.boundary.ws;

import io.switchboard.conversations.entity.Priority;
import io.switchboard.platform.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/** Turns one text frame into a typed client frame, or rejects it with the error code that names the problem. */
public class FrameDecoder {

    static final int MAX_ID_LENGTH = 64;
    /** Looked up once: {@code Json.createReader} searches the service loader on every call, for every frame. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    public ClientFrame decode(String text) {
        JsonObject json = parse(text);
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

    private ClientFrame.Send send(JsonObject json, String ref) {
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

    private static JsonObject parse(String text) {
        try (var reader = READERS.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new FrameRejected(ErrorCode.MALFORMED_FRAME, "A frame must be a JSON object.", null, null);
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new FrameRejected(ErrorCode.MALFORMED_FRAME, "The frame is not valid JSON.", null, null);
        }
    }

    private static String id(JsonObject json, String field, String ref, String type) {
        String value = required(json, field, ref, type);
        if (value.isEmpty() || value.length() > MAX_ID_LENGTH) {
            throw new FrameRejected(ErrorCode.INVALID_FIELD, field + " must have 1 to " + MAX_ID_LENGTH
                    + " characters.", ref, type);
        }
        return value;
    }

    private static String required(JsonObject json, String field, String ref, String type) {
        String value = optionalString(json, field, ref, type);
        if (value == null) {
            throw new FrameRejected(ErrorCode.MISSING_FIELD, field + " is required.", ref, type);
        }
        return value;
    }

    private static String optionalString(JsonObject json, String field, String ref, String type) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new FrameRejected(ErrorCode.INVALID_FIELD, field + " must be a string.", ref, type);
        }
        return string.getString();
    }

    private static long seq(JsonObject json, String ref, String type) {
        JsonValue value = json.get("seq");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new FrameRejected(ErrorCode.MISSING_FIELD, "seq is required.", ref, type);
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 1) {
            throw new FrameRejected(ErrorCode.INVALID_FIELD, "seq must be a whole number of 1 or more.", ref, type);
        }
        return number.longValue();
    }
}
