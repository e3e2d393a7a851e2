package io.switchboard.storage.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shipped migrations against a real (in-memory) Derby database, as the server runs them at startup. */
class SchemaMigratorTest {

    EmbeddedDataSource dataSource;
    SchemaMigrator cut;

    @BeforeEach
    void emptyDatabase() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:migrate-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        cut = new SchemaMigrator(dataSource);
    }

    @Test
    void theShippedMigrationsReachTheNewestVersionOnceAndThenChangeNothing() throws SQLException {
        List<Migration> shipped = Migration.listed(getClass().getClassLoader());
        int newest = shipped.get(shipped.size() - 1).version();

        assertThat(cut.migrate(shipped)).isEqualTo(newest);
        assertThat(cut.migrate(shipped)).isEqualTo(newest);
    }

    @Test
    void messagesCarryOnlyTheIndexesThatASendOrAReadNeeds() throws SQLException {
        cut.migrate(Migration.listed(getClass().getClassLoader()));

        try (Connection connection = dataSource.getConnection()) {
            try (ResultSet keys = connection.getMetaData().getImportedKeys(null, null, "SB_MESSAGE")) {
                assertThat(keys.next()).as("no foreign key on sb_message").isFalse();
            }
            assertThat(indexedColumns(connection)).containsExactlyInAnyOrder(
                    "ID", "CONVERSATION_ID,SEQ", "CLIENT_MESSAGE_ID,SENDER_ID");
        }
    }

    @Test
    void aForeignKeyPlaceholderIsFilledWithTheNameTheDatabaseChose() throws SQLException {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE parent (id INT NOT NULL PRIMARY KEY)");
            statement.execute("CREATE TABLE child (id INT NOT NULL PRIMARY KEY, parent_id INT REFERENCES parent (id))");

            String sql = SchemaMigrator.withNames(connection,
                    "ALTER TABLE child DROP CONSTRAINT ${foreign-key:child.parent_id}");

            assertThat(sql).startsWith("ALTER TABLE child DROP CONSTRAINT \"SQL").doesNotContain("${");
            statement.execute(sql);
            try (ResultSet keys = connection.getMetaData().getImportedKeys(null, null, "CHILD")) {
                assertThat(keys.next()).isFalse();
            }
        }
    }

    /** Each index of sb_message as its comma-separated column list. */
    private static List<String> indexedColumns(Connection connection) throws SQLException {
        var indexes = new LinkedHashMap<String, List<String>>();
        try (ResultSet rows = connection.getMetaData().getIndexInfo(null, null, "SB_MESSAGE", false, false)) {
            while (rows.next()) {
                if (rows.getString("INDEX_NAME") != null) {
                    indexes.computeIfAbsent(rows.getString("INDEX_NAME"), name -> new ArrayList<>())
                            .add(rows.getString("COLUMN_NAME"));
                }
            }
        }
        return indexes.values().stream().map(columns -> String.join(",", columns)).toList();
    }
}
