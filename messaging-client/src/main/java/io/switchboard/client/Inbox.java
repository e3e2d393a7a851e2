package io.switchboard.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns at-least-once, possibly reordered arrivals into one in-order run per conversation. A message at or below
 * the conversation's cursor, or whose messageId was delivered recently, is a duplicate; one further ahead is held
 * until the seqs between arrive.
 *
 * <p>A conversation without a cursor starts at 0, unless the server says otherwise: it replays each conversation
 * from the cursor the device stated, else from the one it stored, and names that cursor in {@code sync:cursors}
 * ahead of the replay wherever it is neither 0 nor the stated one ({@link #skipTo}). Taking the first message seen
 * as the start instead would be a guess, and a wrong one whenever a higher seq comes first (the answer to a repeated
 * send, say): the seqs below it would be dropped as duplicates.
 *
 * <p>Confined to the client's event thread, except {@link #cursors()}, which any thread may read.
 */
final class Inbox {

    private static final int REMEMBERED_IDS = 4096;

    private final Map<String, Long> cursors = new ConcurrentHashMap<>();
    private final Map<String, TreeMap<Long, Message>> held = new HashMap<>();
    private final Set<String> delivered = Collections.newSetFromMap(new BoundedMap());

    Inbox(Map<String, Long> initialCursors) {
        cursors.putAll(initialCursors);
    }

    /** The messages now deliverable, in order, with the cursor already advanced past them. */
    List<Message> accept(Message message) {
        String conversation = message.conversationId();
        long cursor = cursors.getOrDefault(conversation, 0L);
        if (message.seq() <= cursor || delivered.contains(message.messageId())) {
            return List.of();
        }
        held.computeIfAbsent(conversation, c -> new TreeMap<>()).putIfAbsent(message.seq(), message);
        return drain(conversation);
    }

    /** A gap for a conversation without a cursor starts it just below the gap, so later messages wait for it. */
    void gap(Gap gap) {
        cursors.putIfAbsent(gap.conversationId(), gap.fromSeq() - 1);
    }

    /**
     * Moves the cursor up to {@code seq}, for messages the server will not send: its replay starts past them, or it
     * no longer has them. Returns what that unblocks.
     */
    List<Message> skipTo(String conversation, long seq) {
        cursors.merge(conversation, seq, Math::max);
        TreeMap<Long, Message> waiting = held.get(conversation);
        if (waiting != null) {
            waiting.headMap(seq, true).clear();
        }
        return drain(conversation);
    }

    long cursor(String conversation) {
        return cursors.getOrDefault(conversation, 0L);
    }

    int heldCount(String conversation) {
        TreeMap<Long, Message> waiting = held.get(conversation);
        return waiting == null ? 0 : waiting.size();
    }

    /** A snapshot of the highest contiguous seq delivered per conversation. */
    Map<String, Long> cursors() {
        return Map.copyOf(cursors);
    }

    private List<Message> drain(String conversation) {
        TreeMap<Long, Message> waiting = held.get(conversation);
        if (waiting == null) {
            return List.of();
        }
        long cursor = cursors.getOrDefault(conversation, 0L);
        List<Message> run = new ArrayList<>();
        while (!waiting.isEmpty() && waiting.firstKey() == cursor + 1) {
            Message next = waiting.pollFirstEntry().getValue();
            cursor = next.seq();
            run.add(next);
            delivered.add(next.messageId());
        }
        cursors.put(conversation, cursor);
        if (waiting.isEmpty()) {
            held.remove(conversation);
        }
        return run;
    }

    /** Remembers the most recently delivered messageIds only, so memory stays flat on a long-lived client. */
    private static final class BoundedMap extends LinkedHashMap<String, Boolean> {

        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    }
}
