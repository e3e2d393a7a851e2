package io.switchboard.storage.control;

import io.switchboard.platform.Timestamps;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** Brings a database to the newest schema version; safe to run from several nodes at once. */
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());
    private static final String VERSION_TABLE = "sb_schema_version";
    private static final Pattern FOREIGN_KEY = Pattern.compile("\\$\\{foreign-key:(\\w+)\\.(\\w+)}");

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
        for (String name : List.of(VERSION_TABLE, VERSION_TABLE.toUpperCase(Locale.ROOT))) {
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

    /**
     * Fills in {@code ${foreign-key:table.column}} with the name of the foreign key on that column: the databases
     * name an unnamed constraint each in their own way (Derby {@code SQL…}, PostgreSQL {@code table_column_fkey}).
     */
    static String withNames(Connection connection, String sql) throws SQLException {
        Matcher placeholder = FOREIGN_KEY.matcher(sql);
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            String name = foreignKey(connection, placeholder.group(1), placeholder.group(2));
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(name));
        }
        return placeholder.appendTail(resolved).toString();
    }

    private static String foreignKey(Connection connection, String table, String column) throws SQLException {
        var meta = connection.getMetaData();
        // Derby keeps unquoted names in upper case, PostgreSQL in lower case.
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet keys = meta.getImportedKeys(null, null, name)) {
                while (keys.next()) {
                    if (column.equalsIgnoreCase(keys.getString("FKCOLUMN_NAME"))) {
                        // Quoted: Derby's generated names hold dashes.
                        String quote = meta.getIdentifierQuoteString();
                        return quote + keys.getString("FK_NAME") + quote;
                    }
                }
            }
        }
        throw new IllegalStateException("no foreign key on " + table + "." + column);
    }

    private void apply(Connection connection, Migration migration) throws SQLException {
        LOG.info(() -> "event=schema_migration version=" + migration.version() + " description=\""
                + migration.description() + "\"");
        try (Statement statement = connection.createStatement()) {
            for (String sql : migration.statements()) {
                statement.execute(withNames(connection, sql));
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
