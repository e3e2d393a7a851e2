package io.switchboard.conversations.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.platform.Refusal;
import org.junit.jupiter.api.Test;

class HistoryQueryTest {

    @Test
    void onlyBeforeMeansNewestFirst() {
        assertThat(new HistoryQuery(null, 10L, 5).newestFirst()).isTrue();
        assertThat(new HistoryQuery(3L, 10L, 5).newestFirst()).isFalse();
        assertThat(new HistoryQuery(null, null, 5).newestFirst()).isFalse();
    }

    @Test
    void absentBoundsAreOpen() {
        var cut = new HistoryQuery(null, null, 100);
        assertThat(cut.lower()).isZero();
        assertThat(cut.upper()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void limitsOutsideTheRangeAreRefused() {
        assertThatThrownBy(() -> new HistoryQuery(null, null, 0)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> new HistoryQuery(null, null, HistoryQuery.MAX_LIMIT + 1)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> new HistoryQuery(-1L, null, 10)).isInstanceOf(Refusal.class);
    }
}
