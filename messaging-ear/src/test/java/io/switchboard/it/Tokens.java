package io.switchboard.it;

import io.smallrye.jwt.build.Jwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Real RS256 tokens, signed in the test with the key the server trusts: the development issuer's, which the server
 * keeps in its data directory, or (for the production-like server) an external issuer's test key. A stranger's key
 * proves the server refuses what it does not trust.
 */
final class Tokens {

    static final String ISSUER = System.getProperty("it.token.issuer", "switchboard-dev");
    static final boolean DEV_ISSUER = Boolean.parseBoolean(System.getProperty("it.dev.issuer", "true"));
    static final String AUDIENCE = "switchboard";

    private Tokens() {
    }

    static String user(String name) {
        return token(name, Set.of("user"), ISSUER, AUDIENCE, Instant.now().plusSeconds(3600), serverKey());
    }

    static String admin(String name) {
        return token(name, Set.of("user", "admin"), ISSUER, AUDIENCE, Instant.now().plusSeconds(3600), serverKey());
    }

    static String expired(String name) {
        return token(name, Set.of("user"), ISSUER, AUDIENCE, Instant.now().minusSeconds(3600), serverKey());
    }

    static String wrongIssuer(String name) {
        return token(name, Set.of("user"), "https://someone-else.example", AUDIENCE,
                Instant.now().plusSeconds(3600), serverKey());
    }

    static String wrongAudience(String name) {
        return token(name, Set.of("user"), ISSUER, "another-service", Instant.now().plusSeconds(3600), serverKey());
    }

    static String strangerSigned(String name) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return token(name, Set.of("user"), ISSUER, AUDIENCE, Instant.now().plusSeconds(3600),
                    generator.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(String user, Set<String> groups, String issuer, String audience, Instant expiresAt,
            PrivateKey key) {
        return Jwt.issuer(issuer).audience(audience).subject(user).upn(user).groups(groups)
                .issuedAt(expiresAt.minusSeconds(7200)).expiresAt(expiresAt).jws().sign(key);
    }

    private static PrivateKey serverKey() {
        try {
            String pem = Files.readString(keyFile());
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the server's development key", e);
        }
    }

    private static Path keyFile() {
        String external = System.getProperty("it.token.key");
        return external != null ? Path.of(external) : TestServer.DATA_DIR.resolve("keys/dev-jwt-signing.key.pem");
    }
}
