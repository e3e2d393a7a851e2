package io.switchboard.monitoring.boundary.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Prints where everything is once the web module is up, so that a newcomer can start at once. */
@ApplicationScoped
public class Banner {

    private static final Logger LOG = Logger.getLogger(Banner.class.getName());

    @Inject
    @ConfigProperty(name = "switchboard.public.host", defaultValue = "localhost")
    String host;

    @Inject
    @ConfigProperty(name = "default.http.port", defaultValue = "9080")
    String port;

    @Inject
    @ConfigProperty(name = "switchboard.dev-issuer.enabled", defaultValue = "true")
    boolean devIssuer;

    @Inject
    @ConfigProperty(name = "switchboard.socket.port", defaultValue = "-1")
    int socketPort;

    void print(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        String http = "http://" + host + ":" + port;
        LOG.info(() -> String.join("\n", "Switchboard is ready:",
                "  chat socket      ws://" + host + ":" + port + "/ws",
                "  own transport    " + (socketPort < 0 ? "off" : "ws://" + host + ":" + socketPort + "/ws"),
                "  REST API         " + http + "/api/conversations",
                "  token issuer     " + (devIssuer ? "POST " + http + "/api/dev/tokens {\"user\":\"alice\"}"
                        : "off (production)"),
                "  admin console    " + http + "/admin/",
                "  health           " + http + "/health/ready",
                "  metrics          " + http + "/metrics"));
    }
}
