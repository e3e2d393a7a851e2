package io.switchboard.storage.boundary;

import io.switchboard.storage.control.Migration;
import io.switchboard.storage.control.SchemaMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Migrates the schema before the application takes its first request. */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaAtStartup {

    private static final Logger LOG = Logger.getLogger(SchemaAtStartup.class.getName());

    @Resource(lookup = "jdbc/switchboard")
    DataSource dataSource;

    private volatile int version;

    @PostConstruct
    void migrate() {
        try {
            version = new SchemaMigrator(dataSource).migrate(Migration.listed(getClass().getClassLoader()));
            LOG.info(() -> "event=schema_ready version=" + version);
        } catch (SQLException e) {
            throw new IllegalStateException("schema migration failed: " + e.getMessage(), e);
        }
    }

    public int version() {
        return version;
    }
}
