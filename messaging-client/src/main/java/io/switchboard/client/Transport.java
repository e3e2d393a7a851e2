package io.switchboard.client;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** Opens WebSocket connections. A port so that the connection logic can be tested without a network. */
interface Transport {

    /** Completes when the upgrade succeeded; the handler hears everything that happens afterwards. */
    CompletableFuture<Link> open(URI uri, String token, LinkHandler handler);

    /** One open WebSocket connection. Called from the client's event thread only. */
    interface Link {

        /** Queues a text frame; a failure to write is reported to the handler. */
        void send(String text);

        /** Starts the closing handshake, and gives up on it after a short while. */
        void close(int code, String reason);

        /** Drops the connection at once. */
        void abort();
    }

    /** What the transport reports, on any thread; the client hops onto its event thread itself. */
    interface LinkHandler {

        /** The connection is up; reported before any frame, so frames never arrive for an unknown link. */
        void onOpen(Link link);

        void onText(String text);

        /** A control frame arrived: proof of life for the heartbeat. */
        void onActivity();

        void onClosed(int code, String reason);

        void onFailure(Throwable error);
    }
}
