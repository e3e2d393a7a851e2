package io.switchboard.delivery.control;

import java.util.ArrayDeque;

/**
 * How far one conversation has been pushed to one device, how far the device has it (its acks, and its own messages
 * counted as received), and how far the device itself has said it has it (its cursor at connect and its acks).
 * Times are epoch milliseconds: a push or an ack records one without allocating.
 */
final class ConversationStream {

    private long sentUpTo;
    private long ackedUpTo;
    /**
     * The device's own word: the cursor the session started from and its acks. Only this is saved. Its own messages
     * count as received in this session, but the answer that gave one to the device may have been lost with the
     * connection, so a later session must not start past it on the server's say-so.
     */
    private long declaredUpTo;
    /** When the oldest unacknowledged push went out (or was last redelivered), in epoch milliseconds. */
    private long lastPushAt;
    private int redeliveries;
    /**
     * The device's own messages above the acknowledged position, in seq order: it has them without a push, so an
     * ack that reaches the seq below one carries the position past it. Null while there are none, as almost always.
     */
    private ArrayDeque<Long> own;

    ConversationStream(long cursor) {
        this.sentUpTo = cursor;
        this.ackedUpTo = cursor;
        this.declaredUpTo = cursor;
    }

    /** Raises the positions to the cursor the session starts from (the store's, or the device's own statement). */
    void atLeast(long cursor) {
        ackedUpTo = Math.max(ackedUpTo, cursor);
        sentUpTo = Math.max(sentUpTo, cursor);
        declaredUpTo = Math.max(declaredUpTo, cursor);
        passOwn();
    }

    long sentUpTo() {
        return sentUpTo;
    }

    long ackedUpTo() {
        return ackedUpTo;
    }

    int redeliveries() {
        return redeliveries;
    }

    void sent(long seq, long now) {
        if (sentUpTo <= ackedUpTo) {
            lastPushAt = now;
        }
        sentUpTo = Math.max(sentUpTo, seq);
    }

    long declaredUpTo() {
        return declaredUpTo;
    }

    /** @return whether the device's own word moved, so that there is a position to save */
    boolean acked(long seq, long now) {
        if (seq <= declaredUpTo) {
            return false;
        }
        declaredUpTo = seq;
        if (seq > ackedUpTo) {
            ackedUpTo = seq;
            sentUpTo = Math.max(sentUpTo, seq);
            redeliveries = 0;
            lastPushAt = now;
            passOwn();
        }
        return true;
    }

    /**
     * The next seq reached the device without a push: the device sent it. It counts as acknowledged at once when
     * everything before it is, else when everything before it has been; it is not the device's word, so it is not
     * saved until an ack covers it.
     */
    void received(long seq) {
        sentUpTo = Math.max(sentUpTo, seq);
        if (seq == ackedUpTo + 1) {
            ackedUpTo = seq;
            return;
        }
        if (own == null) {
            own = new ArrayDeque<>();
        }
        own.addLast(seq);
    }

    private void passOwn() {
        while (own != null && !own.isEmpty() && own.peekFirst() <= ackedUpTo + 1) {
            ackedUpTo = Math.max(ackedUpTo, own.pollFirst());
        }
        if (own != null && own.isEmpty()) {
            own = null;
        }
    }

    boolean owes() {
        return sentUpTo > ackedUpTo;
    }

    /** Due when something is unacknowledged past the timeout, doubled for every redelivery already made. */
    boolean redeliveryDue(long now, long ackTimeout) {
        return owes() && now >= dueAt(ackTimeout);
    }

    /**
     * When what is unacknowledged now falls due for redelivery, in epoch milliseconds; the doubled timeout stops
     * growing at about 2^62 ms, far past any clock, instead of wrapping around.
     */
    long dueAt(long ackTimeout) {
        long wait = redeliveries < Long.numberOfLeadingZeros(ackTimeout) - 2 ? ackTimeout << redeliveries
                : 1L << 62;
        return lastPushAt + wait;
    }

    void redelivered(long now) {
        redeliveries++;
        lastPushAt = now;
    }
}
