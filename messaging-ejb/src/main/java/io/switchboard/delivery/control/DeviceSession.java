package io.switchboard.delivery.control;

import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.delivery.boundary.Backlog;
import io.switchboard.delivery.boundary.Deliveries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivery to one connected device. Every conversation is pushed in seq order from the device's cursor: the backlog
 * first, then live messages; a live message that arrives ahead of one not yet pushed is preceded by a read of the
 * store. All work runs on the device's {@link SerialLane}, so the per-conversation state needs no locks; a task that
 * fails (the store is away) ends the session, and the device resumes and misses nothing. Times are kept as epoch
 * milliseconds, so that a push or an ack allocates no time stamp and stores no new object in the session.
 */
public final class DeviceSession {

    private static final Logger LOG = Logger.getLogger(DeviceSession.class.getName());
    /** {@link #checkAt} when nothing is owed. */
    private static final long NOTHING_OWED = Long.MAX_VALUE;

    private final Connection connection;
    private final Deliveries deliveries;
    private final SerialLane lane;
    /** In milliseconds. */
    private final long ackTimeout;
    private final int maxRedeliveries;
    private final Map<String, ConversationStream> streams = new ConcurrentHashMap<>();
    private final UnsavedCursors unsaved;
    private final DeviceTable.DeviceKey device;
    /** Live messages offered before the positions were known; handled right after the replay. */
    private final List<MessageView> early = new ArrayList<>();
    private boolean started;
    /**
     * The earliest time a redelivery may fall due, or {@link #NOTHING_OWED}; the once-a-second tick passes over the
     * session until then. Written on the lane only; an ack leaves it early, and the tick that finds nothing due sets
     * it afresh.
     */
    private volatile long checkAt = NOTHING_OWED;

    /** {@code pool} runs the device's delivery tasks when its lane has more than its caller should take on. */
    public DeviceSession(Connection connection, Deliveries deliveries, UnsavedCursors unsaved, Executor pool,
            Duration ackTimeout, int maxRedeliveries) {
        this.connection = connection;
        this.deliveries = deliveries;
        this.unsaved = unsaved;
        this.device = new DeviceTable.DeviceKey(connection.userId(), connection.deviceId());
        this.lane = new SerialLane(pool, this::failed);
        this.ackTimeout = ackTimeout.toMillis();
        this.maxRedeliveries = maxRedeliveries;
    }

    public Connection connection() {
        return connection;
    }

    /**
     * Replays each conversation from its position. The session is registered before the positions are read, so a
     * message committed in between is offered early and handled here, after the replay, and never missed. First the
     * device is told where the replay starts wherever that is neither 0 nor the cursor it stated itself, so that it
     * never has to guess a conversation's start from the first message it sees.
     */
    public void start(Map<String, Deliveries.Position> positions, Map<String, Long> stated) {
        lane.run(() -> {
            Map<String, Long> announced = new HashMap<>();
            positions.forEach((conversation, position) -> {
                Long said = stated.get(conversation);
                if (position.cursor() > 0 && (said == null || said != position.cursor())) {
                    announced.put(conversation, position.cursor());
                }
            });
            if (!announced.isEmpty()) {
                connection.cursors(announced);
            }
            positions.forEach((conversation, position) -> {
                ConversationStream stream = stream(conversation, position.cursor());
                stream.atLeast(position.cursor());
                if (position.lastSeq() > stream.sentUpTo()) {
                    catchUp(conversation, stream, position.lastSeq());
                }
            });
            started = true;
            early.forEach(this::live);
            early.clear();
        });
    }

    /**
     * A message sent through this session: the device has it from its {@code message:sent}, so it is not pushed
     * back; it counts as received in this session once every earlier message is acknowledged (the saved cursor
     * waits for an ack that covers it). Out of turn (earlier messages not yet pushed, or the replay still running)
     * it is pushed like any other.
     */
    public void offerOwn(MessageView message) {
        lane.run(() -> {
            if (!started) {
                early.add(message);
                return;
            }
            ConversationStream stream = stream(message.conversationId(), 0);
            if (message.seq() != stream.sentUpTo() + 1) {
                live(message);
            } else {
                stream.received(message.seq());
            }
        });
    }

    /**
     * Runs a send's answer once every message of a lower seq of its conversation has been pushed here, so that a
     * device may take {@code message:sent} as its message in its place. The answer to a repeated send can get here
     * before those pushes (another writer committed them, or the original, and their push events are still on their
     * way): the missing ones are read from the store first, and the message then counts as received here. The
     * answer is written even when that read fails, after the session is closed, so that the send's place in the
     * window is given back.
     */
    public void answer(MessageView message, Runnable step) {
        lane.run(() -> {
            try {
                placeBefore(message);
            } catch (RuntimeException e) {
                failed(e);
            }
            step.run();
        });
    }

    private void placeBefore(MessageView message) {
        if (!started) {
            return;
        }
        ConversationStream stream = stream(message.conversationId(), 0);
        if (message.seq() > stream.sentUpTo() + 1) {
            catchUp(message.conversationId(), stream, message.seq() - 1);
        }
        if (message.seq() == stream.sentUpTo() + 1) {
            stream.received(message.seq());
        }
    }

    public void offer(MessageView message) {
        lane.run(() -> offered(message));
    }

    private void offered(MessageView message) {
        if (started) {
            live(message);
        } else {
            early.add(message);
        }
    }

    private void live(MessageView message) {
        ConversationStream stream = stream(message.conversationId(), 0);
        if (message.seq() == stream.sentUpTo() + 1) {
            push(stream, message, false);
        } else if (message.seq() > stream.sentUpTo()) {
            catchUp(message.conversationId(), stream, message.seq());
        }
    }

    /** Whether the conversation is one this session delivers; acks for others need a membership check. */
    public boolean delivers(String conversationId) {
        return streams.containsKey(conversationId);
    }

    public void ack(String conversationId, long seq) {
        lane.run(() -> {
            ConversationStream stream = stream(conversationId, 0);
            if (stream.acked(seq, System.currentTimeMillis())) {
                unsaved.acked(device, conversationId, stream.declaredUpTo());
            }
        });
    }

    /** Whether the tick should look at this session now: some push may be due for redelivery. */
    public boolean dueBy(Instant now) {
        return now.toEpochMilli() >= checkAt;
    }

    /**
     * Redelivers what stayed unacknowledged too long, the oldest first and as much as the outbound queue has room
     * for; ends the session once the attempts are spent. While the server is behind on reading the device's socket,
     * the device's acks may be waiting in it: a push counts as unacknowledged only after the timeout and twice that
     * lag, so that an overloaded server does not add redeliveries of what was acknowledged long ago.
     */
    public void tick(Instant now) {
        long at = now.toEpochMilli();
        lane.run(() -> {
            long judged = at - 2 * connection.readLag().toMillis();
            long next = NOTHING_OWED;
            for (var entry : streams.entrySet()) {
                ConversationStream stream = entry.getValue();
                if (!stream.redeliveryDue(judged, ackTimeout)) {
                    next = Math.min(next, stream.owes() ? stream.dueAt(ackTimeout) : NOTHING_OWED);
                    continue;
                }
                if (stream.redeliveries() >= maxRedeliveries) {
                    LOG.info(() -> "event=resume_required " + ids() + " conversation=" + entry.getKey()
                            + " ackedSeq=" + stream.ackedUpTo() + " sentSeq=" + stream.sentUpTo());
                    connection.close(Connection.Disconnect.RESUME_REQUIRED);
                    return;
                }
                stream.redelivered(at);
                // The oldest first, and no more than half the room left: a device whose acks are only late (its
                // socket unread while its own sends wait for the store) must not be flooded off the connection.
                long upto = Math.min(stream.sentUpTo(), stream.ackedUpTo() + Math.max(1, connection.room() / 2));
                Backlog backlog = deliveries.backlog(entry.getKey(), stream.ackedUpTo(), upto);
                backlog.gap().ifPresent(connection::gap);
                backlog.messages().forEach(m -> connection.deliver(m, true));
                next = Math.min(next, stream.dueAt(ackTimeout));
            }
            checkAt = next;
        });
    }

    private ConversationStream stream(String conversationId, long cursor) {
        ConversationStream stream = streams.get(conversationId);
        // Looked up first: the function computeIfAbsent takes would be allocated on every push and ack.
        return stream != null ? stream : streams.computeIfAbsent(conversationId, id -> new ConversationStream(cursor));
    }

    private void catchUp(String conversationId, ConversationStream stream, long uptoSeq) {
        Backlog backlog = deliveries.backlog(conversationId, stream.sentUpTo(), uptoSeq);
        backlog.gap().ifPresent(gap -> {
            connection.gap(gap);
            sent(stream, gap.toSeq());
        });
        backlog.messages().forEach(message -> push(stream, message, false));
    }

    private void push(ConversationStream stream, MessageView message, boolean redelivery) {
        connection.deliver(message, redelivery);
        sent(stream, message.seq());
    }

    private void sent(ConversationStream stream, long seq) {
        stream.sent(seq, System.currentTimeMillis());
        long due = stream.dueAt(ackTimeout);
        if (due < checkAt) {
            checkAt = due;
        }
    }

    /** A delivery step failed (the store is away): the session ends, and the device resumes and misses nothing. */
    private void failed(RuntimeException e) {
        LOG.log(Level.WARNING, "event=delivery_failed " + ids(), e);
        connection.close(Connection.Disconnect.SERVER_ERROR);
    }

    private String ids() {
        return "user=" + connection.userId() + " device=" + connection.deviceId() + " session="
                + connection.sessionId();
    }
}
