package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.client.SentAck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A device's own messages beside the other member's, when both reach the server at once: the two sends share a
 * batch of the group commit, and each device sees its own message through {@code message:sent} and the other's as
 * a push, in seq order whichever of the two is its own.
 */
class OwnMessagesIT {

    private static final int PAIRS = 20;

    @Test
    void newDevicesSendingAtOnceEachSeeBothMessagesInSeqOrder() throws Exception {
        List<SdkDevice> firsts = new ArrayList<>();
        List<SdkDevice> seconds = new ArrayList<>();
        List<String> conversations = new ArrayList<>();
        try {
            for (int i = 0; i < PAIRS; i++) {
                String first = Rest.unique("first");
                String second = Rest.unique("second");
                conversations.add(Rest.direct(Tokens.user(first), second));
                firsts.add(new SdkDevice(first, "f1", TestServer.WS));
                seconds.add(new SdkDevice(second, "s1", TestServer.WS));
            }
            for (SdkDevice device : firsts) {
                device.client.connect().get(10, TimeUnit.SECONDS);
            }
            for (SdkDevice device : seconds) {
                device.client.connect().get(10, TimeUnit.SECONDS);
            }
            // Back to back, without waiting for answers: most pairs land in one batch, the first's message below.
            List<CompletableFuture<SentAck>> acks = new ArrayList<>();
            for (int i = 0; i < PAIRS; i++) {
                acks.add(firsts.get(i).client.send(conversations.get(i), "first"));
                acks.add(seconds.get(i).client.send(conversations.get(i), "second"));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            for (int i = 0; i < PAIRS; i++) {
                String conversation = conversations.get(i);
                List<String> stored = FaultyNetworkIT.history(firsts.get(i).user, conversation);
                assertThat(stored).as("both sends stored").hasSize(2);
                for (SdkDevice device : List.of(firsts.get(i), seconds.get(i))) {
                    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                            device.messageIds(conversation)).as(device.user + " has both, in seq order")
                            .containsExactlyElementsOf(stored));
                }
            }
        } finally {
            firsts.forEach(SdkDevice::close);
            seconds.forEach(SdkDevice::close);
        }
    }
}
