package io.switchboard.client;

import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Classifies why a connection attempt or a live connection failed, as opposed to being closed with a code. */
final class Failures {

    private Failures() {
    }

    static Disconnect classify(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof WebSocketHandshakeException handshake) {
            int status = handshake.getResponse().statusCode();
            return new Disconnect(status, "HTTP " + status, CloseCode.ofHandshakeStatus(status));
        }
        if (cause instanceof TokenUnavailableException) {
            return Disconnect.local(CloseCode.TOKEN_UNAVAILABLE, String.valueOf(cause.getCause()));
        }
        return new Disconnect(CloseCode.ABNORMAL.code(), String.valueOf(cause), CloseCode.UNREACHABLE);
    }

    /** A failure of an open connection (reset, broken pipe) is the abnormal closure 1006. */
    static Disconnect dropped(Throwable error) {
        return Disconnect.closed(CloseCode.ABNORMAL.code(), String.valueOf(unwrap(error)));
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The token supplier threw; kept apart so that it is not mistaken for a network failure. */
    static final class TokenUnavailableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TokenUnavailableException(Throwable cause) {
            super(cause);
        }
    }
}
