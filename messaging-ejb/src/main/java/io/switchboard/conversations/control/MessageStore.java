package io.switchboard.conversations.control;

import io.switchboard.conversations.boundary.SendCommand;
import io.switchboard.platform.Timestamps;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Stores a batch of sends in one transaction of its own: one commit, one log force, for every send that arrived
 * while the previous batch was being written. A failure rolls the whole batch back, so that {@link GroupCommit}
 * can tell a lost idempotency race (a unique violation) from any other failure and retry the sends one by one, and
 * decide a batch again that was decided on stale cached members ({@link MembersChanged}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MessageStore {

    @Resource(lookup = "jdbc/switchboard")
    DataSource dataSource;

    @Inject
    Rosters rosters;

    @Inject
    RecentSends recent;

    /**
     * Stores the batch; {@code lookUpAll} looks every send's key up first, where otherwise only the keys the node
     * saw lately are, and the unique index catches the rest.
     */
    public List<Appended> appendAll(List<SendCommand> commands, boolean lookUpAll) {
        try (Connection connection = dataSource.getConnection()) {
            return new SendBatch(new MessageTable(connection), rosters, recent, lookUpAll, commands)
                    .append(Timestamps.now());
        } catch (SQLException e) {
            throw new PersistenceException("storing " + commands.size() + " messages failed", e);
        }
    }
}
