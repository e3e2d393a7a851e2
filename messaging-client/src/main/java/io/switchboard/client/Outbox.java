package io.switchboard.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every send the server has not acknowledged, bounded. An entry is either waiting for a connection (or for its
 * retry) or out on the wire; a lost connection puts everything back to waiting, and the next connection takes the
 * waiting entries in {@link OutboxEntry#SEND_ORDER}. Confined to the client's event thread.
 */
final class Outbox {

    private final int capacity;
    private final OutboxStore store;
    private final Map<String, OutboxEntry> entries = new HashMap<>();
    private final TreeSet<OutboxEntry> waiting = new TreeSet<>(OutboxEntry.SEND_ORDER);
    private long nextOrder;

    Outbox(int capacity, OutboxStore store) {
        this.capacity = capacity;
        this.store = store;
        for (OutboxEntry entry : store.load()) {
            entries.put(entry.clientMessageId(), entry);
            waiting.add(entry);
            nextOrder = Math.max(nextOrder, entry.order() + 1);
        }
    }

    /** The new entry, waiting; empty when the outbox is full. */
    Optional<OutboxEntry> add(String clientMessageId, String conversationId, String text, Priority priority) {
        if (entries.size() >= capacity) {
            return Optional.empty();
        }
        OutboxEntry entry = new OutboxEntry(nextOrder++, clientMessageId, conversationId, text, priority);
        store.added(entry);
        entries.put(clientMessageId, entry);
        waiting.add(entry);
        return Optional.of(entry);
    }

    /** Every waiting entry in send order, now counted as out. */
    List<OutboxEntry> takeWaiting() {
        List<OutboxEntry> taken = new ArrayList<>(waiting);
        waiting.clear();
        return taken;
    }

    /** Marks one entry as out, for a send that goes straight to a live connection. */
    void take(OutboxEntry entry) {
        waiting.remove(entry);
    }

    void putBack(String clientMessageId) {
        OutboxEntry entry = entries.get(clientMessageId);
        if (entry != null) {
            waiting.add(entry);
        }
    }

    void putBackAll() {
        waiting.addAll(entries.values());
    }

    /** Forgets an acknowledged or abandoned entry; false when it was not there. */
    boolean remove(String clientMessageId) {
        OutboxEntry entry = entries.remove(clientMessageId);
        if (entry == null) {
            return false;
        }
        waiting.remove(entry);
        store.removed(clientMessageId);
        return true;
    }

    Optional<OutboxEntry> get(String clientMessageId) {
        return Optional.ofNullable(entries.get(clientMessageId));
    }

    /** All entries, waiting or out, in send order. */
    List<OutboxEntry> entries() {
        List<OutboxEntry> all = new ArrayList<>(entries.values());
        all.sort(OutboxEntry.SEND_ORDER);
        return all;
    }

    int size() {
        return entries.size();
    }

    void close() {
        store.close();
    }
}
