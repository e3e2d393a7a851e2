package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

    private static final long SECOND = 1_000_000_000L;

    private final Heartbeat cut = new Heartbeat(Duration.ofSeconds(25));

    @Test
    void pingsOncePerInterval() {
        cut.reset(0);

        assertThat(cut.tick(24 * SECOND)).isEqualTo(Heartbeat.Action.NONE);
        assertThat(cut.tick(25 * SECOND)).isEqualTo(Heartbeat.Action.PING);
        assertThat(cut.tick(26 * SECOND)).isEqualTo(Heartbeat.Action.NONE);
    }

    @Test
    void declaresTheConnectionDeadAfterTwoSilentIntervals() {
        cut.reset(0);
        cut.tick(25 * SECOND);

        assertThat(cut.tick(49 * SECOND)).isEqualTo(Heartbeat.Action.NONE);
        assertThat(cut.tick(50 * SECOND)).isEqualTo(Heartbeat.Action.DEAD);
    }

    @Test
    void anyInboundFrameKeepsTheConnectionAlive() {
        cut.reset(0);
        cut.inbound(40 * SECOND);

        assertThat(cut.tick(60 * SECOND)).isEqualTo(Heartbeat.Action.PING);
        assertThat(cut.tick(89 * SECOND)).isNotEqualTo(Heartbeat.Action.DEAD);
        assertThat(cut.tick(90 * SECOND)).isEqualTo(Heartbeat.Action.DEAD);
    }
}
