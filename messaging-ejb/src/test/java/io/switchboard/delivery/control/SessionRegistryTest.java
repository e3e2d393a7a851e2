package io.switchboard.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.delivery.boundary.Backlog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {

    private final SessionRegistry cut = new SessionRegistry();
    private final DeviceSession bobPhone = session("bob", "phone");
    private final DeviceSession bobLaptop = session("bob", "laptop");
    private final DeviceSession carolPhone = session("carol", "phone");

    @Test
    void aMessageFindsEverySessionOfItsMembersOnceEvenWhenOneWasRegisteredTwice() {
        cut.register(bobPhone);
        cut.register(bobLaptop);
        cut.register(carolPhone);
        cut.register(bobPhone);

        assertThat(cut.ofAll(List.of("bob", "carol", "dave"))).containsExactly(bobPhone, bobLaptop, carolPhone);
        assertThat(cut.size()).isEqualTo(3);
    }

    @Test
    void anUnregisteredSessionIsNoLongerFoundWhileTheUsersOtherDevicesStay() {
        cut.register(bobPhone);
        cut.register(bobLaptop);
        cut.register(carolPhone);

        cut.unregister(bobPhone);
        assertThat(cut.ofAll(List.of("bob", "carol"))).containsExactly(bobLaptop, carolPhone);

        cut.unregister(bobLaptop);
        cut.unregister(bobLaptop);
        assertThat(cut.ofAll(List.of("bob", "carol"))).containsExactly(carolPhone);
        assertThat(cut.all()).containsExactly(carolPhone);
    }

    private static DeviceSession session(String user, String device) {
        return new DeviceSession(new Idle(user, device), null, null, Runnable::run, Duration.ofSeconds(5), 3);
    }

    /** A connection nothing is delivered to: these sessions are only looked up. */
    private record Idle(String userId, String deviceId) implements Connection {

        @Override
        public String sessionId() {
            return userId + "/" + deviceId;
        }

        @Override
        public void deliver(MessageView message, boolean redelivery) {
            throw new IllegalStateException("nothing is delivered here");
        }

        @Override
        public void gap(Backlog.Gap gap) {
            throw new IllegalStateException("nothing is delivered here");
        }

        @Override
        public void cursors(Map<String, Long> cursors) {
            throw new IllegalStateException("nothing is delivered here");
        }

        @Override
        public int room() {
            return 0;
        }

        @Override
        public void close(Disconnect reason) {
            throw new IllegalStateException("nothing is closed here");
        }
    }
}
