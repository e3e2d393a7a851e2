package io.switchboard.identity.control;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The keys tokens are trusted from, found the MicroProfile JWT way: inline ({@code mp.jwt.verify.publickey}) or at a
 * location ({@code mp.jwt.verify.publickey.location}). They are read at first use and kept. A location is read again
 * when a token names a key it does not hold, so that an issuer's new key is trusted once published; at most once a
 * minute, so that tokens with made-up key ids cannot make the server hammer the issuer.
 */
public final class PublicKeys {

    static final Duration REFETCH_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(PublicKeys.class.getName());

    private final String description;
    private final Supplier<String> source;
    private final boolean rereadable;
    private final Clock clock;
    private volatile KeyRing ring;
    private volatile Instant lastRead = Instant.MIN;
    private IllegalStateException lastFailure;

    private PublicKeys(String description, Supplier<String> source, boolean rereadable, Clock clock) {
        this.description = description;
        this.source = source;
        this.rereadable = rereadable;
        this.clock = clock;
    }

    /** The key document itself: a PEM public key, a JWK or a JWK set. */
    public static PublicKeys inline(String text) {
        return new PublicKeys("the key in mp.jwt.verify.publickey", () -> text, false, Clock.systemUTC());
    }

    /** A file path, a {@code file:} URL or an {@code http:}/{@code https:} URL of a key document. */
    public static PublicKeys at(String location) {
        return at(location, Clock.systemUTC());
    }

    static PublicKeys at(String location, Clock clock) {
        return new PublicKeys("the keys at " + location, () -> KeyLocation.read(location), true, clock);
    }

    /**
     * The key that should have signed a token whose header names {@code kid} (empty when it names none).
     *
     * @throws InvalidToken when no trusted key fits
     * @throws IllegalStateException when the keys cannot be read or understood
     */
    public PublicKey forKid(String kid) {
        KeyRing current = current();
        if (current.named(kid).isEmpty() && !kid.isEmpty() && rereadable && isDue()) {
            current = reread(current);
        }
        return pick(current, kid);
    }

    private static PublicKey pick(KeyRing keys, String kid) {
        return keys.named(kid).or(() -> keys.fallback(kid))
                .orElseThrow(() -> new InvalidToken("The token's signing key is not among the trusted keys."));
    }

    private KeyRing current() {
        KeyRing current = ring;
        return current != null ? current : firstRead();
    }

    /** A source that failed is tried again only after the interval, so that a dead issuer is not asked per connect. */
    private synchronized KeyRing firstRead() {
        if (ring == null) {
            if (lastFailure != null && !isDue()) {
                throw new IllegalStateException(lastFailure.getMessage(), lastFailure);
            }
            try {
                ring = read();
                lastFailure = null;
            } catch (IllegalStateException e) {
                lastFailure = e;
                throw e;
            }
        }
        return ring;
    }

    /** Keeps the keys it has when the source fails now: tokens signed with them are still good. */
    private synchronized KeyRing reread(KeyRing seen) {
        if (ring == seen && isDue()) {
            try {
                ring = read();
            } catch (IllegalStateException e) {
                LOG.log(Level.WARNING, "Keeping the trusted keys read before: {0}", e.getMessage());
            }
        }
        return ring;
    }

    private boolean isDue() {
        return !clock.instant().isBefore(lastRead.plus(REFETCH_INTERVAL));
    }

    private KeyRing read() {
        lastRead = clock.instant();
        String text = source.get();
        try {
            return KeyRing.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Tokens cannot be verified with " + description + ": " + e.getMessage() + ".", e);
        }
    }
}
