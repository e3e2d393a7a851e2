package io.switchboard.sync.control;

import io.switchboard.platform.ErrorCode;
import io.switchboard.platform.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** An opaque sync position: the instant from which changes are reported. */
public record SyncToken(Instant watermark) {

    static final String PREFIX = "v1:";
    /** Commits that were under way while a sync read the store carry earlier times; they are reported again. */
    public static final Duration OVERLAP = Duration.ofSeconds(5);

    public static SyncToken startingAt(Instant syncStart) {
        return new SyncToken(syncStart.minus(OVERLAP));
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + watermark.toEpochMilli()).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws Refusal invalid_field for a token this server never made, sync_token_expired for one too old */
    public static SyncToken decode(String token, Instant oldestAccepted) {
        SyncToken decoded;
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            decoded = new SyncToken(Instant.ofEpochMilli(Long.parseLong(text.substring(PREFIX.length()))));
        } catch (IllegalArgumentException e) {
            throw new Refusal(ErrorCode.INVALID_FIELD, "since is not a sync token from this server.");
        }
        if (decoded.watermark().isBefore(oldestAccepted)) {
            throw new Refusal(ErrorCode.SYNC_TOKEN_EXPIRED,
                    "The sync token has expired; sync again without since to get the whole list.");
        }
        return decoded;
    }
}
