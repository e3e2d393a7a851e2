package io.switchboard.delivery.boundary.ws;

import io.switchboard.identity.control.InvalidToken;
import io.switchboard.identity.control.TokenVerifier;
import io.switchboard.platform.socket.HttpResponses;
import io.switchboard.platform.socket.UpgradeRequest;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides an upgrade on Switchboard's own transport the way Liberty decides it on its own: the request must be a
 * WebSocket upgrade of {@code /ws}, carry a valid token (a browser's cookie wins over a header, as in server.xml's
 * auth filters) of a caller in the {@code user} or {@code admin} group, and a cookie-authenticated upgrade must come
 * from an allowed page ({@link AllowedOrigins}).
 */
final class Handshake {

    private static final Logger LOG = Logger.getLogger(Handshake.class.getName());
    private static final String PATH = "/ws";
    private static final Set<String> ROLES = Set.of("user", "admin");

    private final TokenVerifier verifier;
    private final String cookieName;
    private final AllowedOrigins allowedOrigins;

    Handshake(TokenVerifier verifier, String cookieName, AllowedOrigins allowedOrigins) {
        this.verifier = verifier;
        this.cookieName = cookieName;
        this.allowedOrigins = allowedOrigins;
    }

    /** The caller's user id, or the response that refuses the upgrade. */
    record Outcome(String user, ByteBuffer refusal) {

        static Outcome refused(int status, String code, String message, Map<String, String> headers) {
            return new Outcome(null, HttpResponses.error(status, code, message, headers));
        }
    }

    Outcome decide(UpgradeRequest request) {
        var invalid = request.refusal();
        if (invalid != null) {
            return Outcome.refused(invalid.status(), "bad_request", invalid.getMessage(), invalid.headers());
        }
        if (!PATH.equals(request.path())) {
            return Outcome.refused(404, "not_found", "There is no socket at this path; use " + PATH + ".",
                    Map.of());
        }
        String cookie = request.cookie(cookieName);
        String token = cookie != null ? cookie : bearer(request.header("authorization"));
        if (token == null) {
            return Outcome.refused(401, "unauthorized", "A token is required.",
                    Map.of("WWW-Authenticate", "Bearer realm=\"switchboard\""));
        }
        TokenVerifier.Caller caller;
        try {
            caller = verifier.verify(token);
        } catch (InvalidToken e) {
            LOG.fine(() -> "event=refused reason=invalid_token detail=" + e.getMessage());
            return Outcome.refused(401, "invalid_token", e.getMessage(), Map.of("WWW-Authenticate",
                    "Bearer realm=\"switchboard\", error=\"invalid_token\""));
        } catch (IllegalStateException e) {
            // The trusted keys cannot be read: the server's fault, and the client may try again later.
            LOG.log(Level.WARNING, "event=token_keys_unreadable", e);
            return Outcome.refused(503, "unavailable", "Tokens cannot be verified right now; try again later.",
                    Map.of());
        }
        if (caller.groups().stream().noneMatch(ROLES::contains)) {
            return Outcome.refused(403, "forbidden", "The token's groups hold neither user nor admin.", Map.of());
        }
        String origin = request.header("origin");
        if (origin != null && request.header("authorization") == null
                && !allowedOrigins.permit(origin, "http", request.header("host"))) {
            LOG.info(() -> "event=refused reason=origin user=" + caller.name());
            return Outcome.refused(403, "forbidden", "This origin may not open a socket with a cookie.", Map.of());
        }
        return new Outcome(caller.name(), null);
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
