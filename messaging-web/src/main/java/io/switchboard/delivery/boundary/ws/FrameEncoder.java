package io.switchboard.delivery.boundary.ws;

import io.switchboard.conversations.boundary.MessageView;
import java.nio.ByteBuffer;
import java.util.TreeMap;

/**
 * Writes server frames as JSON. Hand-written rather than through JSON-B: it runs once per delivery on the fan-out
 * path, and the frames are flat.
 */
public class FrameEncoder {

    /**
     * The last live {@code message:new} this thread encoded. A message is pushed to every member device one after
     * another on one thread, so a group of 50 encodes it once instead of 50 times.
     */
    private final ThreadLocal<Encoded> lastPush = new ThreadLocal<>();
    /** About what a {@code message:new} holds besides its text (names, ids, times), and what other frames hold. */
    private static final int NEW_FIELDS_LENGTH = 320;
    private static final int FRAME_LENGTH = 256;

    /** A pushed message; identical for every device unless it is a redelivery. */
    public String encodePush(MessageView message, boolean redelivery) {
        if (redelivery) {
            return encode(new ServerFrame.New(message, true));
        }
        Encoded last = lastPush.get();
        if (last != null && last.message() == message) {
            return last.text();
        }
        String text = encode(new ServerFrame.New(message, false));
        lastPush.set(new Encoded(message, text));
        return text;
    }

    private record Encoded(MessageView message, String text) {
    }

    public String encode(ServerFrame frame) {
        return write(frame).close();
    }

    /** The frame as a WebSocket text frame, written once into the array that is sent. */
    public ByteBuffer frame(ServerFrame frame) {
        return write(frame).closeAsFrame();
    }

    private JsonWriter write(ServerFrame frame) {
        var out = new JsonWriter(frame instanceof ServerFrame.New n ? NEW_FIELDS_LENGTH + n.message().text().length()
                : FRAME_LENGTH);
        if (frame instanceof ServerFrame.New n) {
            message(out.field("type", "message:new"), n.message()).field("redelivery", n.redelivery());
        } else if (frame instanceof ServerFrame.Sent s) {
            out.field("type", "message:sent").field("clientMessageId", s.message().clientMessageId())
                    .field("messageId", s.message().id()).field("conversationId", s.message().conversationId())
                    .field("seq", s.message().seq()).field("sentAt", s.message().sentAt().toString());
        } else if (frame instanceof ServerFrame.Error e) {
            out.field("type", "error").field("code", e.code().wireName()).field("message", e.message())
                    .field("temporary", e.code().temporary()).field("ref", e.ref()).field("frameType", e.frameType());
        } else if (frame instanceof ServerFrame.Gap g) {
            out.field("type", "sync:gap").field("conversationId", g.conversationId()).field("fromSeq", g.fromSeq())
                    .field("toSeq", g.toSeq());
        } else if (frame instanceof ServerFrame.Cursors c) {
            var cursors = new JsonWriter(FRAME_LENGTH);
            new TreeMap<>(c.cursors()).forEach(cursors::escapedField);
            out.field("type", "sync:cursors").raw("cursors", cursors.close());
        } else if (frame instanceof ServerFrame.Hello h) {
            out.field("type", "hello").field("sessionId", h.sessionId()).field("userId", h.userId())
                    .field("deviceId", h.deviceId()).raw("limits", "{\"maxTextLength\":" + h.maxTextLength()
                            + ",\"maxFrameBytes\":" + h.maxFrameBytes() + "}");
        } else {
            out.field("type", "pong");
        }
        return out;
    }

    /** The message fields shared by {@code message:new} and the history API. */
    public static JsonWriter message(JsonWriter out, MessageView m) {
        return out.field("messageId", m.id()).field("conversationId", m.conversationId()).field("seq", m.seq())
                .field("senderId", m.senderId()).field("clientMessageId", m.clientMessageId())
                .field("text", m.text()).field("priority", m.priority().wireName())
                .field("sentAt", m.sentAt().toString());
    }
}
