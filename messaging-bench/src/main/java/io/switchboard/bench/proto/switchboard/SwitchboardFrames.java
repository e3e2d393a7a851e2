package io.switchboard.bench.proto.switchboard;

import io.switchboard.bench.json.JsonWriter;

/**
 * The client frames of docs/protocol.md, written straight into a StringBuilder: they are built once per send and
 * once per acknowledgement, the generator's hottest allocation path, which the JMH benchmarks measure as it is.
 */
public final class SwitchboardFrames {

    private SwitchboardFrames() {
    }

    public static String send(String clientMessageId, String conversationId, String text) {
        StringBuilder b = new StringBuilder(text.length() + 128)
                .append("{\"type\":\"message:send\",\"clientMessageId\":");
        JsonWriter.quote(b, clientMessageId).append(",\"conversationId\":");
        JsonWriter.quote(b, conversationId).append(",\"text\":");
        return JsonWriter.quote(b, text).append('}').toString();
    }

    public static String ack(String conversationId, long seq) {
        StringBuilder b = new StringBuilder(96).append("{\"type\":\"message:ack\",\"conversationId\":");
        return JsonWriter.quote(b, conversationId).append(",\"seq\":").append(seq).append('}').toString();
    }
}
