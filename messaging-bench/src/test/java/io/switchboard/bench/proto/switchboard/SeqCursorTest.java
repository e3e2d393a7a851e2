package io.switchboard.bench.proto.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeqCursorTest {

    private final SeqCursor cut = new SeqCursor();

    @Test
    void inOrderNumbersAdvanceTheCursorAndAskForAnAck() {
        assertThat(cut.offer(1)).isTrue();
        assertThat(cut.offer(2)).isTrue();
        assertThat(cut.contiguous()).isEqualTo(2);
    }

    @Test
    void aGapHoldsTheCursorUntilItCloses() {
        assertThat(cut.offer(1)).isTrue();
        assertThat(cut.offer(3)).isFalse();
        assertThat(cut.offer(4)).isFalse();
        assertThat(cut.contiguous()).isEqualTo(1);
        assertThat(cut.offer(2)).isTrue();
        assertThat(cut.contiguous()).isEqualTo(4);
    }

    @Test
    void aRepeatAsksForTheAckAgainWithoutMovingBack() {
        cut.offer(1);
        cut.offer(2);
        assertThat(cut.offer(1)).isTrue();
        assertThat(cut.contiguous()).isEqualTo(2);
    }

    @Test
    void aSyncGapMovesTheCursorPastTheMissingRange() {
        cut.offer(1);
        cut.offer(933);
        cut.skipTo(930);
        assertThat(cut.contiguous()).isEqualTo(930);
        assertThat(cut.offer(931)).isTrue();
        assertThat(cut.offer(932)).isTrue();
        assertThat(cut.contiguous()).isEqualTo(933);
    }
}
