package io.switchboard.conversations.control;

import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.conversations.boundary.SendCommand;
import io.switchboard.conversations.entity.Priority;
import io.switchboard.storage.control.InList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The statements of a batch of sends, in plain JDBC: a send is the hottest path of the server, and each statement
 * here serves the whole batch (IN lists, JDBC batches) where JPA would run one per message.
 */
final class MessageTable {

    private static final String MESSAGE_COLUMNS =
            "id, conversation_id, seq, sender_id, client_message_id, text, priority, sent_at";

    private final Connection connection;

    MessageTable(Connection connection) {
        this.connection = connection;
    }

    /** The stored messages that the commands' (sender, clientMessageId) keys already name. */
    Map<SendKey, MessageView> repeats(List<SendCommand> commands) throws SQLException {
        var clientIds = new LinkedHashSet<String>();
        commands.forEach(command -> clientIds.add(command.clientMessageId()));
        Map<SendKey, MessageView> found = new HashMap<>();
        for (List<String> chunk : InList.chunks(List.copyOf(clientIds))) {
            String sql = "SELECT " + MESSAGE_COLUMNS + " FROM sb_message WHERE client_message_id IN ("
                    + InList.placeholders(chunk.size()) + ")";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                InList.bind(select, chunk);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        MessageView message = message(rows);
                        found.put(SendKey.of(message), message);
                    }
                }
            }
        }
        return found;
    }

    /**
     * The members of each existing conversation among the ids, with the members version they were read at; an id
     * without an entry names no conversation.
     */
    Map<String, Roster> members(Collection<String> conversationIds) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        Map<String, List<String>> members = new HashMap<>();
        for (List<String> chunk : InList.chunks(List.copyOf(conversationIds))) {
            String sql = "SELECT c.id, c.members_version, m.user_id FROM sb_conversation c LEFT JOIN sb_membership m "
                    + "ON m.conversation_id = c.id WHERE c.id IN (" + InList.placeholders(chunk.size()) + ")";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                InList.bind(select, chunk);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        versions.put(rows.getString(1), rows.getLong(2));
                        List<String> users = members.computeIfAbsent(rows.getString(1), id -> new ArrayList<>());
                        String user = rows.getString(3);
                        if (user != null) {
                            users.add(user);
                        }
                    }
                }
            }
        }
        Map<String, Roster> rosters = new HashMap<>();
        versions.forEach((id, version) -> rosters.put(id, new Roster(version, List.copyOf(members.get(id)))));
        return rosters;
    }

    /**
     * Raises each conversation's last seq by its count. The update takes the row lock that orders concurrent
     * writers of one conversation, and that a change of members waits for; conversations are updated in id order,
     * so two nodes writing overlapping batches cannot deadlock.
     */
    void advance(SortedMap<String, Integer> counts, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sb_conversation SET last_seq = last_seq + ?, updated_at = ? WHERE id = ?")) {
            for (var entry : counts.entrySet()) {
                update.setLong(1, entry.getValue());
                update.setTimestamp(2, Timestamp.from(now));
                update.setString(3, entry.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Each existing conversation's last seq and members version, as committed or as this transaction wrote it. */
    Map<String, Standing> standings(Collection<String> conversationIds) throws SQLException {
        Map<String, Standing> standings = new HashMap<>();
        for (List<String> chunk : InList.chunks(List.copyOf(conversationIds))) {
            String sql = "SELECT id, last_seq, members_version FROM sb_conversation WHERE id IN ("
                    + InList.placeholders(chunk.size()) + ")";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                InList.bind(select, chunk);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        standings.put(rows.getString(1), new Standing(rows.getLong(2), rows.getLong(3)));
                    }
                }
            }
        }
        return standings;
    }

    void insert(List<MessageView> messages) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sb_message (" + MESSAGE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (MessageView m : messages) {
                insert.setString(1, m.id());
                insert.setString(2, m.conversationId());
                insert.setLong(3, m.seq());
                insert.setString(4, m.senderId());
                insert.setString(5, m.clientMessageId());
                insert.setString(6, m.text());
                insert.setString(7, m.priority().wireName());
                insert.setTimestamp(8, Timestamp.from(m.sentAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static MessageView message(ResultSet row) throws SQLException {
        return new MessageView(row.getString(1), row.getString(2), row.getLong(3), row.getString(4),
                row.getString(5), row.getString(6), Priority.parse(row.getString(7)).orElse(Priority.NORMAL),
                row.getTimestamp(8).toInstant());
    }

    /** Where a conversation stands in this transaction. */
    record Standing(long lastSeq, long membersVersion) {
    }

    /** The idempotency key of a send. */
    record SendKey(String senderId, String clientMessageId) {

        static SendKey of(SendCommand command) {
            return new SendKey(command.senderId(), command.clientMessageId());
        }

        static SendKey of(MessageView message) {
            return new SendKey(message.senderId(), message.clientMessageId());
        }
    }
}
