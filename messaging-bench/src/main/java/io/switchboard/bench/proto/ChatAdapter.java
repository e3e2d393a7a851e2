package io.switchboard.bench.proto;

import java.util.List;

/** A chat server's protocol as the generator sees it. */
public interface ChatAdapter {

    String name();

    /**
     * Gets every connection ready to connect: tokens, and the conversations the topology asks for (over REST for
     * Switchboard, locally for the Socket.IO peer's signed tokens and named rooms). May take a while; prints progress.
     *
     * @param conversations false in the idle test, where connections only authenticate
     */
    List<Member> prepare(Topology topology, boolean conversations);

    ChatSession session(Member member, SessionEvents events);
}
