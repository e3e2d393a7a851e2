package io.switchboard.bench.proto;

/** What a protocol session reports to the generator; every call is made on the event loop thread. */
public interface SessionEvents {

    /** Authenticated and usable (Switchboard: {@code hello}; Socket.IO: namespace connect acknowledged). */
    void onReady(int conn);

    /** In its conversation (Switchboard: at once, membership is made over REST; Socket.IO: join acknowledged). */
    void onJoined(int conn, String error);

    /** The server accepted a send; {@code messageId} is its id for the message. */
    void onSent(int conn, String clientMessageId, String messageId);

    /** The server refused a send (error frame or error ack). */
    void onSendFailed(int conn, String clientMessageId, String reason);

    /** A message pushed to this connection. */
    void onDelivered(int conn, String conversationId, String clientMessageId, String text, boolean redelivery);

    /** A frame we could not read, or one the protocol does not expect (counted, never fatal). */
    void onProtocolError(int conn, String what);

    /** The connection ended (before or after {@link #onReady}); {@code code} as in {@code WsListener#onClosed}. */
    void onClosed(int conn, int code, String reason);
}
