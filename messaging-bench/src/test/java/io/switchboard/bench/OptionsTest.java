package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsComeFromTheFlagTable() {
        Options cut = Options.parse();
        assertThat(cut.str("adapter")).isEqualTo("switchboard");
        assertThat(cut.integer("conns")).isEqualTo(1000);
        assertThat(cut.number("growth")).isEqualTo(1.5);
        assertThat(cut.on("search")).isFalse();
        assertThat(cut.numbers("idle-steps")).containsExactly(1000.0, 5000.0, 10000.0);
        assertThat(cut.numbers("rates")).isEmpty();
    }

    @Test
    void valuesSwitchesAndInlineValues() {
        Options cut = Options.parse("--conns", "10_000", "--search", "--rates=500,1000", "--adapter", "socketio");
        assertThat(cut.integer("conns")).isEqualTo(10_000);
        assertThat(cut.on("search")).isTrue();
        assertThat(cut.numbers("rates")).containsExactly(500.0, 1000.0);
        assertThat(cut.str("adapter")).isEqualTo("socketio");
    }

    @Test
    void typosAndMissingValuesAreErrors() {
        assertThatThrownBy(() -> Options.parse("--con", "5")).hasMessageContaining("unknown flag --con");
        assertThatThrownBy(() -> Options.parse("--rate")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse("rate")).hasMessageContaining("unexpected argument");
        assertThatThrownBy(() -> Options.parse("--rate", "fast").number("rate")).hasMessageContaining("number");
    }

    @Test
    void theSecretIsNotEchoedIntoResults() {
        assertThat(Options.parse("--peer-secret", "s3cret").asMap()).containsEntry("peer-secret", "(set)");
    }

    @Test
    void helpListsEveryFlag() {
        String help = Usage.text();
        for (Flag f : Flag.ALL) {
            assertThat(help).contains("--" + f.name());
        }
    }

    @Test
    void onlyLoopbackTargetsAreAccepted() {
        assertThat(LoadGenerator.run("--url", "http://10.0.0.1:9080")).isEqualTo(2);
        assertThat(LoadGenerator.run("--url", "https://127.0.0.1:9443")).isEqualTo(2);
        assertThat(LoadGenerator.run("--adapter", "irc")).isEqualTo(2);
    }
}
