package io.switchboard.identity.control;

import jakarta.json.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/** Key pairs, key documents and hand-built tokens for the verifier's tests; the pairs are made once per run. */
final class TestKeys {

    static final KeyPair FIRST = generate(2048);
    static final KeyPair SECOND = generate(2048);

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private TestKeys() {
    }

    static KeyPair generate(int bits) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(PublicKey key) {
        return SigningKeys.pem("PUBLIC KEY", key.getEncoded());
    }

    static String jwk(String kid, String use, PublicKey key) {
        var rsa = (RSAPublicKey) key;
        var jwk = Json.createObjectBuilder().add("kty", "RSA").add("kid", kid).add("use", use)
                .add("n", unsigned(rsa.getModulus())).add("e", unsigned(rsa.getPublicExponent()));
        return jwk.build().toString();
    }

    static String jwks(String... jwks) {
        return "{\"keys\":[" + String.join(",", jwks) + "]}";
    }

    /** A JWS signed with RS256 whatever the header claims, so that the header alone decides what is tested. */
    static String token(Map<String, ?> header, Map<String, ?> claims, PrivateKey key) {
        String signingInput = segment(header) + "." + segment(claims);
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static String segment(Map<String, ?> json) {
        String text = Json.createObjectBuilder((Map<String, Object>) json).build().toString();
        return URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String base64url(byte[] bytes) {
        return URL.encodeToString(bytes);
    }

    /** JWK integers are unsigned big-endian, without the sign byte BigInteger adds. */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return URL.encodeToString(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }
}
