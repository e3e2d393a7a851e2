package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReceiveTest {

    private final FakeTransport transport = new FakeTransport();
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final List<Gap> gaps = new CopyOnWriteArrayList<>();
    private SwitchboardClient cut = TestClients.builder(transport)
            .resume(Map.of("c1", 0L))
            .listener(received::add)
            .gapListener(gaps::add)
            .build();

    @AfterEach
    void close() {
        cut.close();
    }

    @Test
    void deliversInOrderOnceAndAcksTheHighestContiguousSeq() {
        FakeLink link = connected();

        link.push("c1", 2);
        link.push("c1", 1);
        link.push("c1", 2);
        link.push("c1", 3);

        assertThat(link.next("message:ack").integer("seq")).isEqualTo(2);
        assertThat(link.next("message:ack").integer("seq")).isEqualTo(3);
        assertThat(received).extracting(Message::seq).containsExactly(1L, 2L, 3L);
        assertThat(cut.cursors()).containsEntry("c1", 3L);
    }

    @Test
    void acknowledgesOnlyAfterTheListenerReturned() {
        cut.close();
        List<String> order = new CopyOnWriteArrayList<>();
        cut = TestClients.builder(transport).listener(message -> order.add("listener " + message.seq())).build();
        FakeLink link = connected();

        link.push("c1", 1);
        link.next("message:ack");
        order.add("ack");

        assertThat(order).containsExactly("listener 1", "ack");
    }

    @Test
    void aFailingListenerDoesNotStallTheConversation() {
        cut.close();
        cut = TestClients.builder(transport).listener(message -> {
            received.add(message);
            throw new IllegalStateException("application bug");
        }).build();
        FakeLink link = connected();

        link.push("c1", 1);
        link.push("c1", 2);

        await().until(() -> received.size() == 2);
        assertThat(link.next("message:ack").integer("seq")).isEqualTo(1);
    }

    @Test
    void surfacesAGapAndHoldsBackWhatFollowsIt() {
        FakeLink link = connected();

        link.serverSends(Map.of("type", "sync:gap", "conversationId", "c2", "fromSeq", 18, "toSeq", 930));
        link.push("c2", 931);

        await().until(() -> gaps.size() == 1);
        assertThat(gaps).containsExactly(new Gap("c2", 18, 930));
        assertThat(link.writes("message:ack", 200)).isFalse();
        assertThat(received).isEmpty();
    }

    @Test
    void ignoresFramesItCannotReadAndKeepsTheSession() {
        FakeLink link = connected();

        link.serverSends(Map.of("type", "presence:update", "user", "bob"));
        link.serverSends(Map.of("type", "message:new", "seq", "not a number"));
        link.push("c1", 1);

        link.next("message:ack");
        link.assertOpen();
        assertThat(received).hasSize(1);
    }

    @Test
    void anOwnSendTakesItsPlaceInOrderWithoutAnAckOfItsOwn() throws Exception {
        FakeLink link = connected();
        link.push("c1", 1);
        assertThat(link.next("message:ack").integer("seq")).isEqualTo(1);

        var future = cut.send("c1", "from here");
        link.acknowledge(link.next("message:send"), 2);
        future.get(5, java.util.concurrent.TimeUnit.SECONDS);
        await().until(() -> received.size() == 2);
        assertThat(received.get(1).text()).isEqualTo("from here");
        assertThat(received.get(1).senderId()).isEqualTo("alice");
        assertThat(link.writes("message:ack", 300)).as("the server counts it received").isFalse();

        link.push("c1", 3);
        assertThat(link.next("message:ack").integer("seq")).isEqualTo(3);
        assertThat(received).extracting(Message::seq).containsExactly(1L, 2L, 3L);
        assertThat(cut.cursors()).containsEntry("c1", 3L);
    }

    @Test
    void anOwnSendAheadOfAPushStillOnItsWayWaitsForIt() throws Exception {
        FakeLink link = connected();
        var future = cut.send("c1", "from here");
        link.acknowledge(link.next("message:send"), 2);
        future.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(received).isEmpty();

        link.push("c1", 1);
        assertThat(link.next("message:ack").integer("seq")).isEqualTo(2);
        assertThat(received).extracting(Message::seq).containsExactly(1L, 2L);
    }

    @Test
    void aConversationStartsWhereTheServerSaysAndOtherwiseAtZero() throws Exception {
        cut.close();
        cut = TestClients.builder(transport).listener(received::add).build();
        FakeLink link = connected();
        link.serverSends(Map.of("type", "sync:cursors", "cursors", Map.of("c2", 40)));

        var future = cut.send("c1", "from here");
        link.acknowledge(link.next("message:send"), 3);
        future.get(5, java.util.concurrent.TimeUnit.SECONDS);
        link.push("c2", 41);
        await().until(() -> received.size() == 1);
        assertThat(received.get(0).seq()).as("c2 starts after 40").isEqualTo(41);

        link.push("c1", 1);
        link.push("c1", 2);
        await().until(() -> received.size() == 4);
        assertThat(received.stream().filter(m -> m.conversationId().equals("c1")).map(Message::seq))
                .as("an own message seen first does not make c1 start at 3").containsExactly(1L, 2L, 3L);
    }

    private FakeLink connected() {
        cut.connect();
        FakeLink link = transport.nextSession();
        await().until(() -> cut.state() == ConnectionState.CONNECTED);
        return link;
    }
}
