package io.switchboard.delivery.boundary.ws;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Keeps the WebSocket upgrade from creating an HTTP session. Liberty's handshake asks the request for its session,
 * which creates one for every connection: an object, an id and a cookie nobody uses, kept in memory for the session
 * timeout after the socket has gone. The endpoint needs no HTTP session, so the upgrade sees a request without one.
 */
@WebFilter(urlPatterns = "/ws")
public class SessionlessUpgrade extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public HttpSession getSession() {
                return null;
            }

            @Override
            public HttpSession getSession(boolean create) {
                return null;
            }
        }, response);
    }
}
