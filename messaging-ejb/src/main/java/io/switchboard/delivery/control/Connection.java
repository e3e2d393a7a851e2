package io.switchboard.delivery.control;

import io.switchboard.conversations.boundary.MessageView;

/**
 * One device's live session, as delivery sees it. The port between the business components and the WebSocket
 * boundary: implementations encode and queue, they never block the caller.
 */
public interface Connection {

    String sessionId();

    String userId();

    String deviceId();

    void push(MessageView message);
}
