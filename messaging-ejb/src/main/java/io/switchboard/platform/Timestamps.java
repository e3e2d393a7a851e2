package io.switchboard.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The current time at the precision every supported database keeps (PostgreSQL stores microseconds), so that a
 * value read back equals the value first handed out: a repeated send must return the original acknowledgement.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
