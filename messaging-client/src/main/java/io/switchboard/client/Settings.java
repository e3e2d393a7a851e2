package io.switchboard.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The builder's choices, fixed for the client's lifetime. */
record Settings(URI uri, URI httpBase, String device, Supplier<String> tokens, Map<String, Long> cursors,
                Duration connectTimeout, Duration helloTimeout, Duration backoffBase, Duration backoffCap,
                int maxReconnectAttempts, Duration heartbeatInterval, Duration ackTimeout, List<Duration> retryDelays,
                int outboxCapacity, Optional<Path> outboxFile, int historyPageSize, Duration historyTimeout) {

    Settings {
        cursors = Map.copyOf(cursors);
        retryDelays = List.copyOf(retryDelays);
    }
}
