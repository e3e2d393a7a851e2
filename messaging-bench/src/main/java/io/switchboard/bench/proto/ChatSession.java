package io.switchboard.bench.proto;

import io.switchboard.bench.ws.WsListener;

/** One connection speaking one protocol: it reads frames as a {@link WsListener} and writes the generator's sends. */
public interface ChatSession extends WsListener {

    /** Enters the member's conversation; answered by {@link SessionEvents#onJoined}. */
    void join();

    /** Sends one message; answered by {@link SessionEvents#onSent} or {@link SessionEvents#onSendFailed}. */
    void send(String clientMessageId, String text);

    void close();
}
