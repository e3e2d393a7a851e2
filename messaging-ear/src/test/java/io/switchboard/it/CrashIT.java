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

/** kill -9 in the middle of a burst: nothing acknowledged is lost, nothing is stored or shown twice. */
class CrashIT {

    @Test
    void aServerKilledMidBurstLosesNothingAndDuplicatesNothing() throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String conversation = Rest.direct(Tokens.user(alice), bob);
        int burst = 60;
        try (SdkDevice sender = new SdkDevice(alice, "a1", TestServer.WS);
             SdkDevice phone = new SdkDevice(bob, "phone", TestServer.WS);
             SdkDevice laptop = new SdkDevice(bob, "laptop", TestServer.WS)) {
            for (SdkDevice device : List.of(sender, phone, laptop)) {
                device.client.connect().get(10, TimeUnit.SECONDS);
            }
            List<CompletableFuture<SentAck>> acks = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                acks.add(sender.client.send(conversation, "burst " + i));
                if (i == burst / 3) {
                    await().atMost(Duration.ofSeconds(20)).until(() -> acks.stream().filter(f -> f.isDone()).count() > 5);
                    TestServer.kill();
                }
            }
            TestServer.start();

            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            List<String> stored = FaultyNetworkIT.history(alice, conversation);
            assertThat(stored).as("every send stored exactly once").hasSize(burst)
                    .containsExactlyInAnyOrderElementsOf(acks.stream().map(f -> f.join().messageId()).toList());
            for (SdkDevice device : List.of(phone, laptop, sender)) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        device.messageIds(conversation)).as(device.device + " saw each once, in order")
                        .containsExactlyElementsOf(stored));
            }
        }
    }
}
