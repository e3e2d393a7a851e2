package io.switchboard.conversations.control;

import io.switchboard.conversations.boundary.SendCommand;
import io.switchboard.conversations.entity.Priority;
import io.switchboard.testing.DerbyFile;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The send transaction as the group commit's writer runs it: one batch of sends to different direct conversations
 * decided, its last seqs raised, its messages inserted, committed. Embedded Derby in a file, as the server ships it,
 * so the commit forces the log to disk; the members come from the node's cache after the first batch of a
 * conversation, as on a busy server. Per operation: one batch of {@code batch} messages.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SendTransactionBenchmark {

    public static final int CONVERSATIONS = 5_000;

    @Param({"1", "16"})
    int batch;

    DerbyFile database;
    Connection connection;
    Rosters rosters;
    RecentSends recent;
    long sent;

    @Setup(Level.Trial)
    public void database() throws IOException, SQLException {
        database = DerbyFile.migrated("sb-send-bench");
        connection = database.dataSource().getConnection();
        directConversations(connection);
        connection.setAutoCommit(false);
        rosters = new Rosters();
        rosters.capacity = 100_000;
        recent = new RecentSends();
        recent.capacity = 100_000;
    }

    @Benchmark
    public List<Appended> sendBatch() throws SQLException {
        List<SendCommand> commands = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            long n = sent++;
            int conversation = (int) (n % CONVERSATIONS);
            commands.add(new SendCommand(sender(conversation), "k-" + n, conversationId(conversation),
                    "message " + n + " of the send transaction benchmark", Priority.NORMAL));
        }
        List<Appended> appended = new SendBatch(new MessageTable(connection), rosters, recent, false, commands)
                .append(Instant.now());
        connection.commit();
        return appended;
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException, IOException {
        connection.close();
        database.drop();
    }

    public static String conversationId(int i) {
        return "c-" + i;
    }

    public static String sender(int i) {
        return "alice-" + i;
    }

    /** Conversations of two, the first member sending. */
    public static void directConversations(Connection connection) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement conversation = connection.prepareStatement("INSERT INTO sb_conversation "
                + "(id, kind, name, direct_key, last_seq, created_at, updated_at) VALUES (?, 'DIRECT', NULL, ?, 0, ?, ?)");
                PreparedStatement member = connection.prepareStatement(
                        "INSERT INTO sb_membership (conversation_id, user_id, joined_at) VALUES (?, ?, ?)")) {
            for (int i = 0; i < CONVERSATIONS; i++) {
                conversation.setString(1, conversationId(i));
                conversation.setString(2, sender(i) + "|bob-" + i);
                conversation.setTimestamp(3, now);
                conversation.setTimestamp(4, now);
                conversation.addBatch();
                for (String user : List.of(sender(i), "bob-" + i)) {
                    member.setString(1, conversationId(i));
                    member.setString(2, user);
                    member.setTimestamp(3, now);
                    member.addBatch();
                }
            }
            conversation.executeBatch();
            member.executeBatch();
        }
    }
}
