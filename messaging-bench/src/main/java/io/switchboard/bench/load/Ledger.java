package io.switchboard.bench.load;

import io.switchboard.bench.proto.ChatSession;
import io.switchboard.bench.proto.Topology;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Follows every message from its send to the server's acknowledgement and to each other member of its conversation.
 * The send time travels in the text as a {@code System.nanoTime()} stamp and is read back on receipt in this same
 * process, so end-to-end latency needs no clock synchronisation. Runs on the event loop only.
 */
final class Ledger {

    private final Topology topology;
    private final double retryFraction;
    private final SplittableRandom random;
    private final String padding;
    private final Map<String, Outgoing> open = new HashMap<>();
    private ChatSession[] sessions;
    private StepStats step;
    private long sequence;
    long lateOrUnknown;
    long selfEchoes;

    Ledger(Topology topology, int messageBytes, double retryFraction, long seed) {
        this.topology = topology;
        this.retryFraction = retryFraction;
        this.random = new SplittableRandom(seed);
        this.padding = "x".repeat(Math.max(1, messageBytes));
    }

    void attach(ChatSession[] sessions) {
        this.sessions = sessions;
    }

    void begin(StepStats stats) {
        this.step = stats;
    }

    StepStats current() {
        return step;
    }

    void send(int sender, long lagNanos) {
        String cmid = topology.runId() + "-" + Long.toString(++sequence, 36);
        long now = System.nanoTime();
        String text = text(now);
        Outgoing o = new Outgoing(step, sender, text, now, topology.size());
        open.put(cmid, o);
        step.clientMessageIds.add(cmid);
        step.sent++;
        step.expectedDeliveries += topology.size() - 1;
        step.scheduleLag.recordNanos(lagNanos);
        sessions[sender].send(cmid, text);
    }

    /** The stamp, a separator, and padding up to the requested length (at least one padding character). */
    String text(long stamp) {
        StringBuilder b = new StringBuilder(padding.length() + 24).append(stamp).append('|');
        return b.append(padding, 0, Math.max(1, padding.length() - b.length())).toString();
    }

    void sent(int conn, String cmid, String messageId) {
        Outgoing o = open.get(cmid);
        if (o == null) {
            lateOrUnknown++;
        } else if (o.retry == 1) {
            retryAnswered(o, Objects.equals(messageId, o.messageId));
        } else if (!o.acked) {
            o.acked = true;
            o.messageId = messageId;
            o.step.acked++;
            o.step.ack.recordNanos(System.nanoTime() - o.sentNanos);
            if (retryFraction > 0 && random.nextDouble() < retryFraction) {
                // A client that lost the answer re-sends the same clientMessageId: the server must return the
                // same messageId and must not deliver the message a second time (a duplicate would show below).
                o.retry = 1;
                o.step.retries++;
                sessions[conn].send(cmid, o.text);
            }
        }
    }

    void sendFailed(String cmid, String reason) {
        Outgoing o = open.get(cmid);
        if (o == null) {
            lateOrUnknown++;
        } else if (o.retry == 1) {
            // A refusal (overloaded, say) is not a different answer: it tells the client to send the same frame
            // again later. Counted apart, so that a mismatch always means a re-send answered with another id.
            o.retry = 2;
            o.step.answeredRetries++;
            o.step.retryRefused(reason);
        } else {
            o.step.sendError(reason);
            if (!o.acked) {
                // Refused, so never delivered: the drain need not wait for it.
                o.step.expectedDeliveries -= topology.size() - 1;
            }
        }
    }

    private static void retryAnswered(Outgoing o, boolean sameMessage) {
        o.retry = 2;
        o.step.answeredRetries++;
        if (!sameMessage) {
            o.step.retryMismatches++;
        }
    }

    void delivered(int conn, String cmid, String text, boolean redelivery) {
        long now = System.nanoTime();
        Outgoing o = cmid == null ? null : open.get(cmid);
        if (o == null) {
            lateOrUnknown++;
            return;
        }
        if (redelivery) {
            o.step.redeliveries++;
        }
        if (conn == o.sender) {
            selfEchoes++;
        } else if (topology.conversation(conn) != topology.conversation(o.sender)) {
            o.step.wrongConversation++;
        } else if (!o.markSeen(topology.position(conn))) {
            o.step.duplicates++;
            if (!redelivery) {
                o.step.unflaggedDuplicates++;
            }
        } else {
            o.step.deliveries++;
            long stamp = stamp(text);
            if (stamp == Long.MIN_VALUE) {
                o.step.badStamps++;
                stamp = o.sentNanos;
            }
            o.step.endToEnd.recordNanos(now - stamp);
            o.step.timeline(stamp, now - stamp);
        }
    }

    void connectionClosed() {
        if (step != null) {
            step.closedConnections++;
        }
    }

    /**
     * The drain has ended with deliveries missing: notes who had each incomplete acknowledged message, so that what
     * still arrives before the books close counts as late rather than lost. Returns the number of such messages.
     */
    long markOverdue(StepStats stats) {
        int others = topology.size() - 1;
        long overdue = 0;
        for (String cmid : stats.clientMessageIds) {
            Outgoing o = open.get(cmid);
            if (o.acked && o.received < others) {
                o.receivedByDrain = o.received;
                overdue++;
            }
        }
        return overdue;
    }

    /**
     * Closes the books of a step: an acknowledged message that some member still lacks is lost; one that was
     * incomplete when the drain ended and reached every member since is late.
     */
    void settle(StepStats stats) {
        int others = topology.size() - 1;
        for (String cmid : stats.clientMessageIds) {
            Outgoing o = open.remove(cmid);
            if (o.acked && o.received < others) {
                stats.lostMessages++;
                stats.lostDeliveries += others - o.received;
            } else if (o.acked && o.receivedByDrain >= 0) {
                stats.lateMessages++;
            }
            if (o.receivedByDrain >= 0) {
                stats.lateDeliveries += o.received - o.receivedByDrain;
            }
            if (o.retry == 1) {
                stats.retriesUnanswered++;
            }
        }
        stats.clientMessageIds.clear();
        if (step == stats) {
            step = null;
        }
    }

    /** The nanoTime stamp at the head of a text, or {@code Long.MIN_VALUE} when the server changed the text. */
    static long stamp(String text) {
        if (text == null || text.isEmpty()) {
            return Long.MIN_VALUE;
        }
        int bar = text.indexOf('|');
        try {
            return bar > 0 ? Long.parseLong(text, 0, bar, 10) : Long.MIN_VALUE;
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }
}
