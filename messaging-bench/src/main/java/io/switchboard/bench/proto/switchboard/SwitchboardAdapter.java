package io.switchboard.bench.proto.switchboard;

import io.switchboard.bench.proto.ChatAdapter;
import io.switchboard.bench.proto.ChatSession;
import io.switchboard.bench.proto.Member;
import io.switchboard.bench.proto.SessionEvents;
import io.switchboard.bench.proto.Topology;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Switchboard: one user and one device per connection. Every run uses fresh user names (the run id is in them), so a
 * run never meets the conversations, cursors or messages of an earlier one.
 */
public final class SwitchboardAdapter implements ChatAdapter {

    private final SwitchboardRest rest;
    private final String basePath;
    private final int httpConcurrency;
    private final long ackDelayNanos;

    public SwitchboardAdapter(URI base, int httpConcurrency, long tokenTtlSeconds, long ackDelayMillis) {
        this.rest = new SwitchboardRest(base, tokenTtlSeconds);
        this.basePath = base.getPath();
        this.httpConcurrency = httpConcurrency;
        this.ackDelayNanos = TimeUnit.MILLISECONDS.toNanos(ackDelayMillis);
    }

    @Override
    public String name() {
        return "switchboard";
    }

    @Override
    public List<Member> prepare(Topology t, boolean conversations) {
        String[] tokens = new String[t.connections()];
        Batch.run("tokens", t.connections(), httpConcurrency, i -> tokens[i] = rest.token(t.user(i)));
        String[] ids = new String[t.conversations()];
        if (conversations) {
            Batch.run("conversations", t.conversations(), httpConcurrency, c -> ids[c] = create(t, c, tokens));
        }
        List<Member> members = new ArrayList<>(t.connections());
        for (int i = 0; i < t.connections(); i++) {
            String path = basePath + "/ws?device=d-" + t.runId() + "-" + i;
            members.add(new Member(i, t.user(i), ids[t.conversation(i)], path,
                    Map.of("Authorization", "Bearer " + tokens[i]), tokens[i]));
        }
        return members;
    }

    /** The conversation's first member creates it; the creator is a member of what it creates. */
    private String create(Topology t, int conversation, String[] tokens) {
        int first = conversation * t.size();
        if (t.size() == 2) {
            return rest.directConversation(tokens[first], t.user(first + 1));
        }
        List<String> others = new ArrayList<>(t.size() - 1);
        for (int p = 1; p < t.size(); p++) {
            others.add(t.user(first + p));
        }
        return rest.groupConversation(tokens[first], "bench " + t.runId() + " " + conversation, others);
    }

    @Override
    public ChatSession session(Member member, SessionEvents events) {
        return new SwitchboardSession(member, events, ackDelayNanos);
    }
}
