package io.switchboard.testing;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Waits for an asynchronous answer of a facade and hands back its value, or throws what it failed with. */
public final class Answers {

    private Answers() {
    }

    public static <T> T await(CompletionStage<T> answer) {
        try {
            return answer.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}
