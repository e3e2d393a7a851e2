package io.switchboard.identity.control;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/** A compact JWS split into its parts; the claims are parsed only once the signature has been checked. */
record SignedJwt(JsonObject header, byte[] payload, byte[] signingInput, byte[] signature) {

    /** Looking the JSON provider up costs a service-loader scan, too much to repeat at every connect. */
    private static final JsonReaderFactory JSON = JsonProvider.provider().createReaderFactory(Map.of());

    /** A Signature is not thread-safe and costs a provider lookup to make; initVerify resets it for each token. */
    private static final ThreadLocal<Signature> RS256 = ThreadLocal.withInitial(SignedJwt::newSignature);

    static SignedJwt parse(String token) {
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || second == token.length() - 1 || !isCompact(token)) {
            throw notSigned();
        }
        try {
            var decoder = Base64.getUrlDecoder();
            return new SignedJwt(object(decoder.decode(token.substring(0, first))),
                    decoder.decode(token.substring(first + 1, second)),
                    token.substring(0, second).getBytes(StandardCharsets.US_ASCII),
                    decoder.decode(token.substring(second + 1)));
        } catch (IllegalArgumentException | JsonException e) {
            throw notSigned();
        }
    }

    boolean isSignedBy(PublicKey key) {
        Signature verifier = RS256.get();
        try {
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A signature of the wrong length or shape is a forgery like any other.
            return false;
        }
    }

    JsonObject claims() {
        try {
            return object(payload);
        } catch (JsonException e) {
            throw new InvalidToken("The token's claims are not a JSON object.");
        }
    }

    /** Exactly two dots and base64url characters only: padding, whitespace or '+' would decode to something else. */
    private static boolean isCompact(String token) {
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!isBase64Url(c)) {
                return false;
            }
        }
        return dots == 2;
    }

    private static boolean isBase64Url(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    private static JsonObject object(byte[] json) {
        try (var reader = JSON.createReader(new ByteArrayInputStream(json), StandardCharsets.UTF_8)) {
            return reader.readObject();
        }
    }

    private static InvalidToken notSigned() {
        return new InvalidToken("The token is not a signed JWT.");
    }

    private static Signature newSignature() {
        try {
            return Signature.getInstance("SHA256withRSA");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime cannot verify SHA256withRSA signatures.", e);
        }
    }
}
