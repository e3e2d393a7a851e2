package io.switchboard.delivery.boundary.ws;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Hands every connection the one application-scoped {@link ChatEndpoint}. Left to the container, each upgrade
 * would create, inject and keep a CDI instance of the endpoint per connection: about a tenth of the server's work
 * in a connect, and memory for every idle connection. The endpoint keeps no per-connection state in its fields.
 */
public class SharedEndpoint extends ServerEndpointConfig.Configurator {

    private volatile Object endpoint;

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        Object shared = endpoint;
        if (shared == null) {
            // Two first upgrades at once may both look it up: the same contextual instance behind either proxy.
            shared = CDI.current().select(endpointClass).get();
            endpoint = shared;
        }
        return endpointClass.cast(shared);
    }
}
