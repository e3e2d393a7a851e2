package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.client.Message;
import io.switchboard.client.SentAck;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * The delivery guarantee under a hostile network: SDK clients talk to the real server through a proxy that stalls and
 * cuts their connections at random while they send.
 */
class FaultyNetworkIT {

    /** Each step: which device sends, and into which of its conversations. */
    record Step(int device, boolean group, int pauseMillis) {
    }

    @Property(tries = 3, shrinking = ShrinkingMode.OFF)
    void everyStoredMessageReachesEveryMemberDeviceOnceInSeqOrder(@ForAll("schedules") List<Step> schedule,
            @ForAll long seed) throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String carol = Rest.unique("carol");
        String group = Rest.group(Tokens.user(alice), "chaos", bob, carol);
        String direct = Rest.direct(Tokens.user(alice), bob);
        Map<String, List<String>> members = Map.of(group, List.of(alice, bob, carol), direct, List.of(alice, bob));

        List<SdkDevice> devices = new ArrayList<>();
        try (FaultyProxy proxy = new FaultyProxy(TestServer.WS_PORT, seed)) {
            for (String[] d : new String[][] {{alice, "a1"}, {alice, "a2"}, {bob, "b1"}, {carol, "c1"}}) {
                SdkDevice device = new SdkDevice(d[0], d[1], proxy.ws());
                devices.add(device);
                device.client.connect();
            }
            List<CompletableFuture<SentAck>> acks = new ArrayList<>();
            for (Step step : schedule) {
                SdkDevice sender = devices.get(step.device());
                String conversation = step.group() || sender.user.equals(carol) ? group : direct;
                acks.add(sender.client.send(conversation, "from " + sender.device + " #" + acks.size()));
                Thread.sleep(step.pauseMillis());
            }
            Thread.sleep(2000);
            proxy.heal();
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
            assertThat(proxy.cuts.get() + proxy.stalls.get()).as("the network misbehaved").isPositive();

            for (String conversation : members.keySet()) {
                List<String> stored = history(alice, conversation);
                long sentThere = acks.stream().map(CompletableFuture::join)
                        .filter(a -> a.conversationId().equals(conversation)).count();
                assertThat(stored).as("each send stored once").hasSize((int) sentThere);
                for (SdkDevice device : devices) {
                    if (!members.get(conversation).contains(device.user)) {
                        continue;
                    }
                    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                            device.messageIds(conversation)).as(device.device + " has every message once, in order")
                            .containsExactlyElementsOf(stored));
                }
            }
            for (SdkDevice device : devices) {
                device.byConversation().values().forEach(list -> assertThat(list.stream().map(Message::seq)
                        .toList()).isSorted().doesNotHaveDuplicates());
            }
        } finally {
            devices.forEach(SdkDevice::close);
        }
    }

    @Provide
    Arbitrary<List<Step>> schedules() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 150)).as(Step::new);
        return step.list().ofMinSize(10).ofMaxSize(30);
    }

    static List<String> history(String user, String conversation) throws Exception {
        return Rest.expectOk(Rest.get(Tokens.user(user), "/api/conversations/" + conversation
                + "/messages?limit=500")).object().getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("messageId")).toList();
    }
}
