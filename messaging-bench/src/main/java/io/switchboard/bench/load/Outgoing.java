package io.switchboard.bench.load;

/** One message in flight: who sent it, when, what the server said, and which members have it. */
final class Outgoing {

    final StepStats step;
    final int sender;
    final String text;
    final long sentNanos;
    final long[] seen;
    int received;
    boolean acked;
    String messageId;
    /** 0: no retry, 1: a same-clientMessageId re-send is awaiting its answer, 2: the retry was answered. */
    int retry;
    /** Members that had it when the drain ended with it incomplete; -1 while it was complete then or not checked. */
    int receivedByDrain = -1;

    Outgoing(StepStats step, int sender, String text, long sentNanos, int members) {
        this.step = step;
        this.sender = sender;
        this.text = text;
        this.sentNanos = sentNanos;
        this.seen = new long[(members + 63) / 64];
    }

    /** Marks member {@code position} as having received the message; false when it already had. */
    boolean markSeen(int position) {
        long bit = 1L << (position & 63);
        int word = position >>> 6;
        if ((seen[word] & bit) != 0) {
            return false;
        }
        seen[word] |= bit;
        received++;
        return true;
    }
}
