package io.switchboard.sync.boundary;

import io.switchboard.conversations.boundary.ConversationView;
import io.switchboard.conversations.entity.Conversation;
import io.switchboard.delivery.entity.DeviceCursor;
import io.switchboard.platform.Timestamps;
import io.switchboard.sync.control.SyncToken;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The conversation-list sync: changed conversations since a token, with unread counts. */
@Stateless
public class Sync {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "switchboard.retention.max-age", defaultValue = "P30D")
    Duration retention;

    /**
     * @param device the asking device; unread counts are after its cursor, or after the furthest cursor of any of
     *               the user's devices when null
     * @param since  a token from an earlier answer, or null for the whole list
     */
    public SyncAnswer changes(String user, String device, String since) {
        Instant start = Timestamps.now();
        Instant from = since == null ? Instant.EPOCH : SyncToken.decode(since, start.minus(retention)).watermark();
        Map<String, Long> cursors = cursors(user, device);
        var changes = em.createNamedQuery(Conversation.CHANGED_OF_USER, Conversation.class)
                .setParameter("user", user).setParameter("since", from).getResultStream()
                .map(c -> new SyncAnswer.Change(ConversationView.of(c),
                        Math.max(0, c.lastSeq() - cursors.getOrDefault(c.id(), 0L))))
                .toList();
        return new SyncAnswer(changes, SyncToken.startingAt(start).encode());
    }

    private Map<String, Long> cursors(String user, String device) {
        Map<String, Long> cursors = new HashMap<>();
        if (device != null) {
            em.createNamedQuery(DeviceCursor.OF_DEVICE, DeviceCursor.class).setParameter("user", user)
                    .setParameter("device", device).getResultStream()
                    .forEach(c -> cursors.put(c.conversationId(), c.ackedSeq()));
        } else {
            em.createNamedQuery(DeviceCursor.HIGHEST_OF_USER, Object[].class).setParameter("user", user)
                    .getResultStream().forEach(row -> cursors.put((String) row[0], ((Number) row[1]).longValue()));
        }
        return cursors;
    }
}
