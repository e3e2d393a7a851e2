package io.switchboard.identity.control;

import static io.switchboard.identity.control.TestKeys.FIRST;
import static io.switchboard.identity.control.TestKeys.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.switchboard.identity.control.TokenVerifier.Caller;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenVerifierTest {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final String ISSUER = "switchboard-dev";
    static final String AUDIENCE = "switchboard";
    static final Map<String, String> RS256 = Map.of("alg", "RS256", "typ", "JWT");

    TokenVerifier cut = verifier(PublicKeys.inline(TestKeys.pem(FIRST.getPublic())), ISSUER, Set.of(AUDIENCE));
    TokenMinter minter = new TokenMinter(FIRST.getPrivate(), ISSUER, AUDIENCE);

    @TempDir
    Path dir;

    @Test
    void aMintedTokenNamesItsCallerAndGroups() {
        String token = minter.mint("alice", List.of("user", "admin"), NOW.minusSeconds(60), NOW.plusSeconds(3600));
        assertThat(cut.verify(token)).isEqualTo(new Caller("alice", Set.of("user", "admin")));
    }

    @Test
    void anExpiredTokenIsRefusedButTheClockSkewIsAllowed() {
        Instant issued = NOW.minus(Duration.ofHours(1));
        assertThat(refusal(minter.mint("alice", List.of(), issued, NOW.minus(Duration.ofMinutes(6)))))
                .isEqualTo("The token has expired.");
        assertThat(cut.verify(minter.mint("alice", List.of(), issued, NOW.minus(Duration.ofMinutes(4)))).name())
                .isEqualTo("alice");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        var stranger = new TokenMinter(FIRST.getPrivate(), "someone-else", AUDIENCE);
        assertThat(refusal(stranger.mint("alice", List.of(), NOW, NOW.plusSeconds(60))))
                .isEqualTo("The token's issuer is not trusted.");
    }

    @Test
    void aTokenForAnotherServiceIsRefused() {
        var elsewhere = new TokenMinter(FIRST.getPrivate(), ISSUER, "billing");
        assertThat(refusal(elsewhere.mint("alice", List.of(), NOW, NOW.plusSeconds(60))))
                .isEqualTo("The token is not for this service (audience).");
    }

    @Test
    void anAudienceArrayNeedsOneOfTheConfiguredAudiences() {
        cut = verifier(PublicKeys.inline(TestKeys.pem(FIRST.getPublic())), ISSUER, Set.of("chat", AUDIENCE));
        var claims = claims();
        claims.put("aud", List.of("billing", AUDIENCE));
        assertThat(cut.verify(signed(claims)).name()).isEqualTo("alice");
        claims.put("aud", List.of("billing", "reports"));
        assertThat(refusal(signed(claims))).isEqualTo("The token is not for this service (audience).");
        claims.remove("aud");
        assertThat(refusal(signed(claims))).isEqualTo("The token is not for this service (audience).");
    }

    @Test
    void withNoIssuerOrAudienceConfiguredNeitherIsChecked() {
        cut = verifier(PublicKeys.inline(TestKeys.pem(FIRST.getPublic())), "", Set.of());
        var claims = claims();
        claims.put("iss", "anyone");
        claims.remove("aud");
        assertThat(cut.verify(signed(claims)).name()).isEqualTo("alice");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        var forger = new TokenMinter(SECOND.getPrivate(), ISSUER, AUDIENCE);
        assertThat(refusal(forger.mint("alice", List.of("admin"), NOW, NOW.plusSeconds(60))))
                .isEqualTo("The token's signature does not verify.");
    }

    @Test
    void aTamperedPayloadBreaksTheSignature() {
        String[] parts = minter.mint("alice", List.of("user"), NOW, NOW.plusSeconds(60)).split("\\.");
        var claims = claims();
        claims.put("groups", List.of("user", "admin"));
        assertThat(refusal(parts[0] + "." + TestKeys.segment(claims) + "." + parts[2]))
                .isEqualTo("The token's signature does not verify.");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String unsigned = TestKeys.segment(Map.of("alg", "none")) + "." + TestKeys.segment(claims());
        assertThat(refusal(unsigned + ".")).isEqualTo("The token is not a signed JWT.");
        assertThat(refusal(unsigned + ".c2lnbmF0dXJl")).isEqualTo("The token is not signed with RS256.");
        assertThat(refusal(TestKeys.token(Map.of("alg", "None"), claims(), FIRST.getPrivate())))
                .isEqualTo("The token is not signed with RS256.");
    }

    @Test
    void hs256KeyedWithThePublicKeyIsRefused() throws Exception {
        // The classic algorithm confusion: a verifier that lets the header choose would check this HMAC and pass it.
        for (byte[] secret : List.of(TestKeys.pem(FIRST.getPublic()).getBytes(StandardCharsets.US_ASCII),
                FIRST.getPublic().getEncoded())) {
            String signingInput = TestKeys.segment(Map.of("alg", "HS256")) + "." + TestKeys.segment(claims());
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] hmac = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            String token = signingInput + "." + TestKeys.base64url(hmac);
            assertThat(refusal(token)).isEqualTo("The token is not signed with RS256.");
        }
    }

    @Test
    void aTokenWithCriticalHeaderExtensionsIsRefused() {
        var header = Map.of("alg", "RS256", "crit", List.of("exp-policy"), "exp-policy", "strict");
        assertThat(refusal(TestKeys.token(header, claims(), FIRST.getPrivate()))).contains("(crit)");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        var claims = claims();
        claims.remove("exp");
        assertThat(refusal(signed(claims))).isEqualTo("The token has no expiry (exp).");
        claims.put("exp", "tomorrow");
        assertThat(refusal(signed(claims))).isEqualTo("The token's exp claim is not a number.");
    }

    @Test
    void aTokenNotValidYetIsRefusedButTheClockSkewIsAllowed() {
        var claims = claims();
        claims.put("nbf", NOW.plus(Duration.ofMinutes(6)).getEpochSecond());
        assertThat(refusal(signed(claims))).isEqualTo("The token is not valid yet (nbf).");
        claims.put("nbf", NOW.plus(Duration.ofMinutes(4)).getEpochSecond());
        assertThat(cut.verify(signed(claims)).name()).isEqualTo("alice");
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        var claims = claims();
        claims.put("iat", NOW.plus(Duration.ofMinutes(6)).getEpochSecond());
        assertThat(refusal(signed(claims))).isEqualTo("The token was issued in the future (iat).");
    }

    @Test
    void theCallerIsTheUpnElseThePreferredUsernameElseTheSubject() {
        var claims = claims();
        claims.put("preferred_username", "al");
        claims.put("sub", "u-17");
        assertThat(cut.verify(signed(claims)).name()).isEqualTo("alice");
        claims.remove("upn");
        assertThat(cut.verify(signed(claims)).name()).isEqualTo("al");
        claims.remove("preferred_username");
        assertThat(cut.verify(signed(claims)).name()).isEqualTo("u-17");
        claims.remove("sub");
        assertThat(refusal(signed(claims))).contains("does not name its user");
    }

    @Test
    void groupsMayBeAbsentButNotMalformed() {
        var claims = claims();
        claims.remove("groups");
        assertThat(cut.verify(signed(claims)).groups()).isEmpty();
        claims.put("groups", "admin");
        assertThat(refusal(signed(claims))).isEqualTo("The token's groups are not a list of names.");
    }

    @Test
    void aKeySetPicksTheKeyTheTokenNames() {
        String set = TestKeys.jwks(TestKeys.jwk("one", "sig", FIRST.getPublic()),
                TestKeys.jwk("two", "sig", SECOND.getPublic()));
        cut = verifier(PublicKeys.inline(set), ISSUER, Set.of(AUDIENCE));
        var named = TestKeys.token(Map.of("alg", "RS256", "kid", "two"), claims(), SECOND.getPrivate());
        assertThat(cut.verify(named).name()).isEqualTo("alice");
        assertThat(refusal(TestKeys.token(Map.of("alg", "RS256", "kid", "one"), claims(), SECOND.getPrivate())))
                .isEqualTo("The token's signature does not verify.");
        assertThat(refusal(TestKeys.token(Map.of("alg", "RS256", "kid", "three"), claims(), SECOND.getPrivate())))
                .isEqualTo("The token's signing key is not among the trusted keys.");
    }

    @Test
    void aSingleKeyIsUsedWhateverTheKid() {
        cut = verifier(PublicKeys.inline(TestKeys.jwk("one", "sig", FIRST.getPublic())), ISSUER, Set.of(AUDIENCE));
        var header = Map.of("alg", "RS256", "kid", "rotated-away");
        assertThat(cut.verify(TestKeys.token(header, claims(), FIRST.getPrivate())).name()).isEqualTo("alice");
    }

    @Test
    void aTokenOver16KilobytesIsRefusedUnread() {
        assertThat(refusal("a".repeat(TokenVerifier.MAX_LENGTH + 1))).isEqualTo("The token is longer than 16 KB.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "abc.def", "a.b.c.d", ".eyJ9.c2ln", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln=",
            "eyJhbGciOiJSUzI1NiJ9.e30.c2l+", "eyJhbGciOiJSUzI1NiJ9 .e30.c2ln", "bm90IGpzb24.e30.c2ln", "W10.e30.c2ln",
            "a.e30.c2ln"})
    void whatIsNotACompactSignedJwtIsRefused(String token) {
        assertThat(refusal(token)).isEqualTo("The token is not a signed JWT.");
    }

    @Test
    void fromConfigReadsTheMicroProfileJwtKeysAndTheSkew() throws Exception {
        Path key = Files.writeString(dir.resolve("issuer.pem"), TestKeys.pem(FIRST.getPublic()));
        Instant now = Instant.now();
        String lateToken = minter.mint("alice", List.of("user"), now.minus(Duration.ofHours(1)), now.minusSeconds(120));
        var settings = new LinkedHashMap<String, String>(Map.of("mp.jwt.verify.publickey.location", key.toString(),
                "mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.audiences", "chat, switchboard"));

        assertThat(TokenVerifier.fromConfig(config(settings)).verify(lateToken).name()).isEqualTo("alice");

        settings.put("switchboard.socket.token-clock-skew", "PT1M");
        cut = TokenVerifier.fromConfig(config(settings));
        assertThat(refusal(lateToken)).isEqualTo("The token has expired.");
    }

    @Test
    void oneVerifierServesManyThreadsAtOnce() {
        String token = minter.mint("alice", List.of("user"), NOW, NOW.plusSeconds(60));
        String forged = new TokenMinter(SECOND.getPrivate(), ISSUER, AUDIENCE).mint("alice", List.of(), NOW,
                NOW.plusSeconds(60));
        long accepted = IntStream.range(0, 400).parallel().filter(i -> {
            try {
                cut.verify(i % 2 == 0 ? token : forged);
                return true;
            } catch (InvalidToken e) {
                return false;
            }
        }).count();
        assertThat(accepted).isEqualTo(200);
    }

    /** The refusal's message, which must not repeat any part of the token. */
    private String refusal(String token) {
        try {
            Caller caller = cut.verify(token);
            throw new AssertionError("The token was accepted for " + caller);
        } catch (InvalidToken e) {
            for (String part : token.split("\\.")) {
                if (part.length() > 4) {
                    assertThat(e.getMessage()).doesNotContain(part);
                }
            }
            return e.getMessage();
        }
    }

    private static TokenVerifier verifier(PublicKeys keys, String issuer, Set<String> audiences) {
        return new TokenVerifier(keys, issuer, audiences, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Map<String, Object> claims() {
        var claims = new LinkedHashMap<String, Object>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("upn", "alice");
        claims.put("iat", NOW.minusSeconds(60).getEpochSecond());
        claims.put("exp", NOW.plusSeconds(600).getEpochSecond());
        claims.put("groups", List.of("user"));
        return claims;
    }

    private static String signed(Map<String, Object> claims) {
        return TestKeys.token(RS256, claims, FIRST.getPrivate());
    }

    private static Config config(Map<String, String> settings) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(settings, "test", 100)).build();
    }
}
