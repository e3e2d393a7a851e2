package io.switchboard.bench.ws;

/** Callbacks of one connection, all made on the event loop thread. */
public interface WsListener {

    /** The upgrade succeeded; frames may be sent from now on. */
    void onOpen(TextChannel channel);

    /** One complete text message (fragments already joined). */
    void onText(String text);

    /**
     * Called once, whatever ended the connection: a close frame from the server (its code), a refused upgrade
     * ({@code code} is the HTTP status), a network error or timeout (1006), or our own close.
     */
    void onClosed(int code, String reason);
}
