package io.switchboard.conversations.boundary;

import io.switchboard.platform.ErrorCode;
import io.switchboard.platform.Refusal;

/** A page request: seqs strictly between {@code after} and {@code before}; newest first when only before is given. */
public record HistoryQuery(Long after, Long before, int limit) {

    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 100;

    public HistoryQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new Refusal(ErrorCode.INVALID_FIELD, "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        if ((after != null && after < 0) || (before != null && before < 1)) {
            throw new Refusal(ErrorCode.INVALID_FIELD, "after must be 0 or more and before 1 or more.");
        }
    }

    boolean newestFirst() {
        return after == null && before != null;
    }

    long lower() {
        return after == null ? 0 : after;
    }

    long upper() {
        return before == null ? Long.MAX_VALUE : before;
    }
}
