package io.switchboard.conversations.control;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Message ids in the layout of a version-7 UUID: the millisecond first, then random bits. New ids land at the right
 * edge of the primary-key index instead of on a random page of it; they are not secrets (reading a message takes
 * membership), so a fast random source serves.
 */
public final class MessageIds {

    private MessageIds() {
    }

    static String next(long epochMillis) {
        var random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return "m-" + new UUID(high, low);
    }

    /**
     * The lowest id of the given millisecond: every id made earlier sorts below it, as text too, since the time
     * leads in fixed-width lower-case hex. The retention purge finds old messages through the primary key with it.
     */
    public static String floor(Instant time) {
        return "m-" + new UUID(time.toEpochMilli() << 16, 0L);
    }
}
