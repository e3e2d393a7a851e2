package io.switchboard.bench.proto.switchboard;

import java.util.TreeSet;

/**
 * A device's view of one conversation's sequence: the highest {@code seq} received without a gap, which is what a
 * cumulative {@code message:ack} may claim. Numbers that arrive early wait in a set until the gap closes.
 */
final class SeqCursor {

    private long contiguous;
    private TreeSet<Long> ahead;

    long contiguous() {
        return contiguous;
    }

    /**
     * Takes one received {@code seq}; true when an acknowledgement should go out: the cursor moved, or the number was
     * already covered (the server is repeating itself, so our earlier ack may have been lost).
     */
    boolean offer(long seq) {
        if (seq <= contiguous) {
            return true;
        }
        if (seq != contiguous + 1) {
            if (ahead == null) {
                ahead = new TreeSet<>();
            }
            ahead.add(seq);
            return false;
        }
        contiguous = seq;
        while (ahead != null && !ahead.isEmpty() && ahead.first() == contiguous + 1) {
            contiguous = ahead.pollFirst();
        }
        return true;
    }

    /** After {@code sync:gap}: the range will not be pushed, so the cursor may move past it. */
    void skipTo(long seq) {
        if (seq > contiguous) {
            contiguous = seq;
            while (ahead != null && !ahead.isEmpty() && ahead.first() <= contiguous + 1) {
                contiguous = Math.max(contiguous, ahead.pollFirst());
            }
        }
    }
}
