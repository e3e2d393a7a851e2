package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.client.json.JsonObject;
import io.switchboard.client.json.JsonReader;
import io.switchboard.client.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One fake connection: records what the client writes, and lets a test speak as the server. */
final class FakeLink implements Transport.Link {

    private final Transport.LinkHandler handler;
    private final BlockingQueue<JsonObject> written = new LinkedBlockingQueue<>();
    volatile int closeCode;
    volatile boolean aborted;

    FakeLink(Transport.LinkHandler handler) {
        this.handler = handler;
    }

    @Override
    public void send(String text) {
        written.add(JsonReader.parseObject(text));
    }

    @Override
    public void close(int code, String reason) {
        closeCode = code;
    }

    @Override
    public void abort() {
        aborted = true;
    }

    void hello() {
        serverSends(Map.of("type", "hello", "sessionId", "s-1", "userId", "alice", "deviceId", "d1",
                "limits", Map.of("maxTextLength", 1000, "maxFrameBytes", 16384)));
    }

    void serverSends(Map<String, ?> frame) {
        handler.onText(JsonWriter.write(frame));
    }

    void serverCloses(int code) {
        handler.onClosed(code, "");
    }

    void acknowledge(JsonObject send, long seq) {
        serverSends(Map.of("type", "message:sent", "clientMessageId", send.string("clientMessageId"),
                "messageId", "m-" + seq, "conversationId", send.string("conversationId"), "seq", seq,
                "sentAt", "2026-11-22T10:15:30.123Z"));
    }

    void error(JsonObject send, String code, boolean temporary) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("code", code);
        frame.put("message", "refused: " + code);
        frame.put("temporary", temporary);
        frame.put("ref", send.string("ref"));
        frame.put("frameType", "message:send");
        serverSends(frame);
    }

    void push(String conversation, long seq) {
        serverSends(Map.of("type", "message:new", "messageId", conversation + "-" + seq, "conversationId", conversation,
                "seq", seq, "senderId", "bob", "clientMessageId", "x" + seq, "text", "text " + seq,
                "priority", "normal", "sentAt", "2026-11-22T10:15:30.123Z", "redelivery", false));
    }

    /** The next frame of this type the client wrote, skipping others (pings, acks), within five seconds. */
    JsonObject next(String type) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (System.nanoTime() < deadline) {
                JsonObject frame = written.poll(50, TimeUnit.MILLISECONDS);
                if (frame != null && frame.string("type").equals(type)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("the client wrote no " + type + " frame");
    }

    /** Whether a frame of this type is written within the wait, for asserting that none is. */
    boolean writes(String type, long waitMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        try {
            while (System.nanoTime() < deadline) {
                JsonObject frame = written.poll(10, TimeUnit.MILLISECONDS);
                if (frame != null && frame.string("type").equals(type)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    void assertOpen() {
        assertThat(aborted).isFalse();
        assertThat(closeCode).isZero();
    }
}
