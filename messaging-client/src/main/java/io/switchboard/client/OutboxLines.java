package io.switchboard.client;

import io.switchboard.client.json.JsonObject;
import io.switchboard.client.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The two line formats of the outbox file. */
final class OutboxLines {

    private OutboxLines() {
    }

    static String add(OutboxEntry entry) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("op", "add");
        line.put("order", entry.order());
        line.put("clientMessageId", entry.clientMessageId());
        line.put("conversationId", entry.conversationId());
        line.put("priority", entry.priority().wireName());
        line.put("text", entry.text());
        return JsonWriter.write(line);
    }

    static String remove(String clientMessageId) {
        return JsonWriter.write(Map.of("op", "remove", "clientMessageId", clientMessageId));
    }

    static OutboxEntry entry(JsonObject line) {
        return new OutboxEntry(line.integer("order"), line.string("clientMessageId"), line.string("conversationId"),
                line.string("text"), Priority.ofWireName(line.string("priority")));
    }
}
