package io.switchboard.storage.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTest {

    @Test
    void aScriptSplitsIntoStatementsWithoutComments() {
        var cut = Migration.parse("V007__add_cursors.sql", """
                -- a comment; with a semicolon
                CREATE TABLE a (id INT);

                CREATE INDEX a_id ON a (id);
                """);
        assertThat(cut.version()).isEqualTo(7);
        assertThat(cut.description()).isEqualTo("add cursors");
        assertThat(cut.statements()).containsExactly("CREATE TABLE a (id INT)", "CREATE INDEX a_id ON a (id)");
    }

    @Test
    void aFileNameOutsideTheSchemeIsRefused() {
        assertThatThrownBy(() -> Migration.parse("init.sql", "")).hasMessageContaining("V<n>__<name>.sql");
    }

    @Test
    void theShippedMigrationsAreListedInAscendingVersions() {
        List<Migration> cut = Migration.listed(getClass().getClassLoader());
        assertThat(cut).isNotEmpty();
        assertThat(cut.stream().map(Migration::version).toList()).isSorted().doesNotHaveDuplicates();
        assertThat(cut.get(0).statements()).anyMatch(s -> s.startsWith("CREATE TABLE sb_message"));
    }
}
