package io.switchboard.identity.control;

import io.switchboard.identity.control.TokenVerifier.Caller;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the claims of a token with a good signature must say, the way Liberty's mpJwt judges them: the time claims
 * within the clock skew, the configured issuer and one of the configured audiences, and a user name.
 */
record ClaimRules(String issuer, Set<String> audiences, Duration skew, Clock clock) {

    /** The claims Liberty takes the user's name from, in the order it tries them. */
    private static final List<String> NAME_CLAIMS = List.of("upn", "preferred_username", "sub");

    ClaimRules {
        audiences = Set.copyOf(audiences);
        if (skew.isNegative()) {
            throw new IllegalArgumentException("The clock skew must not be negative.");
        }
    }

    Caller caller(JsonObject claims) {
        checkTimes(claims);
        if (!issuer.isEmpty() && !issuer.equals(claims.getString("iss", null))) {
            throw new InvalidToken("The token's issuer is not trusted.");
        }
        if (!audiences.isEmpty() && audiences.stream().noneMatch(audienceOf(claims)::contains)) {
            throw new InvalidToken("The token is not for this service (audience).");
        }
        return new Caller(name(claims), groups(claims));
    }

    private void checkTimes(JsonObject claims) {
        // Seconds as doubles: NumericDate may be fractional, and a huge value must not overflow into the past.
        double now = clock.millis() / 1000.0;
        double slack = skew.toMillis() / 1000.0;
        Double expiry = seconds(claims, "exp");
        if (expiry == null) {
            throw new InvalidToken("The token has no expiry (exp).");
        }
        if (now >= expiry + slack) {
            throw new InvalidToken("The token has expired.");
        }
        Double notBefore = seconds(claims, "nbf");
        if (notBefore != null && now < notBefore - slack) {
            throw new InvalidToken("The token is not valid yet (nbf).");
        }
        Double issuedAt = seconds(claims, "iat");
        if (issuedAt != null && issuedAt > now + slack) {
            throw new InvalidToken("The token was issued in the future (iat).");
        }
    }

    private static Double seconds(JsonObject claims, String name) {
        JsonValue value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            return number.doubleValue();
        }
        throw new InvalidToken("The token's " + name + " claim is not a number.");
    }

    private static Set<String> audienceOf(JsonObject claims) {
        JsonValue aud = claims.get("aud");
        if (aud instanceof JsonString single) {
            return Set.of(single.getString());
        }
        return aud instanceof JsonArray many ? strings(many) : Set.of();
    }

    private static String name(JsonObject claims) {
        return NAME_CLAIMS.stream().map(claim -> claims.getString(claim, ""))
                .filter(name -> !name.isBlank()).findFirst()
                .orElseThrow(() -> new InvalidToken(
                        "The token does not name its user (upn, preferred_username or sub)."));
    }

    private static Set<String> groups(JsonObject claims) {
        JsonValue groups = claims.get("groups");
        if (groups == null || groups.getValueType() == JsonValue.ValueType.NULL) {
            return Set.of();
        }
        if (groups instanceof JsonArray array && array.stream().allMatch(JsonString.class::isInstance)) {
            return strings(array);
        }
        throw new InvalidToken("The token's groups are not a list of names.");
    }

    private static Set<String> strings(JsonArray array) {
        var strings = new HashSet<String>();
        for (JsonValue value : array) {
            if (value instanceof JsonString string) {
                strings.add(string.getString());
            }
        }
        return strings;
    }
}
