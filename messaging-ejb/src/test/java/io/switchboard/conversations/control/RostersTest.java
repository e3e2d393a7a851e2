package io.switchboard.conversations.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RostersTest {

    Rosters cut;

    @BeforeEach
    void smallCache() {
        cut = new Rosters();
        cut.capacity = 100;
    }

    @Test
    void aReplacedRosterCountsItsMembersOnce() {
        cut.keep("c-1", new Roster(0, List.of("a", "b")));
        cut.keep("c-1", new Roster(1, List.of("a", "b", "c")));

        assertThat(cut.memberships()).isEqualTo(3);
        assertThat(cut.of("c-1").version()).isEqualTo(1);
        cut.forget("c-1");
        assertThat(cut.of("c-1")).isNull();
        assertThat(cut.memberships()).isZero();
    }

    @Test
    void pastTheBoundAQuarterMakesRoom() {
        IntStream.range(0, 51).forEach(i -> cut.keep("c-" + i, new Roster(0, List.of("a", "b"))));

        assertThat(cut.memberships()).isBetween(74, 75);
        long held = IntStream.range(0, 51).filter(i -> cut.of("c-" + i) != null).count();
        assertThat(held * 2).isEqualTo(cut.memberships());
    }
}
