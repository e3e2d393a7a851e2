package io.switchboard.storage.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.storage.control.Migration;
import io.switchboard.testing.InServer;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The versioned migrations ran at startup, each once, against the server's datasource. */
@ExtendWith(ArquillianExtension.class)
public class SchemaAtStartupIT {

    @Deployment
    public static WebArchive deployment() {
        return InServer.deployment(SchemaAtStartupIT.class);
    }

    @Inject
    SchemaAtStartup cut;

    @Test
    void theSchemaIsAtTheNewestListedVersion() {
        List<Migration> listed = Migration.listed(SchemaAtStartup.class.getClassLoader());

        assertThat(listed).isNotEmpty();
        assertThat(cut.version()).isGreaterThanOrEqualTo(1).isEqualTo(listed.get(listed.size() - 1).version());
    }

    @Test
    void everyListedMigrationIsRecordedOnce() throws Exception {
        DataSource dataSource = InitialContext.doLookup("jdbc/switchboard");
        var recorded = new ArrayList<Integer>();
        try (Connection connection = dataSource.getConnection();
             Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT version FROM sb_schema_version ORDER BY version")) {
            while (rows.next()) {
                recorded.add(rows.getInt(1));
            }
        }

        assertThat(recorded).containsExactlyElementsOf(
                Migration.listed(SchemaAtStartup.class.getClassLoader()).stream().map(Migration::version).toList());
    }
}
