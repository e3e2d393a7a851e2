package io.switchboard.bench.ws;

/** The peer broke the WebSocket protocol (bad upgrade answer, oversized frame); ends that one connection. */
public final class WsProtocolException extends RuntimeException {

    public WsProtocolException(String message) {
        super(message);
    }
}
