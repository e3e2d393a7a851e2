package io.switchboard.conversations.control;

import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.conversations.boundary.SendCommand;
import io.switchboard.conversations.boundary.SendReceipt;
import io.switchboard.conversations.control.MessageTable.SendKey;
import io.switchboard.platform.ErrorCode;
import io.switchboard.platform.Refusal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides a batch of sends in arrival order, as if each were stored alone: an unknown conversation, a repeated
 * (sender, clientMessageId), a sender who is not a member; the rest get consecutive seqs per conversation and are
 * written together. A key repeated inside the batch is answered like one repeated after the first was stored.
 */
final class SendBatch {

    private final MessageTable table;
    private final List<SendCommand> commands;
    private final Appended[] results;
    /** For a key seen earlier in the batch and accepted, the index of that first command. */
    private final Map<SendKey, Integer> accepted = new HashMap<>();
    private final Map<Integer, Integer> repeatOf = new HashMap<>();

    SendBatch(MessageTable table, List<SendCommand> commands) {
        this.table = table;
        this.commands = commands;
        this.results = new Appended[commands.size()];
    }

    List<Appended> append(Instant now) throws SQLException {
        Map<SendKey, MessageView> stored = table.repeats(commands);
        var conversationIds = new LinkedHashSet<String>();
        commands.forEach(command -> conversationIds.add(command.conversationId()));
        Map<String, List<String>> members = table.members(conversationIds);
        var counts = new TreeMap<String, Integer>();
        for (int i = 0; i < commands.size(); i++) {
            SendCommand command = commands.get(i);
            List<String> conversationMembers = members.get(command.conversationId());
            SendKey key = SendKey.of(command);
            if (conversationMembers == null) {
                results[i] = Appended.refused(new Refusal(ErrorCode.UNKNOWN_CONVERSATION,
                        "There is no conversation " + command.conversationId() + "."));
            } else if (stored.containsKey(key)) {
                results[i] = repeat(command, stored.get(key));
            } else if (accepted.containsKey(key)) {
                repeatOf.put(i, accepted.get(key));
            } else if (!conversationMembers.contains(command.senderId())) {
                results[i] = Appended.refused(new Refusal(ErrorCode.NOT_MEMBER,
                        "You are not a member of this conversation."));
            } else {
                accepted.put(key, i);
                counts.merge(command.conversationId(), 1, Integer::sum);
            }
        }
        if (!counts.isEmpty()) {
            write(counts, members, now);
        }
        repeatOf.forEach((i, first) -> results[i] = repeat(commands.get(i), results[first].receipt().message()));
        return List.of(results);
    }

    private void write(TreeMap<String, Integer> counts, Map<String, List<String>> members, Instant now)
            throws SQLException {
        Map<String, Long> lastSeq = table.advance(counts, now);
        Map<String, Long> nextSeq = new HashMap<>();
        counts.forEach((conversation, count) -> nextSeq.put(conversation, lastSeq.get(conversation) - count + 1));
        List<MessageView> rows = new ArrayList<>();
        for (int i : accepted.values().stream().sorted().toList()) {
            SendCommand command = commands.get(i);
            long seq = nextSeq.merge(command.conversationId(), 1L, Long::sum) - 1;
            var message = new MessageView(MessageIds.next(now.toEpochMilli()), command.conversationId(), seq,
                    command.senderId(), command.clientMessageId(), command.text(), command.priority(), now);
            rows.add(message);
            results[i] = Appended.stored(new SendReceipt(message, false), members.get(command.conversationId()));
        }
        table.insert(rows);
    }

    private static Appended repeat(SendCommand command, MessageView original) {
        if (!original.sameRequest(command.conversationId(), command.text())) {
            return Appended.refused(new Refusal(ErrorCode.IDEMPOTENCY_CONFLICT, "clientMessageId "
                    + command.clientMessageId() + " was already used for a different message."));
        }
        return Appended.repeated(new SendReceipt(original, true));
    }
}
