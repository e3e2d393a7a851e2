package io.switchboard.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every live device session of this node, by session id and by user. A user's sessions are an array replaced on each
 * change (a user has a few devices, and they connect far less often than messages arrive), so that a stored
 * message's lookup of its members copies references and allocates nothing per member.
 */
@ApplicationScoped
public class SessionRegistry {

    private final Map<String, DeviceSession> bySession = new ConcurrentHashMap<>();
    private final Map<String, DeviceSession[]> byUser = new ConcurrentHashMap<>();

    public void register(DeviceSession session) {
        bySession.put(session.connection().sessionId(), session);
        byUser.merge(session.connection().userId(), new DeviceSession[] {session}, SessionRegistry::joined);
    }

    /** The user's sessions with one more; the same session registered twice would have each message pushed twice. */
    private static DeviceSession[] joined(DeviceSession[] sessions, DeviceSession[] added) {
        if (Arrays.asList(sessions).contains(added[0])) {
            return sessions;
        }
        DeviceSession[] more = Arrays.copyOf(sessions, sessions.length + 1);
        more[sessions.length] = added[0];
        return more;
    }

    public void unregister(DeviceSession session) {
        bySession.remove(session.connection().sessionId());
        byUser.computeIfPresent(session.connection().userId(), (user, sessions) -> {
            DeviceSession[] rest = Arrays.stream(sessions).filter(s -> s != session).toArray(DeviceSession[]::new);
            return rest.length == 0 ? null : rest;
        });
    }

    /**
     * The sessions of all the users, in one call: a stored message asks for every member's, and each call through
     * this bean's client proxy sets up the container's per-thread interception context afresh.
     */
    public List<DeviceSession> ofAll(Collection<String> users) {
        List<DeviceSession> found = new ArrayList<>(users.size());
        for (String user : users) {
            DeviceSession[] sessions = byUser.get(user);
            if (sessions != null) {
                for (DeviceSession session : sessions) {
                    found.add(session);
                }
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
