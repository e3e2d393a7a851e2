package io.switchboard.delivery.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fan-out benchmark measures real deliveries: every other member is pushed each message once, in order. */
class FanOutBenchmarkTest {

    @Test
    void everyOtherMemberIsPushedEachMessageAndTheSenderNone() {
        var cut = new FanOutBenchmark();
        cut.members = 50;
        cut.conversation();

        cut.fanOut();
        cut.fanOut();

        assertThat(cut.connections.get(0).delivered).as("the sender's own session").isZero();
        assertThat(cut.connections.subList(1, 50)).allSatisfy(connection -> {
            assertThat(connection.delivered).isEqualTo(2);
            assertThat(connection.lastSeq).isEqualTo(2);
        });
    }
}
