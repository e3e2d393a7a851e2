package io.switchboard.conversations.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.conversations.boundary.MessageStored;
import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.conversations.boundary.SendCommand;
import io.switchboard.conversations.boundary.SendReceipt;
import io.switchboard.conversations.entity.Priority;
import io.switchboard.monitoring.boundary.Telemetry;
import io.switchboard.platform.ErrorCode;
import io.switchboard.platform.Refusal;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batching around the store, with a store that answers as told: the real batches run against the database in
 * the in-server and end-to-end tests; a unique violation raised by a second node cannot be produced with one.
 */
class GroupCommitTest {

    GroupCommit cut;
    final List<Runnable> tasks = new ArrayList<>();
    final List<Integer> batchSizes = new ArrayList<>();
    final List<Boolean> lookUps = new ArrayList<>();
    final List<MessageStored> fired = new ArrayList<>();
    /** What arrives while a writer lingers. */
    final List<Runnable> duringLinger = new ArrayList<>();
    final List<Duration> lingered = new ArrayList<>();
    /** The sizes and waits (ns) of the batches reported to the metrics. */
    final List<Integer> reportedSizes = new ArrayList<>();
    final List<Long> reportedWaits = new ArrayList<>();
    boolean violateOnBatches;
    boolean violateUnlessLookedUp;

    @BeforeEach
    void heldWriter() {
        cut = new GroupCommit() {
            @Override
            Executor executor() {
                return tasks::add;
            }

            @Override
            void linger(Duration wait) {
                lingered.add(wait);
                duringLinger.forEach(Runnable::run);
                duringLinger.clear();
            }
        };
        cut.capacity = 3;
        cut.maxBatch = 256;
        cut.linger = Duration.ZERO;
        cut.store = new MessageStore() {
            @Override
            public List<Appended> appendAll(List<SendCommand> commands, boolean lookUpAll) {
                batchSizes.add(commands.size());
                lookUps.add(lookUpAll);
                if (violateOnBatches && commands.size() > 1 || violateUnlessLookedUp && !lookUpAll) {
                    throw new PersistenceException(new SQLException("duplicate key", "23505"));
                }
                return commands.stream().map(c -> Appended.stored(new SendReceipt(view(c), false), List.of("a", "b")))
                        .toList();
            }
        };
        cut.stored = recording();
        cut.telemetry = new Telemetry() {
            @Override
            public void batchWritten(int size, long waitedNanos, long storeNanos, long fanOutNanos) {
                reportedSizes.add(size);
                reportedWaits.add(waitedNanos);
            }
        };
        cut.recent = new RecentSends();
        cut.recent.capacity = 100;
        cut.start();
    }

    @Test
    void sendsWaitingTogetherShareOneBatch() throws InterruptedException {
        var answers = List.of(cut.submit(send("k1")), cut.submit(send("k2")), cut.submit(send("k3")));
        Thread.sleep(20);

        runWriters();

        assertThat(batchSizes).containsExactly(3);
        assertThat(reportedSizes).as("the batch in the metrics").containsExactly(3);
        assertThat(reportedWaits).as("the oldest send's wait").allSatisfy(
                waited -> assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos()));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.toCompletableFuture()).isCompleted());
        assertThat(fired).extracting(stored -> stored.message().clientMessageId()).containsExactly("k1", "k2", "k3");
        assertThat(cut.waiting()).isZero();
    }

    @Test
    void withALingerSendsArrivingDuringItShareTheBatch() {
        cut.linger = Duration.ofMillis(2);
        cut.submit(send("k1"));
        duringLinger.add(() -> cut.submit(send("k2")));

        runWriters();

        assertThat(batchSizes).containsExactly(2);
        assertThat(lingered).first().isEqualTo(Duration.ofMillis(2));
        assertThat(fired).extracting(stored -> stored.message().clientMessageId()).containsExactly("k1", "k2");
    }

    @Test
    void withoutALingerALoneSendIsWrittenAtOnce() {
        cut.submit(send("k1"));
        duringLinger.add(() -> cut.submit(send("k2")));

        runWriters();

        assertThat(lingered).isEmpty();
        assertThat(batchSizes).containsExactly(1);
    }

    @Test
    void aFullBatchWaitingIsTakenWithoutALinger() {
        cut.linger = Duration.ofMillis(2);
        cut.maxBatch = 2;
        cut.submit(send("k1"));
        cut.submit(send("k2"));

        runWriters();

        assertThat(lingered).as("only the empty round after the full batch lingers").hasSize(1);
        assertThat(batchSizes).containsExactly(2);
    }

    @Test
    void eachSendOfABatchIsAnsweredAfterItsOwnEventAndBeforeTheNextOne() {
        // A new device's answer must not fall behind the push of a later message of the same batch: it would take
        // that push as the conversation's start and drop its own message.
        List<String> order = new ArrayList<>();
        cut.stored = recording(order);
        for (String key : List.of("k1", "k2", "k3")) {
            cut.submit(send(key), (receipt, failure) -> order.add("answered " + receipt.message().clientMessageId()));
        }

        runWriters();

        assertThat(batchSizes).containsExactly(3);
        assertThat(order).containsExactly("stored k1", "answered k1", "stored k2", "answered k2", "stored k3",
                "answered k3");
    }

    @Test
    void anAnswerAttachedAtSubmitAlsoHearsARefusal() {
        for (int i = 0; i < 3; i++) {
            cut.submit(send("k" + i));
        }
        List<Throwable> failures = new ArrayList<>();

        cut.submit(send("k4"), (receipt, failure) -> failures.add(failure));

        assertThat(failures).singleElement().isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.OVERLOADED));
    }

    @Test
    void aUniqueViolationInABatchRetriesEachSendAlone() {
        violateOnBatches = true;
        var answers = List.of(cut.submit(send("k1")), cut.submit(send("k2")));

        runWriters();

        assertThat(batchSizes).containsExactly(2, 1, 1);
        assertThat(lookUps).as("each send alone looks its key up").containsExactly(false, true, true);
        assertThat(answers.get(1).toCompletableFuture().join().message().clientMessageId()).isEqualTo("k2");
        assertThat(fired).hasSize(2);
    }

    @Test
    void conversationsOfDifferentWritersCommitBesideEachOtherEachInTheOrderItsSendsCame() {
        cut.writers = 2; // "c1" falls to the first writer, "c2" to the second
        cut.start();
        var answers = List.of(cut.submit(send("k1", "c1")), cut.submit(send("k2", "c2")),
                cut.submit(send("k3", "c1")));

        assertThat(tasks).as("one task per writer, both started at once").hasSize(2);
        runWriters();

        assertThat(batchSizes).containsExactly(2, 1);
        assertThat(fired).extracting(stored -> stored.message().clientMessageId()).containsExactly("k1", "k3", "k2");
        assertThat(answers).allSatisfy(answer -> assertThat(answer.toCompletableFuture()).isCompleted());
        assertThat(cut.waiting()).isZero();
    }

    @Test
    void aLoneSendRefusedByTheUniqueIndexIsDecidedAgainWithALookup() {
        violateUnlessLookedUp = true;
        var answer = cut.submit(send("k1")).toCompletableFuture();

        runWriters();

        assertThat(lookUps).containsExactly(false, true);
        assertThat(answer.join().message().clientMessageId()).isEqualTo("k1");
        assertThat(cut.recent.mayHave(new MessageTable.SendKey("alice", "k1"))).isTrue();
    }

    @Test
    void aFullQueueRefusesTheSendAsOverloadedAtOnce() {
        for (int i = 0; i < 3; i++) {
            cut.submit(send("k" + i));
        }

        CompletableFuture<SendReceipt> refused = cut.submit(send("k4")).toCompletableFuture();

        assertThat(refused).isCompletedExceptionally();
        refused.exceptionally(failure -> {
            assertThat(failure).isInstanceOfSatisfying(Refusal.class,
                    refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.OVERLOADED));
            return null;
        });
        runWriters();
        assertThat(batchSizes).containsExactly(3);
    }

    private void runWriters() {
        while (!tasks.isEmpty()) {
            tasks.remove(0).run();
        }
    }

    private Event<MessageStored> recording() {
        return recording(new ArrayList<>());
    }

    /** Records each event in {@link #fired}, and as "stored k" in {@code order}. */
    @SuppressWarnings("unchecked")
    private Event<MessageStored> recording(List<String> order) {
        return (Event<MessageStored>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Event.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("fire")) {
                        MessageStored event = (MessageStored) arguments[0];
                        fired.add(event);
                        order.add("stored " + event.message().clientMessageId());
                    }
                    return null;
                });
    }

    private static SendCommand send(String clientMessageId) {
        return send(clientMessageId, "c1");
    }

    private static SendCommand send(String clientMessageId, String conversationId) {
        return new SendCommand("alice", clientMessageId, conversationId, "hello", Priority.NORMAL);
    }

    private static MessageView view(SendCommand c) {
        return new MessageView("m-" + c.clientMessageId(), c.conversationId(), 1, c.senderId(), c.clientMessageId(),
                c.text(), c.priority(), Instant.EPOCH);
    }
}
