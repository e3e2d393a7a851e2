package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Plays the server's side of the transport in memory: each accepted attempt becomes a {@link FakeLink}. */
final class FakeTransport implements Transport {

    final List<URI> uris = new CopyOnWriteArrayList<>();
    final List<String> tokens = new CopyOnWriteArrayList<>();
    private final BlockingQueue<FakeLink> links = new LinkedBlockingQueue<>();
    private volatile Supplier<Throwable> refusal = () -> null;

    /** Every following attempt fails with what the supplier gives; null accepts again. */
    void refuseWith(Supplier<Throwable> refusal) {
        this.refusal = refusal;
    }

    @Override
    public CompletableFuture<Link> open(URI uri, String token, LinkHandler handler) {
        uris.add(uri);
        tokens.add(token);
        Throwable refused = refusal.get();
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        FakeLink link = new FakeLink(handler);
        handler.onOpen(link);
        links.add(link);
        return CompletableFuture.completedFuture(link);
    }

    /** The next accepted connection, waiting for it if need be. */
    FakeLink nextLink() {
        try {
            FakeLink link = links.poll(5, TimeUnit.SECONDS);
            assertThat(link).as("a connection attempt").isNotNull();
            return link;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Accepts the next connection and greets it. */
    FakeLink nextSession() {
        FakeLink link = nextLink();
        link.hello();
        return link;
    }

    boolean hasPendingLink() {
        return !links.isEmpty();
    }
}
