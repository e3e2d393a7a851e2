package io.switchboard.bench.load;

import io.switchboard.bench.proto.ChatAdapter;
import io.switchboard.bench.proto.ChatSession;
import io.switchboard.bench.proto.Member;
import io.switchboard.bench.proto.SessionEvents;
import io.switchboard.bench.ws.EventLoop;
import io.switchboard.bench.ws.WsConnection;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Every connection of a run. Opens and joins them a bounded number at a time (as many clients arriving at once would
 * not all be mid-handshake together), and forwards message events to the {@link Ledger}. A connection that closes
 * after it was ready is counted by close code and is not reopened: its lost deliveries fail the step, which is the
 * honest outcome for a server that dropped it.
 */
final class Fleet implements SessionEvents {

    private static final byte CONNECTING = 1;
    private static final byte READY = 2;
    private static final byte JOINING = 3;
    private static final byte JOINED = 4;
    private static final byte CLOSED = 5;

    private final EventLoop loop;
    private final ChatAdapter adapter;
    private final List<Member> members;
    private final InetSocketAddress address;
    private final Ledger ledger;
    private final long timeoutNanos;
    private final ChatSession[] sessions;
    private final WsConnection[] sockets;
    private final byte[] state;
    private final long[] startedNanos;
    private final Map<String, Integer> closedAfterReady = new TreeMap<>();
    private Phase phase;
    private boolean starting;
    private int wantedStarts;
    long protocolErrors;
    String lastProtocolError;

    Fleet(EventLoop loop, ChatAdapter adapter, List<Member> members, InetSocketAddress address, Ledger ledger,
          long timeoutNanos) {
        this.loop = loop;
        this.adapter = adapter;
        this.members = members;
        this.address = address;
        this.ledger = ledger;
        this.timeoutNanos = timeoutNanos;
        this.sessions = new ChatSession[members.size()];
        this.sockets = new WsConnection[members.size()];
        this.state = new byte[members.size()];
        this.startedNanos = new long[members.size()];
        ledger.attach(sessions);
    }

    /** Opens connections {@code [from, to)}, at most {@code concurrency} handshakes at a time. */
    CompletableFuture<Phase> open(int from, int to, int concurrency) {
        return begin(new Phase("connect", from, to), concurrency);
    }

    /** Joins every ready connection to its conversation, at most {@code concurrency} joins at a time. */
    CompletableFuture<Phase> join(int from, int to, int concurrency) {
        return begin(new Phase("join", from, to), concurrency);
    }

    /** A snapshot for progress lines: done, failed, total. */
    CompletableFuture<int[]> progress() {
        return loop.call(() -> phase == null ? new int[3] : new int[] {phase.ok, phase.failed, phase.count()});
    }

    CompletableFuture<Map<String, Integer>> closedAfterReady() {
        return loop.call(() -> new TreeMap<>(closedAfterReady));
    }

    CompletableFuture<Void> closeAll() {
        return loop.call(() -> {
            for (int i = 0; i < sockets.length; i++) {
                if (sockets[i] != null && state[i] != CLOSED) {
                    state[i] = CLOSED;
                    sockets[i].close(1000, "benchmark done");
                }
            }
            return null;
        });
    }

    private CompletableFuture<Phase> begin(Phase p, int concurrency) {
        loop.execute(() -> {
            phase = p;
            for (int k = 0; k < concurrency; k++) {
                startNext();
            }
            finishIfDone();
        });
        return p.done;
    }

    /**
     * Starts one more connection or join. A join that completes synchronously (Switchboard's) calls back into here;
     * the trampoline turns that recursion into a loop so ten thousand joins do not nest ten thousand frames deep.
     */
    private void startNext() {
        wantedStarts++;
        if (starting) {
            return;
        }
        starting = true;
        try {
            while (wantedStarts > 0) {
                wantedStarts--;
                startOne();
            }
        } finally {
            starting = false;
        }
    }

    private void startOne() {
        Phase p = phase;
        while (p.next < p.to) {
            int i = p.next++;
            startedNanos[i] = System.nanoTime();
            if (p.name.equals("join")) {
                if (state[i] != READY) {
                    p.failed("not connected");
                    continue;
                }
                state[i] = JOINING;
                sessions[i].join();
                return;
            }
            connect(i);
            return;
        }
    }

    private void connect(int i) {
        state[i] = CONNECTING;
        Member m = members.get(i);
        sessions[i] = adapter.session(m, this);
        sockets[i] = new WsConnection(loop, address, m.pathAndQuery(), m.headers(), sessions[i], 31L * i + 7);
        sockets[i].start(timeoutNanos);
        loop.schedule(timeoutNanos, () -> {
            if (state[i] == CONNECTING) {
                sockets[i].close(1000, "not ready within the connect timeout");
            }
        });
    }

    private void finishIfDone() {
        Phase p = phase;
        if (p != null && p.finished() && !p.done.isDone()) {
            p.endNanos = System.nanoTime();
            p.done.complete(p);
        }
    }

    @Override
    public void onReady(int conn) {
        if (state[conn] == CONNECTING) {
            state[conn] = READY;
            phase.succeeded(startedNanos[conn]);
            startNext();
            finishIfDone();
        }
    }

    @Override
    public void onJoined(int conn, String error) {
        if (state[conn] != JOINING) {
            return;
        }
        if (error == null) {
            state[conn] = JOINED;
            phase.succeeded(startedNanos[conn]);
        } else {
            state[conn] = READY;
            phase.failed("join: " + error);
        }
        startNext();
        finishIfDone();
    }

    @Override
    public void onSent(int conn, String clientMessageId, String messageId) {
        ledger.sent(conn, clientMessageId, messageId);
    }

    @Override
    public void onSendFailed(int conn, String clientMessageId, String reason) {
        ledger.sendFailed(clientMessageId, reason);
    }

    @Override
    public void onDelivered(int conn, String conversationId, String clientMessageId, String text,
                            boolean redelivery) {
        ledger.delivered(conn, clientMessageId, text, redelivery);
    }

    @Override
    public void onProtocolError(int conn, String what) {
        protocolErrors++;
        lastProtocolError = what;
    }

    @Override
    public void onClosed(int conn, int code, String reason) {
        byte was = state[conn];
        state[conn] = CLOSED;
        if (was == CONNECTING || was == JOINING) {
            phase.failed(code + " " + reason);
            startNext();
            finishIfDone();
        } else if (was == READY || was == JOINED) {
            closedAfterReady.merge(code + " " + reason, 1, Integer::sum);
            ledger.connectionClosed();
        }
    }
}
