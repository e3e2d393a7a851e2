package io.switchboard.identity.boundary.rest;

import io.switchboard.identity.boundary.DevTokenIssuer;
import io.switchboard.platform.ErrorCode;
import io.switchboard.platform.Refusal;
import io.switchboard.platform.rest.ApiError;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/** The development issuer's door: unauthenticated by design, and answering 404 once production turns it off. */
@Path("dev/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DevTokensResource {

    public static final String COOKIE = "switchboard_token";
    static final long DEFAULT_TTL_SECONDS = 3600;

    public record TokenRequest(String user, List<String> groups, Long ttlSeconds, Boolean cookie) {
    }

    public record TokenAnswer(String token, String expiresAt) {
    }

    @EJB
    DevTokenIssuer issuer;

    @POST
    public Response issue(TokenRequest request) {
        if (!issuer.enabled()) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("not_found", "The development token issuer is turned off.")).build();
        }
        if (request == null || request.user() == null || request.user().isBlank()) {
            throw new Refusal(ErrorCode.MISSING_FIELD, "user is required.");
        }
        var token = issuer.issue(request.user(), request.groups() == null ? List.of("user") : request.groups(),
                Duration.ofSeconds(request.ttlSeconds() == null ? DEFAULT_TTL_SECONDS : request.ttlSeconds()));
        var answer = Response.ok(new TokenAnswer(token.token(), token.expiresAt().toString()));
        if (Boolean.TRUE.equals(request.cookie())) {
            answer.cookie(new NewCookie.Builder(COOKIE).value(token.token()).path("/").httpOnly(true)
                    .sameSite(NewCookie.SameSite.STRICT)
                    .maxAge((int) Duration.between(java.time.Instant.now(), token.expiresAt()).toSeconds()).build());
        }
        return answer.build();
    }
}
