package io.switchboard.it;

import io.switchboard.client.ClientOptions;
import io.switchboard.client.Message;
import io.switchboard.client.SwitchboardClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** One device running the real Java SDK, with everything its listener was handed. */
final class SdkDevice implements AutoCloseable {

    final String user;
    final String device;
    final SwitchboardClient client;
    final List<Message> received = new CopyOnWriteArrayList<>();

    SdkDevice(String user, String device, URI ws) {
        this.user = user;
        this.device = device;
        String token = Tokens.user(user);
        this.client = SwitchboardClient.builder().uri(ws).httpBase(URI.create(TestServer.HTTP + "/")).device(device)
                .token(() -> token).listener(received::add).options(impatient()).build();
    }

    /** Short timings, so that faults are survived within a test, and attempts that outlast a server restart. */
    static ClientOptions impatient() {
        return new ClientOptions().connectTimeout(Duration.ofSeconds(3)).helloTimeout(Duration.ofSeconds(5))
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).maxReconnectAttempts(Integer.MAX_VALUE)
                .heartbeatInterval(Duration.ofSeconds(2)).ackTimeout(Duration.ofSeconds(3))
                .retryDelays(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                        Duration.ofSeconds(2));
    }

    /** messageIds per conversation, in the order the listener saw them. */
    Map<String, List<Message>> byConversation() {
        Map<String, List<Message>> grouped = new ConcurrentHashMap<>();
        received.forEach(m -> grouped.computeIfAbsent(m.conversationId(), c -> new CopyOnWriteArrayList<>()).add(m));
        return grouped;
    }

    List<String> messageIds(String conversationId) {
        return received.stream().filter(m -> m.conversationId().equals(conversationId)).map(Message::messageId)
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        client.close();
    }
}
