package io.switchboard.conversations.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.conversations.control.MessageTable.SendKey;
import org.junit.jupiter.api.Test;

class RecentSendsTest {

    @Test
    void holdsAtMostTheBoundAndForgetsTheOldestKeysFirst() {
        var cut = new RecentSends();
        cut.capacity = 4;

        for (int i = 1; i <= 5; i++) {
            cut.remember(key(i));
        }

        assertThat(cut.size()).isLessThanOrEqualTo(4);
        assertThat(cut.mayHave(key(1))).as("the oldest generation was dropped").isFalse();
        assertThat(cut.mayHave(key(3))).isTrue();
        assertThat(cut.mayHave(key(5))).isTrue();
        assertThat(cut.mayHave(new SendKey("bob", "k5"))).as("a key is sender and client id together").isFalse();
    }

    private static SendKey key(int i) {
        return new SendKey("alice", "k" + i);
    }
}
