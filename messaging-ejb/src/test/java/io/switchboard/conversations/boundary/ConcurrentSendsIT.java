package io.switchboard.conversations.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.conversations.entity.Priority;
import io.switchboard.testing.InServer;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
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

    ExecutorService threads;
    List<String> members;
    String conversation;

    @BeforeEach
    void groupOfSenders() throws NamingException {
        // The server's own pool, as the application uses it: container threads with the application's context.
        threads = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        members = IntStream.range(0, SENDERS).mapToObj(i -> "sender" + i + "-" + UUID.randomUUID()).toList();
        conversation = cut.createGroup(members.get(0), "race", members.subList(1, SENDERS)).id();
    }

    @Test
    void concurrentSendsGetEverySeqExactlyOnce() throws Exception {
        List<SendReceipt> receipts = race(members.stream().<Callable<List<SendReceipt>>>map(sender -> () -> {
            var own = new ArrayList<SendReceipt>();
            for (int i = 0; i < SENDS_EACH; i++) {
                own.add(send(sender, "n-" + i, sender + " #" + i));
            }
            return own;
        }).toList());

        Long[] everySeq = LongStream.rangeClosed(1, SENDERS * SENDS_EACH).boxed().toArray(Long[]::new);
        assertThat(receipts).extracting(SendReceipt::duplicate).containsOnly(false);
        assertThat(receipts).extracting(r -> r.message().seq()).containsExactlyInAnyOrder(everySeq);
        List<MessageView> stored = stored();
        assertThat(stored).extracting(MessageView::seq).containsExactly(everySeq);
        for (String sender : members) {
            // Each sender waited for every answer, so its own messages must be stored in the order it sent them.
            assertThat(stored).filteredOn(m -> m.senderId().equals(sender)).extracting(MessageView::text)
                    .containsExactlyElementsOf(IntStream.range(0, SENDS_EACH).mapToObj(i -> sender + " #" + i)
                            .toList());
        }
        assertThat(cut.get(members.get(0), conversation).lastSeq()).isEqualTo(everySeq.length);
    }

    @Test
    void concurrentDuplicatesStoreOneMessage() throws Exception {
        String sender = members.get(0);
        for (int round = 1; round <= DUPLICATE_ROUNDS; round++) {
            String clientMessageId = "dup-" + round;
            String text = "only once #" + round;
            List<SendReceipt> receipts = race(IntStream.range(0, SENDERS)
                    .<Callable<List<SendReceipt>>>mapToObj(i -> () -> List.of(send(sender, clientMessageId, text)))
                    .toList());

            assertThat(receipts).as("round %s", round).extracting(SendReceipt::duplicate).containsOnlyOnce(false);
            MessageView stored = receipts.stream().filter(r -> !r.duplicate()).findFirst().orElseThrow().message();
            assertThat(receipts).as("round %s", round).extracting(SendReceipt::message).containsOnly(stored);
            assertThat(stored.seq()).as("round %s", round).isEqualTo(round);
        }
        assertThat(stored()).extracting(MessageView::clientMessageId).containsExactlyElementsOf(
                IntStream.rangeClosed(1, DUPLICATE_ROUNDS).mapToObj(round -> "dup-" + round).toList());
    }

    /**
     * Releases the tasks together once they all run. A pool short of threads only delays the start: a task never
     * waits for another one, so the race cannot hang the test.
     */
    private List<SendReceipt> race(List<Callable<List<SendReceipt>>> tasks) throws Exception {
        var running = new CountDownLatch(tasks.size());
        var go = new CountDownLatch(1);
        var futures = new ArrayList<Future<List<SendReceipt>>>();
        for (Callable<List<SendReceipt>> task : tasks) {
            futures.add(threads.submit(() -> {
                running.countDown();
                go.await();
                return task.call();
            }));
        }
        running.await(10, TimeUnit.SECONDS);
        go.countDown();
        var receipts = new ArrayList<SendReceipt>();
        for (Future<List<SendReceipt>> future : futures) {
            receipts.addAll(future.get(60, TimeUnit.SECONDS));
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
