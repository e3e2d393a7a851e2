package io.switchboard.conversations.control;

import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.conversations.boundary.SendCommand;
import io.switchboard.conversations.boundary.SendReceipt;
import io.switchboard.conversations.control.MessageTable.SendKey;
import io.switchboard.conversations.control.MessageTable.Standing;
import io.switchboard.platform.ErrorCode;
import io.switchboard.platform.Refusal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides a batch of sends in arrival order, as if each were stored alone: an unknown conversation, a repeated
 * (sender, clientMessageId), a sender who is not a member; the rest get consecutive seqs per conversation and are
 * written together. A key repeated inside the batch is answered like one repeated after the first was stored.
 * Members come from the node's {@link Rosters} where it has them; a batch that decided on a roster whose members
 * version is no longer the stored one throws {@link MembersChanged}, and its transaction is rolled back. Stored keys
 * are looked up only for the sends that {@link RecentSends} may have seen, or for every send when the batch is
 * decided again after the unique index refused a key that the node did not know.
 */
final class SendBatch {

    private final MessageTable table;
    private final Rosters rosters;
    private final RecentSends recent;
    private final boolean lookUpAll;
    private final List<SendCommand> commands;
    private final Appended[] results;
    /** For a key seen earlier in the batch and accepted, the index of that first command. */
    private final Map<SendKey, Integer> accepted = new HashMap<>();
    private final Map<Integer, Integer> repeatOf = new HashMap<>();
    /** The conversations whose roster came from the cache rather than from this transaction. */
    private final Set<String> cached = new HashSet<>();

    SendBatch(MessageTable table, Rosters rosters, RecentSends recent, boolean lookUpAll, List<SendCommand> commands) {
        this.table = table;
        this.rosters = rosters;
        this.recent = recent;
        this.lookUpAll = lookUpAll;
        this.commands = commands;
        this.results = new Appended[commands.size()];
    }

    List<Appended> append(Instant now) throws SQLException {
        Map<SendKey, MessageView> stored = table.repeats(lookUpAll ? commands
                : commands.stream().filter(command -> recent.mayHave(SendKey.of(command))).toList());
        var conversationIds = new LinkedHashSet<String>();
        commands.forEach(command -> conversationIds.add(command.conversationId()));
        Map<String, Roster> members = rosters(conversationIds);
        var counts = new TreeMap<String, Integer>();
        for (int i = 0; i < commands.size(); i++) {
            SendCommand command = commands.get(i);
            Roster roster = members.get(command.conversationId());
            SendKey key = SendKey.of(command);
            if (roster == null) {
                results[i] = Appended.refused(new Refusal(ErrorCode.UNKNOWN_CONVERSATION,
                        "There is no conversation " + command.conversationId() + "."));
            } else if (stored.containsKey(key)) {
                results[i] = repeat(command, stored.get(key));
            } else if (accepted.containsKey(key)) {
                repeatOf.put(i, accepted.get(key));
            } else if (!roster.includes(command.senderId())) {
                results[i] = Appended.refused(new Refusal(ErrorCode.NOT_MEMBER,
                        "You are not a member of this conversation."));
            } else {
                accepted.put(key, i);
                counts.merge(command.conversationId(), 1, Integer::sum);
            }
        }
        if (!counts.isEmpty()) {
            table.advance(counts, now);
        }
        Map<String, Standing> standings = table.standings(members.keySet());
        checkRosters(members, standings);
        if (!counts.isEmpty()) {
            write(counts, standings, members, now);
        }
        repeatOf.forEach((i, first) -> results[i] = repeat(commands.get(i), results[first].receipt().message()));
        return List.of(results);
    }

    /** The cached rosters of the conversations, the others read in one statement and cached. */
    private Map<String, Roster> rosters(Collection<String> conversationIds) throws SQLException {
        Map<String, Roster> members = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : conversationIds) {
            Roster roster = rosters.of(id);
            if (roster == null) {
                missing.add(id);
            } else {
                members.put(id, roster);
                cached.add(id);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, Roster> read = table.members(missing);
            read.forEach(rosters::keep);
            members.putAll(read);
        }
        return members;
    }

    /**
     * Compares the members version each decision used with the stored one, read after the row locks were taken
     * (the members cannot change until this transaction ends). A roster read in this transaction that differs was
     * changed by a commit in between, a race that either order answers; a cached one was stale, and the batch is
     * decided again.
     */
    private void checkRosters(Map<String, Roster> members, Map<String, Standing> standings) {
        List<String> stale = new ArrayList<>();
        members.forEach((id, roster) -> {
            if (roster.version() != standings.get(id).membersVersion()) {
                rosters.forget(id);
                if (cached.contains(id)) {
                    stale.add(id);
                }
            }
        });
        if (!stale.isEmpty()) {
            throw new MembersChanged(stale);
        }
    }

    private void write(TreeMap<String, Integer> counts, Map<String, Standing> standings, Map<String, Roster> members,
            Instant now) throws SQLException {
        Map<String, Long> nextSeq = new HashMap<>();
        counts.forEach((conversation, count) -> nextSeq.put(conversation,
                standings.get(conversation).lastSeq() - count + 1));
        List<MessageView> rows = new ArrayList<>();
        for (int i : accepted.values().stream().sorted().toList()) {
            SendCommand command = commands.get(i);
            long seq = nextSeq.merge(command.conversationId(), 1L, Long::sum) - 1;
            var message = new MessageView(MessageIds.next(now.toEpochMilli()), command.conversationId(), seq,
                    command.senderId(), command.clientMessageId(), command.text(), command.priority(), now);
            rows.add(message);
            results[i] = Appended.stored(new SendReceipt(message, false),
                    members.get(command.conversationId()).members());
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
