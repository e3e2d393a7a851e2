package io.switchboard.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.conversations.entity.Priority;
import io.switchboard.delivery.boundary.Backlog;
import io.switchboard.delivery.boundary.Deliveries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceSessionTest {

    private static final String CONVERSATION = "c-1";
    private final RecordingConnection connection = new RecordingConnection();
    private final StoreWith store = new StoreWith();
    private final UnsavedCursors unsaved = new UnsavedCursors();
    private DeviceSession cut;

    @BeforeEach
    void session() {
        cut = new DeviceSession(connection, store, unsaved, Runnable::run, Duration.ofSeconds(5), 3);
    }

    @Test
    void theBacklogIsPushedFromTheCursorBeforeLiveMessages() {
        store.stored = 5;
        cut.offer(message(6));
        cut.start(Map.of(CONVERSATION, new Deliveries.Position(2, 5)), Map.of());
        assertThat(connection.seqs()).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void aLiveMessageAheadOfOneNotYetPushedIsPrecededByTheStore() {
        cut.start(Map.of(CONVERSATION, new Deliveries.Position(0, 0)), Map.of());
        store.stored = 3;
        cut.offer(message(3));
        cut.offer(message(2));
        cut.offer(message(4));
        assertThat(connection.seqs()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void unacknowledgedPushesAreRedeliveredWithGrowingDelayThenTheSessionMustResume() {
        Instant start = pushTheFirstMessage();
        cut.tick(start.plusSeconds(4));
        assertThat(connection.redelivered).isZero();
        cut.tick(start.plusSeconds(6));
        assertThat(connection.redelivered).isEqualTo(1);
        cut.tick(start.plusSeconds(6 + 9));
        assertThat(connection.redelivered).as("the second waits twice as long").isEqualTo(1);
        cut.tick(start.plusSeconds(6 + 11));
        cut.tick(start.plusSeconds(6 + 11 + 21));
        assertThat(connection.redelivered).isEqualTo(3);
        assertThat(connection.closed).isEmpty();
        cut.tick(start.plusSeconds(6 + 11 + 21 + 41));
        assertThat(connection.closed).containsExactly(Connection.Disconnect.RESUME_REQUIRED);
    }

    @Test
    void aRedeliveryWaitsTwiceAsLongAsTheServerIsBehindOnReadingTheSocket() {
        Instant start = pushTheFirstMessage();
        connection.readLag = Duration.ofSeconds(3);
        cut.tick(start.plusSeconds(10));
        assertThat(connection.redelivered).as("the ack may still wait in the socket").isZero();
        cut.tick(start.plusSeconds(12));
        assertThat(connection.redelivered).isEqualTo(1);
        assertThat(connection.closed).isEmpty();
    }

    @Test
    void theTickLooksAtASessionOnlyOnceARedeliveryMayBeDue() {
        cut.start(Map.of(CONVERSATION, new Deliveries.Position(0, 0)), Map.of());
        store.stored = 2;
        Instant start = Instant.now();
        assertThat(cut.dueBy(start.plusSeconds(60))).as("nothing pushed").isFalse();

        cut.offer(message(1));
        cut.offer(message(2));
        assertThat(cut.dueBy(start.plusSeconds(4))).isFalse();
        assertThat(cut.dueBy(start.plusSeconds(6))).isTrue();

        cut.ack(CONVERSATION, 2);
        cut.tick(start.plusSeconds(6));
        assertThat(connection.redelivered).isZero();
        assertThat(cut.dueBy(start.plusSeconds(60))).as("everything acknowledged").isFalse();
    }

    @Test
    void aRedeliveryTakesTheOldestAndNoMoreThanHalfTheRoomLeftInTheOutboundQueue() {
        cut.start(Map.of(CONVERSATION, new Deliveries.Position(0, 0)), Map.of());
        store.stored = 100;
        Instant start = Instant.now();
        LongStream.rangeClosed(1, 100).forEach(seq -> cut.offer(message(seq)));
        cut.ack(CONVERSATION, 40);
        connection.room = 10;
        cut.tick(start.plusSeconds(6));
        assertThat(connection.redeliveredSeqs).containsExactly(41L, 42L, 43L, 44L, 45L);
        assertThat(connection.gaps).isEmpty();
    }

    @Test
    void anAckStopsRedeliveryAndIsKeptForSavingUntilWritten() {
        cut.start(Map.of(CONVERSATION, new Deliveries.Position(0, 0)), Map.of());
        store.stored = 2;
        cut.offer(message(1));
        cut.offer(message(2));
        cut.ack(CONVERSATION, 2);
        cut.tick(Instant.now().plusSeconds(60));
        assertThat(connection.redelivered).isZero();
        assertThat(unsavedAcks()).isEqualTo(Map.of(CONVERSATION, 2L));
        unsaved.written(unsaved.cursorsOf(device()));
        assertThat(unsavedAcks()).isEmpty();
    }

    @Test
    void theSendingSessionIsNotPushedItsOwnMessageAndItsCursorPassesItButOnlyAnAckIsSaved() {
        cut.start(Map.of(CONVERSATION, new Deliveries.Position(0, 0)), Map.of());
        store.stored = 2;
        cut.offer(message(1));
        cut.ack(CONVERSATION, 1);
        cut.offerOwn(message(2));
        assertThat(connection.seqs()).containsExactly(1L);
        assertThat(takeUnsavedAcks()).as("the device said it has 1; its answer for 2 may be lost")
                .isEqualTo(Map.of(CONVERSATION, 1L));
        cut.tick(Instant.now().plusSeconds(60));
        assertThat(connection.redelivered).as("nothing owed").isZero();

        cut.ack(CONVERSATION, 2);
        assertThat(takeUnsavedAcks()).as("an ack that covers its own message").isEqualTo(Map.of(CONVERSATION, 2L));
    }

    @Test
    void anOwnMessageAfterUnacknowledgedPushesIsPassedByTheAckBelowIt() {
        cut.start(Map.of(CONVERSATION, new Deliveries.Position(0, 0)), Map.of());
        store.stored = 3;
        cut.offer(message(1));
        cut.offerOwn(message(2));
        cut.offerOwn(message(3));
        assertThat(connection.seqs()).containsExactly(1L);
        assertThat(takeUnsavedAcks()).isEmpty();

        cut.ack(CONVERSATION, 1);
        assertThat(takeUnsavedAcks()).isEqualTo(Map.of(CONVERSATION, 1L));
        cut.tick(Instant.now().plusSeconds(60));
        assertThat(connection.redelivered).as("the device has 2 and 3 already").isZero();
    }

    @Test
    void anOwnMessageOutOfTurnIsPushedLikeAnyOther() {
        cut.start(Map.of(CONVERSATION, new Deliveries.Position(0, 0)), Map.of());
        store.stored = 3;
        cut.offerOwn(message(3));
        assertThat(connection.seqs()).as("1 and 2 not pushed yet: read from the store").containsExactly(1L, 2L, 3L);
    }

    @Test
    void theAnswerToARepeatedSendFollowsThePushesOfEveryLowerSeq() {
        cut.start(Map.of(CONVERSATION, new Deliveries.Position(0, 0)), Map.of());
        store.stored = 3;
        List<String> wire = new ArrayList<>();
        connection.onDeliver = m -> wire.add("new " + m.seq());
        // 1 and 2 were committed by other writers, and their push events have not reached this session yet.
        cut.answer(message(3), () -> wire.add("sent 3"));
        assertThat(wire).containsExactly("new 1", "new 2", "sent 3");

        cut.offer(message(1));
        cut.offer(message(2));
        cut.offer(message(3));
        assertThat(connection.seqs()).as("each pushed once, and 3 not at all").containsExactly(1L, 2L);
    }

    @Test
    void theAnswerToASendAlreadyPlacedGoesOutAtOnce() {
        cut.start(Map.of(CONVERSATION, new Deliveries.Position(0, 0)), Map.of());
        store.stored = 2;
        cut.offer(message(1));
        cut.offerOwn(message(2));
        List<String> answered = new ArrayList<>();
        cut.answer(message(2), () -> answered.add("sent 2"));
        assertThat(answered).containsExactly("sent 2");
        assertThat(connection.seqs()).containsExactly(1L);
    }

    @Test
    void theAnswerIsWrittenEvenWhenTheStoreFailsSoThatItsPlaceInTheWindowIsGivenBack() {
        cut.start(Map.of(CONVERSATION, new Deliveries.Position(0, 0)), Map.of());
        store.stored = 3;
        store.failing = true;
        List<String> answered = new ArrayList<>();
        cut.answer(message(3), () -> answered.add("sent 3"));
        assertThat(connection.closed).containsExactly(Connection.Disconnect.SERVER_ERROR);
        assertThat(answered).containsExactly("sent 3");
    }

    @Test
    void theDeviceIsToldWhereTheReplayStartsUnlessItSaidSoItselfOrItIsZero() {
        store.stored = 9;
        cut.start(Map.of(CONVERSATION, new Deliveries.Position(7, 9), "c-2", new Deliveries.Position(4, 9),
                "c-3", new Deliveries.Position(0, 0)), Map.of("c-2", 4L));
        assertThat(connection.announced).containsExactly(Map.of(CONVERSATION, 7L));
        assertThat(connection.delivered).as("8 and 9, then 5 to 9").hasSize(7);
    }

    @Test
    void pastTheBoundTheGapComesFirst() {
        store.stored = 10;
        store.limit = 3;
        cut.start(Map.of(CONVERSATION, new Deliveries.Position(0, 10)), Map.of());
        assertThat(connection.gaps).containsExactly(new Backlog.Gap(CONVERSATION, 1, 7));
        assertThat(connection.seqs()).containsExactly(8L, 9L, 10L);
    }

    @Test
    void aFailingStoreEndsTheSessionSoThatTheDeviceResumes() {
        store.failing = true;
        cut.start(Map.of(CONVERSATION, new Deliveries.Position(0, 4)), Map.of());
        assertThat(connection.closed).containsExactly(Connection.Disconnect.SERVER_ERROR);
    }

    /** Starts the session at the conversation's beginning and pushes message 1; returns a time just before. */
    private Instant pushTheFirstMessage() {
        cut.start(Map.of(CONVERSATION, new Deliveries.Position(0, 0)), Map.of());
        store.stored = 1;
        Instant start = Instant.now();
        cut.offer(message(1));
        return start;
    }

    private static MessageView message(long seq) {
        return new MessageView("m-" + seq, CONVERSATION, seq, "alice", "k-" + seq, "text " + seq, Priority.NORMAL,
                Instant.EPOCH);
    }

    /** The store: messages 1..stored of one conversation, the newest {@code limit} of a range at a time. */
    static final class StoreWith extends Deliveries {
        long stored;
        int limit = 1000;
        boolean failing;

        @Override
        public Backlog backlog(String conversationId, long afterSeq, long uptoSeq) {
            if (failing) {
                throw new IllegalStateException("store away");
            }
            long upto = Math.min(uptoSeq, stored);
            long from = Math.max(afterSeq + 1, upto - limit + 1);
            List<MessageView> messages = LongStream.rangeClosed(from, upto).mapToObj(DeviceSessionTest::message)
                    .toList();
            Optional<Backlog.Gap> gap = from > afterSeq + 1
                    ? Optional.of(new Backlog.Gap(conversationId, afterSeq + 1, from - 1)) : Optional.empty();
            return new Backlog(gap, messages);
        }
    }

    private DeviceTable.DeviceKey device() {
        return new DeviceTable.DeviceKey(connection.userId(), connection.deviceId());
    }

    private Map<String, Long> unsavedAcks() {
        return unsaved.of(device());
    }

    /** What a flush would write now, written. */
    private Map<String, Long> takeUnsavedAcks() {
        Map<String, Long> acks = unsavedAcks();
        unsaved.written(unsaved.cursorsOf(device()));
        return acks;
    }

    static final class RecordingConnection implements Connection {
        final List<MessageView> delivered = new ArrayList<>();
        final List<Backlog.Gap> gaps = new ArrayList<>();
        final List<Disconnect> closed = new ArrayList<>();
        final List<Long> redeliveredSeqs = new ArrayList<>();
        final List<Map<String, Long>> announced = new ArrayList<>();
        Consumer<MessageView> onDeliver = message -> { };
        int redelivered;
        int room = 1024;
        Duration readLag = Duration.ZERO;

        List<Long> seqs() {
            return delivered.stream().map(MessageView::seq).toList();
        }

        @Override
        public String sessionId() {
            return "s";
        }

        @Override
        public String userId() {
            return "bob";
        }

        @Override
        public String deviceId() {
            return "phone";
        }

        @Override
        public void deliver(MessageView message, boolean redelivery) {
            if (redelivery) {
                redelivered++;
                redeliveredSeqs.add(message.seq());
            } else {
                delivered.add(message);
                onDeliver.accept(message);
            }
        }

        @Override
        public void gap(Backlog.Gap gap) {
            gaps.add(gap);
        }

        @Override
        public void cursors(Map<String, Long> cursors) {
            assertThat(delivered).as("the cursors come before any message").isEmpty();
            announced.add(cursors);
        }

        @Override
        public int room() {
            return room;
        }

        @Override
        public void close(Disconnect reason) {
            closed.add(reason);
        }

        @Override
        public Duration readLag() {
            return readLag;
        }
    }
}
