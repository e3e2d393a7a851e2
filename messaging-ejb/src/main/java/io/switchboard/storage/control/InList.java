package io.switchboard.storage.control;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits values into IN lists of a few fixed lengths, padded with their last value, so that a batch of any size runs
 * a handful of distinct statements: the database and the pool's statement cache keep each one prepared.
 */
public final class InList {

    static final int[] LENGTHS = {1, 4, 16, 64};

    private InList() {
    }

    /** The values in chunks of at most the longest length, each padded to the next fixed length. */
    public static List<List<String>> chunks(List<String> values) {
        int longest = LENGTHS[LENGTHS.length - 1];
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += longest) {
            List<String> chunk = new ArrayList<>(values.subList(from, Math.min(values.size(), from + longest)));
            String last = chunk.get(chunk.size() - 1);
            while (chunk.size() < fixedLength(chunk.size())) {
                chunk.add(last);
            }
            chunks.add(chunk);
        }
        return chunks;
    }

    /** {@code ?, ?, ?} for a chunk. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Binds a chunk's values to the statement's placeholders, in order from the first. */
    public static void bind(PreparedStatement statement, List<String> chunk) throws SQLException {
        for (int i = 0; i < chunk.size(); i++) {
            statement.setString(i + 1, chunk.get(i));
        }
    }

    private static int fixedLength(int size) {
        for (int length : LENGTHS) {
            if (size <= length) {
                return length;
            }
        }
        throw new IllegalArgumentException("chunk of " + size);
    }
}
