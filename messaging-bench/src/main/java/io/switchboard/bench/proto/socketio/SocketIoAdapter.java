package io.switchboard.bench.proto.socketio;

import io.switchboard.bench.proto.ChatAdapter;
import io.switchboard.bench.proto.ChatSession;
import io.switchboard.bench.proto.Member;
import io.switchboard.bench.proto.SessionEvents;
import io.switchboard.bench.proto.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The reference Socket.IO peer: tokens are signed here, rooms are joined over the socket, nothing needs REST. */
public final class SocketIoAdapter implements ChatAdapter {

    static final String PATH = "/socket.io/?EIO=4&transport=websocket";

    private final String basePath;
    private final PeerToken tokens;
    private final long tokenTtlSeconds;

    public SocketIoAdapter(String basePath, String secret, long tokenTtlSeconds) {
        this.basePath = basePath;
        this.tokens = new PeerToken(secret);
        this.tokenTtlSeconds = tokenTtlSeconds;
    }

    @Override
    public String name() {
        return "socketio";
    }

    @Override
    public List<Member> prepare(Topology topology, boolean conversations) {
        long exp = System.currentTimeMillis() / 1000 + tokenTtlSeconds;
        List<Member> members = new ArrayList<>(topology.connections());
        for (int i = 0; i < topology.connections(); i++) {
            String user = topology.user(i);
            String room = "r-" + topology.runId() + "-" + topology.conversation(i);
            members.add(new Member(i, user, room, basePath + PATH, Map.of(), tokens.sign(user, exp)));
        }
        return members;
    }

    @Override
    public ChatSession session(Member member, SessionEvents events) {
        return new SocketIoSession(member, events);
    }
}
