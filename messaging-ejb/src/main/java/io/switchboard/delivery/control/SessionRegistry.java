package io.switchboard.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Every live connection of this node, by session and by user. */
@ApplicationScoped
public class SessionRegistry {

    private final Map<String, Connection> bySession = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> byUser = new ConcurrentHashMap<>();

    public void register(Connection connection) {
        bySession.put(connection.sessionId(), connection);
        byUser.computeIfAbsent(connection.userId(), user -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    public void unregister(Connection connection) {
        bySession.remove(connection.sessionId());
        byUser.computeIfPresent(connection.userId(), (user, connections) -> {
            connections.remove(connection);
            return connections.isEmpty() ? null : connections;
        });
    }

    public Collection<Connection> of(String user) {
        Set<Connection> connections = byUser.get(user);
        return connections == null ? List.of() : connections;
    }

    public Collection<Connection> all() {
        return bySession.values();
    }

    public int size() {
        return bySession.size();
    }
}
