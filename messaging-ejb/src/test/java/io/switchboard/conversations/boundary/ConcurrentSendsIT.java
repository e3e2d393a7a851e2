package io.switchboard.conversations.boundary;

import static io.switchboard.testing.Answers.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.conversations.entity.Priority;
import io.switchboard.platform.ErrorCode;
import io.switchboard.platform.Refusal;
import io.switchboard.testing.Answers;
import io.switchboard.testing.InServer;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
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
 * Senders racing through the facade into one conversation, as several devices do: the group commit must hand out
 * every seq exactly once, and the idempotency check must hold when duplicates arrive together, in one batch or not.
 */
@ExtendWith(ArquillianExtension.class)
public class ConcurrentSendsIT {

    static final int SENDERS = 4;
    static final int SENDS_EACH = 25;
    static final int DUPLICATE_ROUNDS = 10;

    @Deployment
    public static WebArchive deployment() {
        return InServer.deployment(ConcurrentSendsIT.class, Answers.class);
    }

    @Inject
    Conversations cut;

    @Inject
    Sends sends;

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

    @Test
    void sendsSubmittedTogetherAreAnsweredAsIfStoredOneByOne() {
        String alice = members.get(0);
        String outsider = "outsider-" + UUID.randomUUID();
        var answers = new ArrayList<CompletionStage<SendReceipt>>();
        for (int i = 0; i < SENDS_EACH; i++) {
            answers.add(sends.send(command(members.get(i % SENDERS), "mix-" + i, "mix #" + i, conversation)));
            if (i == 5) {
                answers.add(sends.send(command(alice, "mix-0", "mix #0", conversation)));
                answers.add(sends.send(command(alice, "mix-0", "not the same text", conversation)));
                answers.add(sends.send(command(outsider, "o-1", "let me in", conversation)));
                answers.add(sends.send(command(alice, "u-1", "anyone?", "c-" + UUID.randomUUID())));
            }
        }

        List<SendReceipt> stored = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (i < 6 || i > 9) {
                stored.add(await(answers.get(i)));
            }
        }
        assertThat(stored).extracting(r -> r.message().seq())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, SENDS_EACH).boxed().toList());
        SendReceipt repeat = await(answers.get(6));
        assertThat(repeat.duplicate()).isTrue();
        assertThat(repeat.message()).isEqualTo(stored.get(0).message());
        assertRefusal(answers.get(7), ErrorCode.IDEMPOTENCY_CONFLICT);
        assertRefusal(answers.get(8), ErrorCode.NOT_MEMBER);
        assertRefusal(answers.get(9), ErrorCode.UNKNOWN_CONVERSATION);
        assertThat(stored()).extracting(MessageView::text).containsExactlyElementsOf(
                IntStream.range(0, SENDS_EACH).mapToObj(i -> "mix #" + i).toList());
    }

    private static void assertRefusal(CompletionStage<SendReceipt> answer, ErrorCode code) {
        assertThatThrownBy(() -> await(answer)).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.code()).isEqualTo(code));
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
        return await(sends.send(command(sender, clientMessageId, text, conversation)));
    }

    private static SendCommand command(String sender, String clientMessageId, String text, String conversation) {
        return new SendCommand(sender, clientMessageId, conversation, text, Priority.NORMAL);
    }

    private List<MessageView> stored() {
        return cut.history(members.get(0), conversation, new HistoryQuery(null, null, HistoryQuery.MAX_LIMIT))
                .messages();
    }
}
