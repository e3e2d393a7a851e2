package io.switchboard.conversations.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The members of the conversations this node has recently written to, so that a batch of sends does not read them
 * again. An entry may be stale (another node changed the members): each batch reads the members version of its
 * conversations under their row locks and compares, and a batch that decided on a stale entry is rolled back and
 * decided again. Bounded by the memberships held; past the bound, a quarter of the entries make room.
 */
@ApplicationScoped
public class Rosters {

    @Inject
    @ConfigProperty(name = "switchboard.send.member-cache", defaultValue = "100000")
    int capacity;

    private final Map<String, Roster> byConversation = new ConcurrentHashMap<>();
    private final AtomicInteger memberships = new AtomicInteger();

    /** The cached roster, or null. */
    Roster of(String conversationId) {
        return byConversation.get(conversationId);
    }

    void keep(String conversationId, Roster roster) {
        Roster previous = byConversation.put(conversationId, roster);
        int held = memberships.addAndGet(roster.members().size() - size(previous));
        if (held > capacity) {
            shrinkTo(capacity - capacity / 4);
        }
    }

    void forget(String conversationId) {
        memberships.addAndGet(-size(byConversation.remove(conversationId)));
    }

    /** Memberships held, for the bound and for tests. */
    int memberships() {
        return memberships.get();
    }

    private void shrinkTo(int target) {
        Iterator<String> ids = byConversation.keySet().iterator();
        while (memberships.get() > target && ids.hasNext()) {
            forget(ids.next());
        }
    }

    private static int size(Roster roster) {
        return roster == null ? 0 : roster.members().size();
    }
}
