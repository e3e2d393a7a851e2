package io.switchboard.bench;

import io.switchboard.bench.load.Criteria;
import io.switchboard.bench.load.LoadConfig;
import io.switchboard.bench.proto.ChatAdapter;
import io.switchboard.bench.proto.Topology;
import io.switchboard.bench.proto.socketio.PeerToken;
import io.switchboard.bench.proto.socketio.SocketIoAdapter;
import io.switchboard.bench.proto.switchboard.SwitchboardAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;

/**
 * Turns the command line into a {@link LoadConfig}. Refuses any server that is not on this machine's loopback: a load
 * generator pointed elsewhere by a typo would be a denial of service.
 */
final class Target {

    private Target() {
    }

    static LoadConfig config(Options o) {
        URI url = url(o);
        InetSocketAddress address = loopback(url);
        if (o.integer("socket-port") > 0) {
            address = new InetSocketAddress(address.getAddress(), o.integer("socket-port"));
        }
        int conns = o.on("idle") ? o.numbers("idle-steps").stream().mapToInt(Double::intValue).max().orElse(1000)
                : o.integer("conns");
        int size = o.on("idle") ? 2 : o.integer("conversation-size");
        Topology topology = Topology.of(runId(), conns, size, o.number("send-fraction"));
        return new LoadConfig(adapter(o, url), address, topology, o.longValue("server-pid"),
                o.longValue("database-pid"),
                o.integer("connect-concurrency"), o.longValue("connect-timeout-s"), o.longValue("drain-ms"),
                o.longValue("late-ms"), o.longValue("cooldown-ms"), o.integer("msg-bytes"), o.number("retry-fraction"),
                o.longValue("seed"),
                new Criteria(o.number("p99-limit-ms"), Criteria.MIN_ACHIEVED_FRACTION), o.number("noise-limit-pct"),
                o.number("quiet-wait-s"));
    }

    static URI url(Options o) {
        String given = o.str("url");
        if (given.isEmpty()) {
            given = o.str("adapter").equals("socketio") ? "http://127.0.0.1:3001" : "http://127.0.0.1:9080";
        }
        URI url = URI.create(given.replaceAll("/+$", ""));
        if (url.getScheme() == null || !url.getScheme().matches("https?|wss?") || url.getHost() == null) {
            throw new IllegalArgumentException("--url must look like http://127.0.0.1:9080, not " + given);
        }
        if (url.getScheme().equals("https") || url.getScheme().equals("wss")) {
            throw new IllegalArgumentException("TLS is not supported: benchmark the plain port on 127.0.0.1");
        }
        return url;
    }

    private static InetSocketAddress loopback(URI url) {
        try {
            InetAddress host = InetAddress.getByName(url.getHost());
            if (!host.isLoopbackAddress()) {
                throw new IllegalArgumentException("refusing " + url.getHost() + ": only loopback targets are allowed");
            }
            int port = url.getPort() > 0 ? url.getPort() : 80;
            return new InetSocketAddress(host, port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + url.getHost(), e);
        }
    }

    private static ChatAdapter adapter(Options o, URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        return switch (o.str("adapter")) {
            case "switchboard" -> new SwitchboardAdapter(URI.create("http://" + url.getRawAuthority() + path),
                    o.integer("http-concurrency"), o.longValue("token-ttl-s"), o.longValue("ack-delay-ms"));
            case "socketio" -> new SocketIoAdapter(path, secret(o), o.longValue("token-ttl-s"));
            default -> throw new IllegalArgumentException("--adapter must be switchboard or socketio");
        };
    }

    private static String secret(Options o) {
        if (!o.str("peer-secret").isEmpty()) {
            return o.str("peer-secret");
        }
        String env = System.getenv("PEER_SECRET");
        return env != null && !env.isEmpty() ? env : PeerToken.DEVELOPMENT_SECRET;
    }

    /** Six base-36 characters: user names, devices and rooms of one run never collide with another run's. */
    private static String runId() {
        return Long.toString(Math.floorMod(new SecureRandom().nextLong(), 36L * 36 * 36 * 36 * 36 * 36), 36);
    }
}
