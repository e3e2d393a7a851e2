package io.switchboard.bench.proto.socketio;

import io.switchboard.bench.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reference peer's token: base64url (no padding) of the JSON claims {@code {"sub","exp"}}, a dot, and the
 * base64url HMAC-SHA256 of that first part under a shared secret. The peer's development secret is its default.
 */
public final class PeerToken {

    /** The peer's built-in development secret, used when neither --peer-secret nor PEER_SECRET is given. */
    public static final String DEVELOPMENT_SECRET = "peer-baseline-dev-secret";

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final Mac mac;

    public PeerToken(String secret) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public String sign(String subject, long expiresEpochSeconds) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("exp", expiresEpochSeconds);
        String body = B64URL.encodeToString(JsonWriter.write(claims).getBytes(StandardCharsets.UTF_8));
        byte[] signature = mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        return body + "." + B64URL.encodeToString(signature);
    }
}
