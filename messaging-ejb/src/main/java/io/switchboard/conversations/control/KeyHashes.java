package io.switchboard.conversations.control;

import java.util.Arrays;

/**
 * A set of up to {@code bound} 64-bit hashes in one array, open addressing with linear probing, at most half full.
 * Not thread-safe. Zero marks a free slot, so the hash 0 is stored as 1: one more harmless collision.
 */
final class KeyHashes {

    private final long[] slots;
    private final int mask;
    private final int bound;
    private int size;

    KeyHashes(int bound) {
        this.bound = bound;
        this.slots = new long[Integer.highestOneBit(Math.max(2, bound) * 2 - 1) * 2];
        this.mask = slots.length - 1;
    }

    int bound() {
        return bound;
    }

    int size() {
        return size;
    }

    boolean contains(long hash) {
        long stored = stored(hash);
        for (int i = index(stored); slots[i] != 0; i = i + 1 & mask) {
            if (slots[i] == stored) {
                return true;
            }
        }
        return false;
    }

    void add(long hash) {
        long stored = stored(hash);
        int i = index(stored);
        while (slots[i] != 0) {
            if (slots[i] == stored) {
                return;
            }
            i = i + 1 & mask;
        }
        slots[i] = stored;
        size++;
    }

    void clear() {
        Arrays.fill(slots, 0L);
        size = 0;
    }

    private static long stored(long hash) {
        return hash == 0 ? 1 : hash;
    }

    private int index(long stored) {
        return (int) (stored ^ stored >>> 32) & mask;
    }
}
