package io.switchboard.conversations.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The send transaction benchmark stores what it sends: each batch's messages are committed with their seqs. */
class SendTransactionBenchmarkTest {

    @Test
    void eachBatchIsStoredAndCommitted() throws Exception {
        var cut = new SendTransactionBenchmark();
        cut.batch = 16;
        cut.database();
        try {
            var first = cut.sendBatch();
            var second = cut.sendBatch();

            assertThat(first).hasSize(16).allSatisfy(appended -> {
                assertThat(appended.refusal()).isNull();
                assertThat(appended.receipt().message().seq()).isEqualTo(1);
            });
            assertThat(second).allSatisfy(appended -> assertThat(appended.receipt().message().seq()).isEqualTo(1));
            try (var other = cut.database.dataSource().getConnection(); var statement = other.createStatement();
                    ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM sb_message")) {
                count.next();
                assertThat(count.getInt(1)).as("committed, seen from another connection").isEqualTo(32);
            }
        } finally {
            cut.close();
        }
    }
}
