package io.switchboard.identity.control;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Verifies the RS256 JWTs that Liberty's mpJwt verifies for HTTP, for a transport that runs outside Liberty's HTTP
 * stack: same configuration keys, same rules, same caller. It keeps no state per token, so one instance serves every
 * thread.
 */
public final class TokenVerifier {

    /** Far above any real token (ours are under 1 KB), low enough that a hostile one is refused before decoding. */
    static final int MAX_LENGTH = 16 * 1024;
    static final Duration DEFAULT_SKEW = Duration.ofMinutes(5);

    private final PublicKeys keys;
    private final ClaimRules rules;

    /** Who a token says is calling. */
    public record Caller(String name, Set<String> groups) {
        public Caller {
            groups = Set.copyOf(groups);
        }
    }

    /**
     * @param issuer the {@code iss} every token must carry; empty accepts any issuer
     * @param audiences the {@code aud} values of which a token must carry one; empty does not check {@code aud}
     */
    public TokenVerifier(PublicKeys keys, String issuer, Set<String> audiences, Duration clockSkew, Clock clock) {
        this.keys = keys;
        this.rules = new ClaimRules(issuer, audiences, clockSkew, clock);
    }

    /**
     * Reads the MicroProfile JWT keys Liberty's mpJwt reads. When both key properties are set, the inline key wins,
     * as with Liberty; a verifier that refused to start would lock out callers whom HTTP lets in.
     */
    public static TokenVerifier fromConfig(Config config) {
        String inline = text(config, "mp.jwt.verify.publickey");
        String location = text(config, "mp.jwt.verify.publickey.location");
        if (inline.isEmpty() && location.isEmpty()) {
            throw new IllegalStateException("Neither mp.jwt.verify.publickey nor mp.jwt.verify.publickey.location"
                    + " is set: no token can be verified.");
        }
        return new TokenVerifier(inline.isEmpty() ? PublicKeys.at(location) : PublicKeys.inline(inline),
                text(config, "mp.jwt.verify.issuer"), audiences(text(config, "mp.jwt.verify.audiences")),
                config.getOptionalValue("switchboard.socket.token-clock-skew", Duration.class).orElse(DEFAULT_SKEW),
                Clock.systemUTC());
    }

    /**
     * @throws InvalidToken when the token does not prove a caller
     * @throws IllegalStateException when the trusted keys cannot be read: the server's fault, not the caller's
     */
    public Caller verify(String token) {
        if (token == null || token.isEmpty()) {
            throw new InvalidToken("There is no token.");
        }
        if (token.length() > MAX_LENGTH) {
            throw new InvalidToken("The token is longer than 16 KB.");
        }
        SignedJwt jwt = SignedJwt.parse(token);
        checkHeader(jwt.header());
        if (!jwt.isSignedBy(keys.forKid(jwt.header().getString("kid", "")))) {
            throw new InvalidToken("The token's signature does not verify.");
        }
        return rules.caller(jwt.claims());
    }

    /** The algorithm is fixed, never taken from the token: "none" or HS256 keyed with the public key would forge. */
    private static void checkHeader(JsonObject header) {
        if (!"RS256".equals(header.getString("alg", null))) {
            throw new InvalidToken("The token is not signed with RS256.");
        }
        if (header.containsKey("crit")) {
            throw new InvalidToken("The token requires header extensions (crit) that are not supported.");
        }
    }

    private static String text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).orElse("");
    }

    static Set<String> audiences(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(audience -> !audience.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
