package io.switchboard.platform.socket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Undoes the XOR mask every client frame carries; it runs over every byte received, so eight at a time. */
final class Masking {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Masking() {
    }

    /** @param key the four mask bytes as read, big-endian, the first applying to data[offset] */
    static void unmask(byte[] data, int offset, int length, int key) {
        long mask = ((long) key << 32) | (key & 0xFFFF_FFFFL);
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            LONGS.set(data, offset + i, (long) LONGS.get(data, offset + i) ^ mask);
        }
        for (; i < length; i++) {
            data[offset + i] ^= (byte) (key >>> (24 - 8 * (i & 3)));
        }
    }
}
