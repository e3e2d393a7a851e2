package io.switchboard.client;

/** The server's {@code hello}: who this session is. */
public record Session(String sessionId, String userId, String deviceId, long maxTextLength, long maxFrameBytes) {
}
