package io.switchboard.conversations.control;

import io.switchboard.conversations.control.MessageTable.SendKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The idempotency keys (sender, clientMessageId) of the messages this node stored or answered lately. Only a send
 * whose key is here is looked up before its batch is written; any other key is new unless the unique index says
 * otherwise (a message stored by another node, before this node started, or too long ago to be held here), and
 * then the batch is rolled back and each of its sends decided alone, with a lookup. Bounded: keys are kept in two
 * generations of half the bound each, and when the newer one is full the older one is dropped.
 */
@ApplicationScoped
public class RecentSends {

    @Inject
    @ConfigProperty(name = "switchboard.send.idempotency-cache", defaultValue = "100000")
    int capacity;

    private volatile Set<SendKey> newer = ConcurrentHashMap.newKeySet();
    private volatile Set<SendKey> older = Set.of();

    boolean mayHave(SendKey key) {
        return newer.contains(key) || older.contains(key);
    }

    void remember(SendKey key) {
        Set<SendKey> current = newer;
        current.add(key);
        if (current.size() >= Math.max(1, capacity / 2)) {
            synchronized (this) {
                if (newer == current) {
                    older = current;
                    newer = ConcurrentHashMap.newKeySet();
                }
            }
        }
    }

    /** Keys held, for tests. */
    int size() {
        return newer.size() + older.size();
    }
}
