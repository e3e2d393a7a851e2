package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.bench.proto.ChatSession;
import io.switchboard.bench.proto.Topology;
import io.switchboard.bench.ws.TextChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerTest {

    /** Three conversations of three: connections 0-2, 3-5, 6-8. */
    private final Topology topology = new Topology("run1", 9, 3, 1);
    private final List<String[]> sends = new ArrayList<>();
    private Ledger cut;
    private StepStats step;

    @BeforeEach
    void setUp() {
        step = new StepStats(100);
        cut = ledger(0, step);
    }

    /** A ledger over nine fake sessions that re-sends every acknowledged message, begun on {@code stats}. */
    private Ledger reSendingEverything(StepStats stats) {
        return ledger(1.0, stats);
    }

    private Ledger ledger(double retryFraction, StepStats stats) {
        Ledger ledger = new Ledger(topology, 100, retryFraction, 1);
        ChatSession[] sessions = new ChatSession[9];
        for (int i = 0; i < 9; i++) {
            sessions[i] = new FakeSession(i);
        }
        ledger.attach(sessions);
        ledger.begin(stats);
        return ledger;
    }

    private String[] sendFrom(int sender) {
        cut.send(sender, 0);
        return sends.get(sends.size() - 1);
    }

    @Test
    void aMessageAckedAndReceivedByEveryOtherMemberIsComplete() {
        String[] m = sendFrom(3);
        cut.sent(3, m[1], "m-1");
        cut.delivered(4, m[1], m[2], false);
        cut.delivered(5, m[1], m[2], false);
        assertThat(step.settled()).isTrue();
        cut.settle(step);
        assertThat(step.acked).isEqualTo(1);
        assertThat(step.deliveries).isEqualTo(2);
        assertThat(step.lostMessages).isZero();
        assertThat(step.endToEnd.count()).isEqualTo(2);
    }

    @Test
    void anAckedMessageAMemberNeverGotIsLost() {
        String[] m = sendFrom(0);
        cut.sent(0, m[1], "m-1");
        cut.delivered(1, m[1], m[2], false);
        assertThat(step.settled()).isFalse();
        cut.settle(step);
        assertThat(step.lostMessages).isEqualTo(1);
        assertThat(step.lostDeliveries).isEqualTo(1);
    }

    @Test
    void anUnackedMessageIsNotLostButUnacknowledged() {
        sendFrom(0);
        cut.settle(step);
        assertThat(step.lostMessages).isZero();
        assertThat(step.sent - step.acked - step.sendErrors).isEqualTo(1);
    }

    @Test
    void aSecondCopyToTheSameMemberIsADuplicateAndTheSendersEchoIsIgnored() {
        String[] m = sendFrom(6);
        cut.delivered(7, m[1], m[2], false);
        cut.delivered(7, m[1], m[2], true);
        cut.delivered(6, m[1], m[2], false);
        assertThat(step.duplicates).isEqualTo(1);
        assertThat(step.unflaggedDuplicates).as("the second copy was flagged as a redelivery").isZero();
        assertThat(step.redeliveries).isEqualTo(1);
        assertThat(step.deliveries).isEqualTo(1);
        assertThat(cut.selfEchoes).isEqualTo(1);
    }

    @Test
    void aSecondCopyWithoutTheRedeliveryFlagIsAnUnflaggedDuplicate() {
        String[] m = sendFrom(6);
        cut.delivered(7, m[1], m[2], false);
        cut.delivered(7, m[1], m[2], false);
        assertThat(step.duplicates).isEqualTo(1);
        assertThat(step.unflaggedDuplicates).isEqualTo(1);
    }

    @Test
    void aDeliveryOutsideTheConversationIsCountedAsMisrouted() {
        String[] m = sendFrom(0);
        cut.delivered(4, m[1], m[2], false);
        assertThat(step.wrongConversation).isEqualTo(1);
        assertThat(step.deliveries).isZero();
    }

    @Test
    void sendErrorsAreCountedByReason() {
        String[] m = sendFrom(0);
        cut.sendFailed(m[1], "rate_limited");
        assertThat(step.sendErrors).isEqualTo(1);
        assertThat(step.sendErrorReasons).containsEntry("rate_limited", 1);
    }

    @Test
    void aRefusedSendIsNotWaitedForNorMarkedOverdue() {
        String[] refused = sendFrom(0);
        cut.sendFailed(refused[1], "overloaded");
        String[] m = sendFrom(3);
        cut.sent(3, m[1], "m-1");
        cut.delivered(4, m[1], m[2], false);
        cut.delivered(5, m[1], m[2], false);
        assertThat(step.expectedDeliveries).isEqualTo(2);
        assertThat(step.settled()).as("nothing more can arrive").isTrue();
        assertThat(cut.markOverdue(step)).isZero();
        cut.settle(step);
        assertThat(step.lostMessages).isZero();
        assertThat(step.lateMessages).isZero();
    }

    @Test
    void idempotentRetryMustReturnTheSameMessageId() {
        StepStats st = new StepStats(10);
        Ledger always = reSendingEverything(st);
        always.send(0, 0);
        String cmid = sends.get(0)[1];
        always.sent(0, cmid, "m-1");
        assertThat(sends).hasSize(2);
        assertThat(sends.get(1)[1]).isEqualTo(cmid);
        always.sent(0, cmid, "m-2");
        assertThat(st.retries).isEqualTo(1);
        assertThat(st.retryMismatches).isEqualTo(1);

        always.send(3, 0);
        String second = sends.get(2)[1];
        always.sent(3, second, "m-3");
        always.settle(st);
        assertThat(st.retriesUnanswered).isEqualTo(1);
    }

    @Test
    void aMessageCompletedAfterTheDrainIsLateAndOneStillIncompleteIsLost() {
        String[] late = sendFrom(0);
        cut.sent(0, late[1], "m-1");
        cut.delivered(1, late[1], late[2], false);
        String[] lost = sendFrom(3);
        cut.sent(3, lost[1], "m-2");
        String[] complete = sendFrom(6);
        cut.sent(6, complete[1], "m-3");
        cut.delivered(7, complete[1], complete[2], false);
        cut.delivered(8, complete[1], complete[2], false);

        assertThat(cut.markOverdue(step)).isEqualTo(2);
        cut.delivered(2, late[1], late[2], false);
        cut.delivered(4, lost[1], lost[2], false);
        cut.settle(step);

        assertThat(step.lateMessages).isEqualTo(1);
        assertThat(step.lostMessages).isEqualTo(1);
        assertThat(step.lostDeliveries).isEqualTo(1);
        assertThat(step.lateDeliveries).isEqualTo(2);
        assertThat(step.deliveries).isEqualTo(5);
    }

    @Test
    void withoutALateWindowNothingIsLate() {
        String[] m = sendFrom(0);
        cut.sent(0, m[1], "m-1");
        cut.settle(step);
        assertThat(step.lostMessages).isEqualTo(1);
        assertThat(step.lateMessages).isZero();
        assertThat(step.lateDeliveries).isZero();
    }

    @Test
    void aRefusedReSendIsCountedByReasonAndIsNotAMismatch() {
        StepStats st = new StepStats(10);
        Ledger always = reSendingEverything(st);
        always.send(0, 0);
        String cmid = sends.get(0)[1];
        always.sent(0, cmid, "m-1");
        always.sendFailed(cmid, "overloaded");
        assertThat(st.retries).isEqualTo(1);
        assertThat(st.answeredRetries).isEqualTo(1);
        assertThat(st.retryMismatches).isZero();
        assertThat(st.retriesRefused).isEqualTo(1);
        assertThat(st.retryRefusalReasons).containsEntry("overloaded", 1);
        assertThat(st.sendErrors).isZero();
        always.settle(st);
        assertThat(st.retriesUnanswered).isZero();
    }

    @Test
    void deliveriesAfterTheBooksAreClosedAreLateNotCounted() {
        String[] m = sendFrom(0);
        cut.settle(step);
        cut.delivered(1, m[1], m[2], false);
        cut.delivered(1, null, "x", false);
        assertThat(cut.lateOrUnknown).isEqualTo(2);
    }

    @Test
    void theStampIsReadBackFromTheText() {
        assertThat(Ledger.stamp("123456|xxx")).isEqualTo(123456);
        assertThat(Ledger.stamp("-5|x")).isEqualTo(-5);
        assertThat(Ledger.stamp("changed")).isEqualTo(Long.MIN_VALUE);
        assertThat(Ledger.stamp("12a|x")).isEqualTo(Long.MIN_VALUE);
        assertThat(Ledger.stamp(null)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void theTextHasTheRequestedLength() {
        String[] m = sendFrom(0);
        assertThat(m[2]).contains("|");
        assertThat(m[2]).hasSize(100);
        assertThat(cut.text(123)).hasSize(100).startsWith("123|x");
        assertThat(new Ledger(topology, 5, 0, 1).text(123_456)).isEqualTo("123456|x");
    }

    private final class FakeSession implements ChatSession {
        private final int index;

        FakeSession(int index) {
            this.index = index;
        }

        @Override
        public void send(String clientMessageId, String text) {
            sends.add(new String[] {String.valueOf(index), clientMessageId, text});
        }

        @Override
        public void join() {
        }

        @Override
        public void close() {
        }

        @Override
        public void onOpen(TextChannel channel) {
        }

        @Override
        public void onText(String text) {
        }

        @Override
        public void onClosed(int code, String reason) {
        }
    }
}
