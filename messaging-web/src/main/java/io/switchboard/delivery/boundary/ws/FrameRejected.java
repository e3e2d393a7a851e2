package io.switchboard.delivery.boundary.ws;

import io.switchboard.platform.ErrorCode;

/** A client frame that could not be read; carries what the error frame needs to name the frame it answers. */
public class FrameRejected extends RuntimeException {

    private final ErrorCode code;
    private final String ref;
    private final String frameType;

    public FrameRejected(ErrorCode code, String message, String ref, String frameType) {
        super(message, null, false, false);
        this.code = code;
        this.ref = ref;
        this.frameType = frameType;
    }

    public ServerFrame.Error toFrame() {
        return new ServerFrame.Error(code, getMessage(), ref, frameType);
    }
}
