package io.switchboard.conversations.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.conversations.entity.Priority;
import io.switchboard.testing.InServer;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Senders racing through the facade into one conversation, as several devices do: the row lock on the conversation
 * must hand out every seq exactly once, and the idempotency check must hold when duplicates arrive together.
 */
@ExtendWith(ArquillianExtension.class)
public class ConcurrentSendsIT {

    static final int SENDERS = 4;
    static final int SENDS_EACH = 25;
    static final int DUPLICATE_ROUNDS = 10;

    @Deployment
    public static WebArchive deployment() {
        return InServer.deployment(ConcurrentSendsIT.class);
    }

    @Inject
    Conversations cut;

    // Plain threads, not a ManagedExecutorService: the facade is a local EJB, and calling it needs no context from
    // the caller, so the test stays off the concurrent feature that the server does not otherwise need.
    ExecutorService threads;
    List<String> members;
    String conversation;

    @BeforeEach
    void groupOfSenders() {
        threads = Executors.newFixedThreadPool(SENDERS);
        members = IntStream.range(0, SENDERS).mapToObj(i -> "sender" + i + "-" + UUID.randomUUID()).toList();
        conversation = cut.createGroup(members.get(0), "race", members.subList(1, SENDERS)).id();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void concurrentSendsGetEverySeqExactlyOnce() throws Exception {
        var barrier = new CyclicBarrier(SENDERS);
        List<Callable<List<SendReceipt>>> senders = members.stream()
                .<Callable<List<SendReceipt>>>map(sender -> () -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    var receipts = new ArrayList<SendReceipt>();
                    for (int i = 0; i < SENDS_EACH; i++) {
                        receipts.add(send(sender, "n-" + i, sender + " #" + i));
                    }
                    return receipts;
                })
                .toList();

        List<SendReceipt> receipts = all(senders);

        long total = SENDERS * SENDS_EACH;
        assertThat(receipts).extracting(SendReceipt::duplicate).containsOnly(false);
        assertThat(receipts).extracting(r -> r.message().seq())
                .containsExactlyInAnyOrder(LongStream.rangeClosed(1, total).boxed().toArray(Long[]::new));
        List<MessageView> stored = stored();
        assertThat(stored).extracting(MessageView::seq)
                .containsExactly(LongStream.rangeClosed(1, total).boxed().toArray(Long[]::new));
        for (String sender : members) {
            // Each sender waited for every answer, so its own messages must be stored in the order it sent them.
            assertThat(stored).filteredOn(m -> m.senderId().equals(sender)).extracting(MessageView::text)
                    .containsExactlyElementsOf(IntStream.range(0, SENDS_EACH).mapToObj(i -> sender + " #" + i)
                            .toList());
        }
        assertThat(cut.get(members.get(0), conversation).lastSeq()).isEqualTo(total);
    }

    @Test
    void concurrentDuplicatesStoreOneMessage() throws Exception {
        String sender = members.get(0);
        for (int round = 1; round <= DUPLICATE_ROUNDS; round++) {
            var barrier = new CyclicBarrier(SENDERS);
            String clientMessageId = "dup-" + round;
            String text = "only once #" + round;
            List<Callable<List<SendReceipt>>> duplicates = IntStream.range(0, SENDERS)
                    .<Callable<List<SendReceipt>>>mapToObj(i -> () -> {
                        barrier.await(30, TimeUnit.SECONDS);
                        return List.of(send(sender, clientMessageId, text));
                    })
                    .toList();

            List<SendReceipt> receipts = all(duplicates);

            assertThat(receipts).as("round %s", round).extracting(SendReceipt::duplicate)
                    .containsOnlyOnce(false);
            assertThat(receipts).as("round %s", round).extracting(SendReceipt::message).containsOnly(
                    receipts.stream().filter(r -> !r.duplicate()).findFirst().orElseThrow().message());
            assertThat(receipts.get(0).message().seq()).as("round %s", round).isEqualTo(round);
        }
        assertThat(stored()).extracting(MessageView::clientMessageId)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, DUPLICATE_ROUNDS).mapToObj(r -> "dup-" + r)
                        .toList());
    }

    private List<SendReceipt> all(List<Callable<List<SendReceipt>>> tasks) throws Exception {
        var receipts = new ArrayList<SendReceipt>();
        for (Future<List<SendReceipt>> future : threads.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
            receipts.addAll(future.get());
        }
        return receipts;
    }

    private SendReceipt send(String sender, String clientMessageId, String text) {
        return cut.send(new SendCommand(sender, clientMessageId, conversation, text, Priority.NORMAL));
    }

    private List<MessageView> stored() {
        return cut.history(members.get(0), conversation, new HistoryQuery(null, null, HistoryQuery.MAX_LIMIT))
                .messages();
    }
}
