package io.switchboard.sync.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.switchboard.platform.ErrorCode;
import io.switchboard.platform.Refusal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncTokenTest {

    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aTokenStartsBeforeItsSyncByTheOverlapAndRoundTrips() {
        var cut = SyncToken.startingAt(now);
        assertThat(cut.watermark()).isEqualTo(now.minus(SyncToken.OVERLAP));
        assertThat(SyncToken.decode(cut.encode(), now.minusSeconds(3600))).isEqualTo(cut);
    }

    @Test
    void aTokenThisServerNeverMadeIsInvalid() {
        assertThat(refusal("not-a-token")).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(refusal("djE6eHl6")).as("v1:xyz").isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(refusal("%%%")).isEqualTo(ErrorCode.INVALID_FIELD);
    }

    @Test
    void aTokenOlderThanTheOldestAcceptedHasExpired() {
        String old = SyncToken.startingAt(now.minusSeconds(7200)).encode();
        assertThat(catchThrowableOfType(Refusal.class, () -> SyncToken.decode(old, now.minusSeconds(3600))).code())
                .isEqualTo(ErrorCode.SYNC_TOKEN_EXPIRED);
    }

    private ErrorCode refusal(String token) {
        return catchThrowableOfType(Refusal.class, () -> SyncToken.decode(token, Instant.EPOCH)).code();
    }
}
