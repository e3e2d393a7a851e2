package io.switchboard.client;

/**
 * Receives each message exactly once, in {@code seq} order per conversation. The client acknowledges a message to
 * the server only after this method has returned for it. Called on the client's event thread: return quickly, hand
 * long work to another thread. An exception is logged and the message still counts as delivered, because one
 * message that always fails must not stall its whole conversation.
 */
@FunctionalInterface
public interface MessageListener {

    void onMessage(Message message);
}
