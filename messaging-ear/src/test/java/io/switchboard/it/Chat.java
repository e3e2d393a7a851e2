package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** One device on the real socket: what it sends, what it receives, and how it was closed. */
final class Chat implements WebSocket.Listener, AutoCloseable {

    /** A listener that does nothing, for handshakes expected to fail. */
    interface Listener extends WebSocket.Listener {
    }

    final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    /** Frames passed over while waiting for another type, in arrival order; only the test thread touches it. */
    private final List<JsonObject> stash = new ArrayList<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private final WebSocket socket;
    final JsonObject hello;

    /** A real client acknowledges what it receives; tests of redelivery turn that off. */
    volatile boolean autoAck = true;

    private Chat(WebSocket.Builder builder, URI uri) throws Exception {
        socket = builder.buildAsync(uri, this).get(10, TimeUnit.SECONDS);
        hello = next("hello");
    }

    static Chat connect(String token, String device) throws Exception {
        return new Chat(TestServer.HTTP_CLIENT.newWebSocketBuilder().header("Authorization", "Bearer " + token),
                uri(device));
    }

    static Chat connectWithCookie(String token, String device) throws Exception {
        return new Chat(TestServer.HTTP_CLIENT.newWebSocketBuilder().header("Cookie", "switchboard_token=" + token),
                uri(device));
    }

    static Chat connect(String token, String device, String resume) throws Exception {
        return new Chat(TestServer.HTTP_CLIENT.newWebSocketBuilder().header("Authorization", "Bearer " + token),
                URI.create(uri(device) + "&resume=" + resume));
    }

    static URI uri(String device) {
        return device == null ? TestServer.WS : URI.create(TestServer.WS + "?device=" + device);
    }

    /** Waits until the frame is written; frames go out in the order they were given, from any thread. */
    void send(String json) {
        enqueue(() -> socket.sendText(json, true)).join();
    }

    /**
     * The JDK socket allows one outstanding send, so each frame is chained to the one before. Nobody blocks to take
     * a turn: the listener queues its acks and goes on reading, even while a test that pipelines many sends waits for
     * a server that has stopped reading (the send window). Had it waited for the test, the pushes to this very
     * device would pile up unread, and the server would rightly close the socket (4000, then 4001).
     */
    private synchronized CompletableFuture<?> enqueue(Supplier<CompletableFuture<WebSocket>> frame) {
        lastSend = lastSend.handle((ignored, failure) -> null).thenCompose(ignored -> frame.get());
        return lastSend;
    }

    void ack(String conversationId, long seq) {
        send(ackFrame(conversationId, seq));
    }

    private static String ackFrame(String conversationId, long seq) {
        return "{\"type\":\"message:ack\",\"conversationId\":\"" + conversationId + "\",\"seq\":" + seq + "}";
    }

    /**
     * Acknowledges and waits until the server has taken the ack: it handles a connection's frames in order and
     * answers the ping after it.
     */
    void ackAndWait(String conversationId, long seq) throws InterruptedException {
        ack(conversationId, seq);
        send("{\"type\":\"ping\"}");
        assertThat(next("pong")).as("pong after the ack of " + seq).isNotNull();
    }

    void sendBinary(byte[] data) {
        enqueue(() -> socket.sendBinary(ByteBuffer.wrap(data), true)).join();
    }

    JsonObject sendMessage(String conversationId, String clientMessageId, String text) throws InterruptedException {
        send(Json.createObjectBuilder().add("type", "message:send").add("clientMessageId", clientMessageId)
                .add("conversationId", conversationId).add("text", text).build().toString());
        return next("message:sent");
    }

    /** The next frame of the given type; frames of other types that arrive first are kept for later. */
    JsonObject next(String type) throws InterruptedException {
        return next(type, Duration.ofSeconds(10));
    }

    JsonObject next(String type, Duration wait) throws InterruptedException {
        for (var it = stash.iterator(); it.hasNext(); ) {
            JsonObject frame = it.next();
            if (type.equals(frame.getString("type"))) {
                it.remove();
                return frame;
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            JsonObject frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (frame == null || type.equals(frame.getString("type"))) {
                return frame;
            }
            stash.add(frame);
        }
    }

    /** Every frame of the type that arrives within the wait. */
    List<JsonObject> all(String type, Duration wait) throws InterruptedException {
        List<JsonObject> found = new ArrayList<>();
        JsonObject frame;
        while ((frame = next(type, wait)) != null) {
            found.add(frame);
        }
        return found;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonObject frame = Json.createReader(new StringReader(partial.toString())).readObject();
            partial.setLength(0);
            frames.add(frame);
            if (autoAck && "message:new".equals(frame.getString("type"))) {
                String ack = ackFrame(frame.getString("conversationId"), frame.getJsonNumber("seq").longValue());
                // webSocket, not the field: the first frames can arrive before buildAsync has handed the field its
                // value, and an ack sent through a null would be lost without a trace.
                enqueue(() -> webSocket.sendText(ack, true));
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.complete(1006);
    }

    boolean isOpen() {
        return !socket.isInputClosed() && !closeCode.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
