package io.switchboard.conversations.control;

import io.switchboard.conversations.control.MessageTable.SendKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The idempotency keys (sender, clientMessageId) of the messages this node stored or answered lately. Only a send
 * whose key is here is looked up before its batch is written; any other key is new unless the unique index says
 * otherwise (a message stored by another node, before this node started, or too long ago to be held here), and
 * then the batch is rolled back and each of its sends decided alone, with a lookup. Bounded: keys are kept in two
 * generations of half the bound each, and when the newer one is full the older one is emptied and becomes the newer.
 * <p>
 * A key is held as a 64-bit hash in a table of primitives that is allocated once: held as objects, the keys lived
 * for tens of seconds, long enough for the young collector to copy every one of them a dozen times. Two keys of the
 * same hash only cost a send a lookup it did not need.
 */
@ApplicationScoped
public class RecentSends {

    @Inject
    @ConfigProperty(name = "switchboard.send.idempotency-cache", defaultValue = "100000")
    int capacity;

    private KeyHashes newer;
    private KeyHashes older;

    synchronized boolean mayHave(SendKey key) {
        makeGenerations();
        long hash = hash(key);
        return newer.contains(hash) || older.contains(hash);
    }

    synchronized void remember(SendKey key) {
        makeGenerations();
        newer.add(hash(key));
        if (newer.size() >= newer.bound()) {
            KeyHashes emptied = older;
            emptied.clear();
            older = newer;
            newer = emptied;
        }
    }

    /** Keys held, for tests. */
    synchronized int size() {
        makeGenerations();
        return newer.size() + older.size();
    }

    /** On first use, once the bound is known. */
    private void makeGenerations() {
        if (newer == null) {
            int half = Math.max(1, capacity / 2);
            newer = new KeyHashes(half);
            older = new KeyHashes(half);
        }
    }

    /** Both strings' hashes, spread so that keys differing in either part differ in many bits. */
    static long hash(SendKey key) {
        long h = (long) key.senderId().hashCode() << 32 ^ key.clientMessageId().hashCode() & 0xFFFFFFFFL;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }
}
