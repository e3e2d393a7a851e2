package io.switchboard.delivery.boundary.ws;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a cookie-authenticated upgrade from a foreign page: a browser sends the cookie to any site that opens a
 * socket to us, so the Origin decides. Header-authenticated clients cannot be driven by a foreign page and pass.
 */
@WebFilter(urlPatterns = "/ws")
public class OriginCheck extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(OriginCheck.class.getName());

    @Inject
    @ConfigProperty(name = "switchboard.ws.allowed-origins", defaultValue = " ")
    String allowedOrigins;

    private AllowedOrigins allowed;

    @Override
    public void init() {
        allowed = AllowedOrigins.parse(allowedOrigins);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null || request.getHeader("Authorization") != null
                || allowed.permit(origin, request.getScheme(), request.getHeader("Host"))) {
            chain.doFilter(request, response);
            return;
        }
        LOG.info(() -> "event=refused reason=origin origin=" + origin + " user=" + request.getRemoteUser());
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.getWriter().write("{\"code\":\"forbidden\",\"message\":\"Origin " + origin.replace("\"", "")
                + " may not open a socket with a cookie.\"}");
    }
}
