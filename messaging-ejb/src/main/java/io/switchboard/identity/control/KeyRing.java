package io.switchboard.identity.control;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The RSA keys of one key document, in the formats MicroProfile JWT accepts: a PEM public key, a JWK, a JWK set, the
 * two JSON forms also base64url-encoded, and base64 DER without the PEM lines.
 */
record KeyRing(List<Entry> entries) {

    /** jose4j, which Liberty verifies with, refuses shorter RSA keys; so do we, rather than accept more than HTTP. */
    static final int MIN_BITS = 2048;

    /** One key and its {@code kid}, empty where the document names none (PEM). */
    record Entry(String kid, RSAPublicKey key) {
    }

    KeyRing {
        entries = List.copyOf(entries);
    }

    /** @throws IllegalArgumentException with the reason the text holds no usable key */
    static KeyRing parse(String text) {
        String trimmed = text.strip();
        List<Entry> keys;
        if (trimmed.startsWith("{")) {
            keys = fromJson(trimmed);
        } else if (trimmed.startsWith("-----BEGIN PUBLIC KEY-----")) {
            keys = List.of(fromDer("", SigningKeys.der(trimmed)));
        } else if (trimmed.startsWith("-----BEGIN")) {
            throw new IllegalArgumentException("only a PEM \"PUBLIC KEY\" (X.509 SubjectPublicKeyInfo) is accepted");
        } else {
            byte[] decoded = decode(trimmed);
            keys = decoded.length > 0 && decoded[0] == '{'
                    ? fromJson(new String(decoded, StandardCharsets.UTF_8)) : List.of(fromDer("", decoded));
        }
        var usable = keys.stream().filter(entry -> entry.key().getModulus().bitLength() >= MIN_BITS).toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("it holds no RSA signing key of " + MIN_BITS + " bits or more");
        }
        return new KeyRing(usable);
    }

    /** The key named {@code kid}. */
    Optional<RSAPublicKey> named(String kid) {
        return entries.stream().filter(entry -> entry.kid().equals(kid)).findFirst().map(Entry::key);
    }

    /** The key for a token that names none, or names one the ring does not know: only an unambiguous one. */
    Optional<RSAPublicKey> fallback(String kid) {
        if (entries.size() == 1 || kid.isEmpty()) {
            // With no kid, Liberty takes the first key of a set; the signature still has to verify with it.
            return Optional.of(entries.get(0).key());
        }
        return Optional.empty();
    }

    private static List<Entry> fromJson(String json) {
        try (var reader = JsonProvider.provider().createReader(new StringReader(json))) {
            JsonObject document = reader.readObject();
            if (!document.containsKey("keys")) {
                return fromJwk(document).stream().toList();
            }
            var keys = new ArrayList<Entry>();
            for (JsonValue key : document.getJsonArray("keys")) {
                if (key instanceof JsonObject jwk) {
                    fromJwk(jwk).ifPresent(keys::add);
                }
            }
            return keys;
        } catch (JsonException | ClassCastException e) {
            throw new IllegalArgumentException("it is not a JWK or JWK set", e);
        }
    }

    /** Keys of other types, or meant for encryption, are left out of the set, not errors in it. */
    private static Optional<Entry> fromJwk(JsonObject jwk) {
        if (!"RSA".equals(jwk.getString("kty", null)) || !"sig".equals(jwk.getString("use", "sig"))) {
            return Optional.empty();
        }
        try {
            var spec = new RSAPublicKeySpec(unsigned(jwk.getString("n")), unsigned(jwk.getString("e")));
            return Optional.of(new Entry(jwk.getString("kid", ""),
                    (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec)));
        } catch (GeneralSecurityException | NullPointerException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalArgumentException("an RSA JWK lacks a valid modulus (n) or exponent (e)", e);
        }
    }

    private static Entry fromDer(String kid, byte[] der) {
        try {
            return new Entry(kid, (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("it is not an RSA public key", e);
        }
    }

    private static BigInteger unsigned(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }

    /** Either alphabet: DER is usually standard base64, an encoded JWK base64url. */
    private static byte[] decode(String text) {
        try {
            return Base64.getMimeDecoder().decode(text.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("it is neither PEM, JSON nor base64", e);
        }
    }
}
