package io.switchboard.client;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Asks the application's supplier for a token off the event thread, because suppliers that refresh tokens may
 * block on an identity provider, and the event thread also runs heartbeats and timeouts.
 */
final class Tokens {

    private final Supplier<String> supplier;

    Tokens(Supplier<String> supplier) {
        this.supplier = supplier;
    }

    CompletableFuture<String> next() {
        return CompletableFuture.supplyAsync(this::fetch);
    }

    private String fetch() {
        try {
            String token = supplier.get();
            if (token == null || token.isBlank()) {
                throw new IllegalStateException("the token supplier returned no token");
            }
            return token;
        } catch (RuntimeException e) {
            throw new Failures.TokenUnavailableException(e);
        }
    }
}
