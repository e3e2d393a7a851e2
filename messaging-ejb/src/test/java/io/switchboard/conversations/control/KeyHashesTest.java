package io.switchboard.conversations.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyHashesTest {

    @Test
    void holdsWhatWasAddedAndNothingElseUntilCleared() {
        var cut = new KeyHashes(1000);
        var random = new Random(7);
        Set<Long> added = new HashSet<>();
        while (added.size() < 1000) {
            long hash = random.nextLong();
            added.add(hash);
            cut.add(hash);
        }

        assertThat(cut.size()).isEqualTo(1000);
        assertThat(added).allMatch(cut::contains);
        assertThat(random.longs(1000).filter(hash -> !added.contains(hash))).noneMatch(cut::contains);

        cut.clear();
        assertThat(cut.size()).isZero();
        assertThat(added).noneMatch(cut::contains);
    }

    @Test
    void hashesThatShareASlotAreAllFoundAndZeroIsAHashLikeAnyOther() {
        var cut = new KeyHashes(4);
        // The table has 8 slots: these three start probing at the same one.
        long first = 3;
        long second = 3 + 8;
        long third = 3 + 16;
        cut.add(first);
        cut.add(second);
        cut.add(third);
        cut.add(second);
        cut.add(0);

        assertThat(cut.size()).as("a repeated hash is held once").isEqualTo(4);
        assertThat(cut.contains(first) && cut.contains(second) && cut.contains(third)).isTrue();
        assertThat(cut.contains(0)).isTrue();
        assertThat(cut.contains(3 + 24)).isFalse();
    }
}
