package io.switchboard.testing;

import io.switchboard.storage.control.Migration;
import io.switchboard.storage.control.SchemaMigrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * An embedded Derby database in a directory of its own, with the shipped schema: in a file rather than in memory,
 * so that a commit forces the log to disk as the server's does. For the benchmarks of the storage paths.
 */
public final class DerbyFile {

    private final Path directory;
    private final EmbeddedDataSource dataSource = new EmbeddedDataSource();

    private DerbyFile(Path directory) {
        this.directory = directory;
    }

    public static DerbyFile migrated(String prefix) throws IOException, SQLException {
        var database = new DerbyFile(Files.createTempDirectory(prefix));
        database.dataSource.setDatabaseName(database.directory.resolve("db").toString());
        database.dataSource.setCreateDatabase("create");
        new SchemaMigrator(database.dataSource).migrate(Migration.listed(DerbyFile.class.getClassLoader()));
        return database;
    }

    public EmbeddedDataSource dataSource() {
        return dataSource;
    }

    /** Shuts the database down and deletes its directory. */
    public void drop() throws IOException {
        var shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(directory.resolve("db").toString());
        shutdown.setShutdownDatabase("shutdown");
        try {
            shutdown.getConnection().close();
        } catch (SQLException expected) {
            // Derby answers a clean shutdown with an exception (SQLState 08006).
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
