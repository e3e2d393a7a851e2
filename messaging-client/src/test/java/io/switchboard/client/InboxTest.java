package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class InboxTest {

    private Inbox cut = new Inbox(Map.of());

    @Property(tries = 500)
    void anyPermutationWithDuplicatesIsDeliveredExactlyOnceInOrder(@ForAll @IntRange(min = 1, max = 60) int n,
            @ForAll @IntRange(min = 0, max = 60) int duplicates, @ForAll long seed) {
        cut = new Inbox(Map.of("c", 0L));
        Random random = new Random(seed);
        List<Long> arrivals = new ArrayList<>(LongStream.rangeClosed(1, n).boxed().toList());
        for (int i = 0; i < duplicates; i++) {
            arrivals.add(1 + (long) random.nextInt(n));
        }
        Collections.shuffle(arrivals, random);

        List<Long> delivered = new ArrayList<>();
        arrivals.forEach(seq -> cut.accept(message("c", seq)).forEach(m -> delivered.add(m.seq())));

        assertThat(delivered).containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
        assertThat(cut.cursor("c")).isEqualTo(n);
        assertThat(cut.heldCount("c")).isZero();
    }

    @Property(tries = 200)
    void conversationsAreOrderedIndependently(@ForAll long seed) {
        cut = new Inbox(Map.of("a", 0L, "b", 0L));
        List<Message> arrivals = new ArrayList<>();
        LongStream.rangeClosed(1, 20).forEach(seq -> {
            arrivals.add(message("a", seq));
            arrivals.add(message("b", seq));
        });
        Collections.shuffle(arrivals, new Random(seed));

        List<Message> delivered = new ArrayList<>();
        arrivals.forEach(m -> delivered.addAll(cut.accept(m)));

        assertThat(delivered.stream().filter(m -> m.conversationId().equals("a")).map(Message::seq))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(delivered.stream().filter(m -> m.conversationId().equals("b")).map(Message::seq))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
    }

    @Test
    void holdsMessagesAheadOfAMissingSeqAndReleasesThemTogether() {
        cut = new Inbox(Map.of("c", 4L));

        assertThat(cut.accept(message("c", 6))).isEmpty();
        assertThat(cut.accept(message("c", 7))).isEmpty();
        assertThat(cut.accept(message("c", 5))).extracting(Message::seq).containsExactly(5L, 6L, 7L);
    }

    @Test
    void dropsMessagesAtOrBelowTheResumeCursor() {
        cut = new Inbox(Map.of("c", 10L));

        assertThat(cut.accept(message("c", 9))).isEmpty();
        assertThat(cut.accept(message("c", 10))).isEmpty();
        assertThat(cut.accept(message("c", 11))).hasSize(1);
    }

    @Test
    void anUnknownConversationStartsAtZeroSoAHigherSeqSeenFirstWaitsForTheLowerOnes() {
        assertThat(cut.accept(message("new", 3))).isEmpty();
        assertThat(cut.accept(message("new", 1))).extracting(Message::seq).containsExactly(1L);
        assertThat(cut.accept(message("new", 2))).extracting(Message::seq).containsExactly(2L, 3L);
    }

    @Test
    void aCursorTheServerNamesStartsAnUnknownConversationThereAndNeverLowersAKnownOne() {
        assertThat(cut.skipTo("new", 16)).isEmpty();
        assertThat(cut.accept(message("new", 17))).extracting(Message::seq).containsExactly(17L);
        assertThat(cut.accept(message("new", 16))).isEmpty();

        cut.skipTo("new", 5);
        assertThat(cut.cursor("new")).isEqualTo(17);
    }

    @Test
    void dropsARecentlyDeliveredMessageIdEvenUnderAnotherSeq() {
        cut = new Inbox(Map.of("c", 0L));
        cut.accept(message("c", 1));

        Message sameIdLater = new Message("c-1", "c", 2, "alice", "", "again", Priority.NORMAL, Instant.EPOCH, true);

        assertThat(cut.accept(sameIdLater)).isEmpty();
    }

    @Test
    void aGapStartsAnUnknownConversationBelowIt() {
        cut.gap(new Gap("c", 18, 930));

        assertThat(cut.accept(message("c", 931))).isEmpty();
        assertThat(cut.cursor("c")).isEqualTo(17);
    }

    @Test
    void skippingReleasesWhatWaitedBehindTheSkippedRange() {
        cut = new Inbox(Map.of("c", 17L));
        cut.accept(message("c", 931));

        assertThat(cut.skipTo("c", 930)).extracting(Message::seq).containsExactly(931L);
        assertThat(cut.cursors()).containsEntry("c", 931L);
    }

    static Message message(String conversation, long seq) {
        return new Message(conversation + "-" + seq, conversation, seq, "alice", "cm-" + seq, "text " + seq,
                Priority.NORMAL, Instant.EPOCH, false);
    }
}
