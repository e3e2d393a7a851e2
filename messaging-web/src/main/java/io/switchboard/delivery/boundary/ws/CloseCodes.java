package io.switchboard.delivery.boundary.ws;

import jakarta.websocket.CloseReason;

/**
 * The project's close codes: 4000–4499 tell the client to reconnect and resume, 4500–4999 are terminal.
 * docs/protocol.md lists them with the standard codes the container uses.
 */
public enum CloseCodes implements CloseReason.CloseCode {
    SLOW_CONSUMER(4000),
    RESUME_REQUIRED(4001),
    PROTOCOL_VIOLATION(4500),
    FRAME_TOO_LARGE(4501),
    INVALID_DEVICE(4502),
    FORBIDDEN(4503),
    INVALID_RESUME(4504);

    private final int code;

    CloseCodes(int code) {
        this.code = code;
    }

    @Override
    public int getCode() {
        return code;
    }

    public boolean reconnect() {
        return code < 4500;
    }

    public CloseReason reason(String sentence) {
        return new CloseReason(this, sentence);
    }
}
