package io.switchboard.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** The transport on java.net.http.WebSocket. */
final class JdkTransport implements Transport {

    private static final long CLOSE_GRACE_MILLIS = 2_000;

    private final HttpClient http;
    private final Duration connectTimeout;

    JdkTransport(HttpClient http, Duration connectTimeout) {
        this.http = http;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public CompletableFuture<Link> open(URI uri, String token, LinkHandler handler) {
        Listener listener = new Listener(handler);
        return http.newWebSocketBuilder()
                .connectTimeout(connectTimeout)
                .header("Authorization", "Bearer " + token)
                .buildAsync(uri, listener)
                .thenApply(socket -> listener.link);
    }

    /** Serialises sends, because java.net.http allows only one outstanding send per WebSocket. */
    private static final class JdkLink implements Link {

        private final WebSocket socket;
        private final LinkHandler handler;
        private CompletableFuture<WebSocket> tail = CompletableFuture.completedFuture(null);

        JdkLink(WebSocket socket, LinkHandler handler) {
            this.socket = socket;
            this.handler = handler;
        }

        @Override
        public void send(String text) {
            tail = tail.thenCompose(previous -> socket.sendText(text, true));
            tail.whenComplete((done, error) -> {
                if (error != null) {
                    handler.onFailure(error);
                }
            });
        }

        @Override
        public void close(int code, String reason) {
            tail.thenCompose(previous -> socket.sendClose(code, reason));
            CompletableFuture.delayedExecutor(CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS).execute(socket::abort);
        }

        @Override
        public void abort() {
            socket.abort();
        }
    }

    /** Reassembles fragmented text frames and asks for one message at a time. */
    private static final class Listener implements WebSocket.Listener {

        private final LinkHandler handler;
        private final StringBuilder partial = new StringBuilder();
        private volatile JdkLink link;

        Listener(LinkHandler handler) {
            this.handler = handler;
        }

        @Override
        public void onOpen(WebSocket socket) {
            link = new JdkLink(socket, handler);
            handler.onOpen(link);
            socket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                handler.onText(text);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            handler.onActivity();
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket socket, ByteBuffer message) {
            handler.onActivity();
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket socket, ByteBuffer message) {
            handler.onActivity();
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            handler.onClosed(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            handler.onFailure(error);
        }
    }
}
