package io.switchboard.delivery.boundary.ws;

import io.switchboard.identity.control.TokenVerifier;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Switchboard's own WebSocket transport beside Liberty's: the same chat protocol on a port of its own, served by a
 * few event loops instead of Liberty's HTTP stack. It exists for cost: a socket here keeps no HTTP request, no
 * read buffer of its own and no security subject, and a frame is read, handled and answered without hand-offs
 * between threads (docs/performance.md, seventeenth pass). Plain TCP only: TLS ends in front of it.
 */
@ApplicationScoped
public class SocketServer {

    private static final Logger LOG = Logger.getLogger(SocketServer.class.getName());

    @Inject
    Chat chat;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "switchboard.socket.port", defaultValue = "-1")
    int port;

    @Inject
    @ConfigProperty(name = "switchboard.socket.host", defaultValue = "*")
    String host;

    @Inject
    @ConfigProperty(name = "switchboard.socket.loops", defaultValue = "0")
    int loopCount;

    @Inject
    @ConfigProperty(name = "switchboard.socket.handshake-timeout", defaultValue = "PT10S")
    Duration handshakeTimeout;

    @Inject
    @ConfigProperty(name = "switchboard.socket.close-timeout", defaultValue = "PT5S")
    Duration closeTimeout;

    @Inject
    @ConfigProperty(name = "switchboard.jwt.cookie", defaultValue = "switchboard_token")
    String cookieName;

    @Inject
    @ConfigProperty(name = "switchboard.ws.allowed-origins", defaultValue = " ")
    String allowedOrigins;

    private final AtomicLong sessions = new AtomicLong();
    private final String sessionPrefix = "n" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + "-";
    private final List<SocketLoop> loops = new ArrayList<>();
    private Handshake handshake;
    private ServerSocketChannel listener;
    private Thread acceptor;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (port < 0) {
            LOG.info("event=socket_transport_off reason=switchboard.socket.port");
            return;
        }
        TokenVerifier verifier;
        try {
            verifier = TokenVerifier.fromConfig(ConfigProvider.getConfig());
        } catch (IllegalStateException e) {
            // No key to trust: every upgrade would be refused, so the port stays closed and the HTTP port serves alone.
            LOG.log(Level.SEVERE, "event=socket_transport_failed reason=no_token_key", e);
            return;
        }
        listen(new Handshake(verifier, cookieName, AllowedOrigins.parse(allowedOrigins)));
    }

    /** Opens the port and starts the loops; apart from start() for a test, which has no MicroProfile Config. */
    void listen(Handshake handshake) {
        this.handshake = handshake;
        try {
            listener = ServerSocketChannel.open();
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind("*".equals(host) ? new InetSocketAddress(port) : new InetSocketAddress(host, port), 4096);
            int count = loopCount > 0 ? loopCount : Runtime.getRuntime().availableProcessors();
            for (int i = 0; i < count; i++) {
                SocketLoop loop = new SocketLoop(this);
                loops.add(loop);
                threads.newThread(loop).start();
            }
        } catch (IOException e) {
            // The rest of the server works without this transport; say so loudly and go on.
            LOG.log(Level.SEVERE, "event=socket_transport_failed port=" + port, e);
            stop();
            return;
        }
        acceptor = threads.newThread(this::accept);
        acceptor.start();
        LOG.info(() -> "event=socket_transport_listening port=" + port() + " loops=" + loops.size());
    }

    private void accept() {
        int next = 0;
        while (listener.isOpen()) {
            try {
                SocketChannel channel = listener.accept();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                loops.get(next).adopt(channel);
                next = (next + 1) % loops.size();
            } catch (IOException e) {
                if (listener.isOpen()) {
                    LOG.log(Level.FINE, "event=accept_failed", e);
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "event=close_failed", e);
        }
        loops.forEach(SocketLoop::stop);
    }

    /** The port it listens on (the one the system chose when configured as 0), or -1 when the transport is off. */
    public int port() {
        return listener != null && listener.isOpen() ? listener.socket().getLocalPort() : -1;
    }

    Chat chat() {
        return chat;
    }

    Handshake handshake() {
        return handshake;
    }

    int maxMessageBytes() {
        return ChatEndpoint.CONTAINER_FRAME_LIMIT;
    }

    Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    Duration closeTimeout() {
        return closeTimeout;
    }

    String nextSessionId() {
        return sessionPrefix + Long.toString(sessions.incrementAndGet(), 36);
    }
}
