package io.switchboard.conversations.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void idsAreVersionSevenUuidsThatSortByTheirMillisecond() {
        String earlier = MessageIds.next(1_700_000_000_000L);
        String later = MessageIds.next(1_700_000_000_001L);

        UUID uuid = UUID.fromString(earlier.substring(2));
        assertThat(earlier).startsWith("m-");
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(1_700_000_000_000L);
        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void idsOfOneMillisecondDiffer() {
        var ids = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(MessageIds.next(1_700_000_000_000L));
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void theFloorOfAMillisecondSortsAboveEveryEarlierIdAndBelowEveryIdOfThatMillisecond() {
        Instant time = Instant.ofEpochMilli(1_700_000_000_000L);
        String floor = MessageIds.floor(time);

        for (int i = 0; i < 1_000; i++) {
            assertThat(MessageIds.next(time.toEpochMilli() - 1)).isLessThan(floor);
            assertThat(MessageIds.next(time.toEpochMilli())).isGreaterThan(floor);
        }
    }
}
