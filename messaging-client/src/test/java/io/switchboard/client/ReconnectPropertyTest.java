package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ReconnectPropertyTest {

    @Property(tries = 25)
    void attemptsAgainstAnUnreachableServerEndInFailed(@ForAll @IntRange(min = 0, max = 6) int maxAttempts,
            @ForAll @IntRange(min = 1, max = 8) int baseMillis, @ForAll @IntRange(min = 1, max = 30) int capMillis) {
        FakeTransport transport = new FakeTransport();
        transport.refuseWith(() -> new IOException("connection refused"));
        StateRecorder states = new StateRecorder();
        try (SwitchboardClient cut = TestClients.builder(transport).connectionListener(states)
                .options(TestClients.fastOptions().maxReconnectAttempts(maxAttempts)
                        .backoff(Duration.ofMillis(baseMillis), Duration.ofMillis(capMillis)))
                .build()) {

            CompletableFuture<Session> connected = cut.connect();

            await().atMost(Duration.ofSeconds(10)).until(connected::isDone);
            assertThat(connected).isCompletedExceptionally();
            assertThat(cut.state()).isEqualTo(ConnectionState.FAILED);
            assertThat(transport.uris).hasSize(maxAttempts + 1);
            assertThat(states.states()).containsExactlyElementsOf(expectedStates(maxAttempts));
            states.changes.stream().filter(c -> c.current() == ConnectionState.RECONNECTING).forEach(change ->
                    assertThat(change.retryIn().toMillis()).isBetween(0L,
                            Math.min((long) capMillis, (long) baseMillis << (change.attempt() - 1))));
        }
    }

    private static List<ConnectionState> expectedStates(int maxAttempts) {
        List<ConnectionState> expected = new ArrayList<>();
        expected.add(ConnectionState.CONNECTING);
        for (int i = 0; i < maxAttempts; i++) {
            expected.add(ConnectionState.RECONNECTING);
        }
        expected.add(ConnectionState.FAILED);
        return expected;
    }
}
