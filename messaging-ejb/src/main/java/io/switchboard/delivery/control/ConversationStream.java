package io.switchboard.delivery.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/** How far one conversation has been pushed to one device and how far the device has acknowledged it. */
final class ConversationStream {

    private long sentUpTo;
    private long ackedUpTo;
    private Instant lastPushAt = Instant.EPOCH;
    private int redeliveries;
    /**
     * The device's own messages above the acknowledged position, in seq order: it has them without a push, so an
     * ack that reaches the seq below one carries the position past it. Null while there are none, as almost always.
     */
    private ArrayDeque<Long> own;

    ConversationStream(long cursor) {
        this.sentUpTo = cursor;
        this.ackedUpTo = cursor;
    }

    /** Raises both positions to a cursor known from elsewhere (the store, the device's own statement). */
    void atLeast(long cursor) {
        ackedUpTo = Math.max(ackedUpTo, cursor);
        sentUpTo = Math.max(sentUpTo, cursor);
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

    void sent(long seq, Instant now) {
        if (sentUpTo <= ackedUpTo) {
            lastPushAt = now;
        }
        sentUpTo = Math.max(sentUpTo, seq);
    }

    /** @return whether the acknowledged position moved */
    boolean acked(long seq, Instant now) {
        if (seq <= ackedUpTo) {
            return false;
        }
        ackedUpTo = seq;
        sentUpTo = Math.max(sentUpTo, seq);
        redeliveries = 0;
        lastPushAt = now;
        passOwn();
        return true;
    }

    /**
     * The next seq reached the device without a push: the device sent it. It counts as acknowledged at once when
     * everything before it is, else when everything before it has been.
     *
     * @return whether the acknowledged position moved
     */
    boolean received(long seq) {
        sentUpTo = Math.max(sentUpTo, seq);
        if (seq == ackedUpTo + 1) {
            ackedUpTo = seq;
            return true;
        }
        if (own == null) {
            own = new ArrayDeque<>();
        }
        own.addLast(seq);
        return false;
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
    boolean redeliveryDue(Instant now, Duration ackTimeout) {
        return owes() && !now.isBefore(dueAt(ackTimeout));
    }

    /** When what is unacknowledged now falls due for redelivery. */
    Instant dueAt(Duration ackTimeout) {
        return lastPushAt.plus(ackTimeout.multipliedBy(1L << redeliveries));
    }

    void redelivered(Instant now) {
        redeliveries++;
        lastPushAt = now;
    }
}
