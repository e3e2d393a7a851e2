package io.switchboard.bench.load;

import io.switchboard.bench.proto.ChatAdapter;
import io.switchboard.bench.proto.Topology;
import java.net.InetSocketAddress;

/**
 * Everything a {@link Bench} needs, resolved from the command line. {@code noiseLimitPct} is the CPU (percent of one
 * core) that other processes may use before a step counts as disturbed; before each step the bench waits up to
 * {@code quietWaitSeconds} for them to fall below it. {@code lateMillis} is the late window that follows a drain
 * ending with deliveries missing.
 */
public record LoadConfig(ChatAdapter adapter, InetSocketAddress address, Topology topology, long serverPid,
                         long databasePid,
                         int connectConcurrency, long connectTimeoutSeconds, long drainMillis, long lateMillis,
                         long cooldownMillis,
                         int messageBytes, double retryFraction, long seed, Criteria criteria,
                         double noiseLimitPct, double quietWaitSeconds) {
}
