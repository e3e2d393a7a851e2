package io.switchboard.storage.control;

import io.switchboard.platform.Timestamps;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Brings a database to the newest schema version; safe to run from several nodes at once. */
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());
    private static final String VERSION_TABLE = "sb_schema_version";

    private final DataSource dataSource;

    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the schema version the database has afterwards */
    public int migrate(List<Migration> migrations) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            createVersionTable(connection);
            try (Statement lock = connection.createStatement()) {
                lock.execute("LOCK TABLE " + VERSION_TABLE + " IN EXCLUSIVE MODE");
            }
            int current = currentVersion(connection);
            for (Migration migration : migrations) {
                if (migration.version() > current) {
                    apply(connection, migration);
                    current = migration.version();
                }
            }
            connection.commit();
            return current;
        }
    }

    private void createVersionTable(Connection connection) throws SQLException {
        var meta = connection.getMetaData();
        for (String name : List.of(VERSION_TABLE, VERSION_TABLE.toUpperCase(java.util.Locale.ROOT))) {
            try (var tables = meta.getTables(null, null, name, null)) {
                if (tables.next()) {
                    return;
                }
            }
        }
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE " + VERSION_TABLE + " (version INT NOT NULL PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
        }
        connection.commit();
    }

    private int currentVersion(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
             var result = query.executeQuery("SELECT MAX(version) FROM " + VERSION_TABLE)) {
            result.next();
            return result.getInt(1);
        }
    }

    private void apply(Connection connection, Migration migration) throws SQLException {
        LOG.info(() -> "event=schema_migration version=" + migration.version() + " description=\""
                + migration.description() + "\"");
        try (Statement statement = connection.createStatement()) {
            for (String sql : migration.statements()) {
                statement.execute(sql);
            }
        }
        try (var insert = connection.prepareStatement(
                "INSERT INTO " + VERSION_TABLE + " (version, description, applied_at) VALUES (?, ?, ?)")) {
            insert.setInt(1, migration.version());
            insert.setString(2, migration.description());
            insert.setTimestamp(3, Timestamp.from(Timestamps.now()));
            insert.executeUpdate();
        }
    }
}
