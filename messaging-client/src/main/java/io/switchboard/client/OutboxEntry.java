package io.switchboard.client;

import java.util.Comparator;

/**
 * A send the server has not acknowledged yet.
 *
 * @param order the position in which the application called send; survives a restart through the outbox file
 */
record OutboxEntry(long order, String clientMessageId, String conversationId, String text, Priority priority) {

    /** HIGH before NORMAL, then first come, first served. */
    static final Comparator<OutboxEntry> SEND_ORDER = Comparator.comparing(OutboxEntry::priority)
            .thenComparingLong(OutboxEntry::order);
}
