package io.switchboard.delivery.control;

import io.switchboard.conversations.control.SendTransactionBenchmark;
import io.switchboard.testing.DerbyFile;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a connect reads on embedded Derby: where the device stands in each of its user's conversations (its
 * cursors and the conversations' last seqs), for a user with one direct conversation among 5,000 and a cursor
 * row for every device, as after a load run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConnectReadBenchmark {

    static final long LAST_SEQ = 9;
    static final long ACKED = 7;

    DerbyFile database;
    Connection connection;
    int next;

    @Setup(Level.Trial)
    public void database() throws IOException, SQLException {
        database = DerbyFile.migrated("sb-connect-bench");
        connection = database.dataSource().getConnection();
        SendTransactionBenchmark.directConversations(connection);
        try (var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE sb_conversation SET last_seq = " + LAST_SEQ);
        }
        List<CursorTable.Cursor> cursors = new ArrayList<>();
        for (int i = 0; i < SendTransactionBenchmark.CONVERSATIONS; i++) {
            cursors.add(new CursorTable.Cursor(SendTransactionBenchmark.sender(i), "d-1",
                    SendTransactionBenchmark.conversationId(i), ACKED));
        }
        new CursorTable(connection).save(cursors, Instant.now());
    }

    @Benchmark
    public Map<String, CursorTable.Standing> standings() throws SQLException {
        int i = next++ % SendTransactionBenchmark.CONVERSATIONS;
        var device = new DeviceTable.DeviceKey(SendTransactionBenchmark.sender(i), "d-1");
        return new CursorTable(connection).standings(List.of(device)).get(device);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException, IOException {
        connection.close();
        database.drop();
    }
}
