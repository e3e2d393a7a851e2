package io.switchboard.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Every live device session of this node, by session id and by user. */
@ApplicationScoped
public class SessionRegistry {

    private final Map<String, DeviceSession> bySession = new ConcurrentHashMap<>();
    private final Map<String, Set<DeviceSession>> byUser = new ConcurrentHashMap<>();

    public void register(DeviceSession session) {
        bySession.put(session.connection().sessionId(), session);
        byUser.computeIfAbsent(session.connection().userId(), user -> ConcurrentHashMap.newKeySet()).add(session);
    }

    public void unregister(DeviceSession session) {
        bySession.remove(session.connection().sessionId());
        byUser.computeIfPresent(session.connection().userId(), (user, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }

    /**
     * The sessions of all the users, in one call: a stored message asks for every member's, and each call through
     * this bean's client proxy sets up the container's per-thread interception context afresh.
     */
    public List<DeviceSession> ofAll(Collection<String> users) {
        List<DeviceSession> found = new ArrayList<>(users.size());
        for (String user : users) {
            Set<DeviceSession> sessions = byUser.get(user);
            if (sessions != null) {
                found.addAll(sessions);
            }
        }
        return found;
    }

    public Collection<DeviceSession> all() {
        return bySession.values();
    }

    public int size() {
        return bySession.size();
    }
}
