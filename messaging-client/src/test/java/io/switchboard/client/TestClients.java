package io.switchboard.client;

import java.net.URI;
import java.time.Duration;

/** Client settings fast enough for unit tests. */
final class TestClients {

    private TestClients() {
    }

    static ClientOptions fastOptions() {
        return new ClientOptions()
                .ackTimeout(Duration.ofMillis(200))
                .retryDelays(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(150))
                .backoff(Duration.ofMillis(5), Duration.ofMillis(40))
                .maxReconnectAttempts(5)
                .helloTimeout(Duration.ofSeconds(2))
                .heartbeatInterval(Duration.ofSeconds(30));
    }

    static SwitchboardClientBuilder builder(FakeTransport transport) {
        return SwitchboardClient.builder()
                .uri(URI.create("ws://localhost:9080/ws"))
                .device("d1")
                .token("t1")
                .options(fastOptions())
                .transport(transport);
    }
}
