package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.client.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SendTest {

    private final FakeTransport transport = new FakeTransport();
    private SwitchboardClient cut = TestClients.builder(transport).build();

    @AfterEach
    void close() {
        cut.close();
    }

    @Test
    void completesWithTheServersAcknowledgement() throws Exception {
        FakeLink link = connected();

        CompletableFuture<SentAck> sent = cut.send("c1", "hello", Priority.HIGH);
        JsonObject frame = link.next("message:send");
        link.acknowledge(frame, 42);

        SentAck ack = sent.get(5, TimeUnit.SECONDS);
        assertThat(ack.seq()).isEqualTo(42);
        assertThat(ack.clientMessageId()).isEqualTo(frame.string("clientMessageId")).isEqualTo(frame.string("ref"));
        assertThat(frame.string("conversationId")).isEqualTo("c1");
        assertThat(frame.string("text")).isEqualTo("hello");
        assertThat(frame.string("priority")).isEqualTo("high");
    }

    @Test
    void retriesAfterEachTimeoutWithTheSameIdThenGivesUp() {
        FakeLink link = connected();

        CompletableFuture<SentAck> sent = cut.send("c1", "hello");
        String id = link.next("message:send").string("clientMessageId");
        for (int retry = 0; retry < 3; retry++) {
            assertThat(link.next("message:send").string("clientMessageId")).isEqualTo(id);
        }

        SendFailedException failure = failure(sent, SendFailedException.class);
        assertThat(failure.reason()).isEqualTo(SendFailedException.Reason.TIMED_OUT);
        assertThat(failure.clientMessageId()).isEqualTo(id);
        assertThat(link.writes("message:send", 400)).isFalse();
    }

    @Test
    void retriesATemporaryServerError() throws Exception {
        FakeLink link = connected();
        CompletableFuture<SentAck> sent = cut.send("c1", "hello");
        JsonObject first = link.next("message:send");

        link.error(first, "unavailable", true);
        JsonObject again = link.next("message:send");
        link.acknowledge(again, 7);

        assertThat(again.string("clientMessageId")).isEqualTo(first.string("clientMessageId"));
        assertThat(sent.get(5, TimeUnit.SECONDS).seq()).isEqualTo(7);
    }

    @Test
    void failsWithTheServersErrorWhenItIsNotTemporary() {
        FakeLink link = connected();
        CompletableFuture<SentAck> sent = cut.send("c1", "hello");

        link.error(link.next("message:send"), "not_member", false);

        ServerErrorException error = failure(sent, ServerErrorException.class);
        assertThat(error.errorCode()).isEqualTo(ErrorCode.NOT_MEMBER);
        assertThat(error.temporary()).isFalse();
        assertThat(link.writes("message:send", 300)).isFalse();
    }

    @Test
    void sendsMadeWhileDisconnectedLeaveHighPriorityFirstOnConnect() {
        cut.send("c1", "normal 1");
        cut.send("c1", "high 1", Priority.HIGH);
        cut.send("c1", "normal 2");

        FakeLink link = connected();

        assertThat(link.next("message:send").string("text")).isEqualTo("high 1");
        assertThat(link.next("message:send").string("text")).isEqualTo("normal 1");
        assertThat(link.next("message:send").string("text")).isEqualTo("normal 2");
    }

    @Test
    void aSendInFlightWhenTheConnectionDropsGoesOutAgainWithTheSameId() throws Exception {
        FakeLink first = connected();
        CompletableFuture<SentAck> sent = cut.send("c1", "hello");
        String id = first.next("message:send").string("clientMessageId");

        first.serverCloses(1001);
        FakeLink second = transport.nextSession();
        JsonObject resent = second.next("message:send");
        second.acknowledge(resent, 3);

        assertThat(resent.string("clientMessageId")).isEqualTo(id);
        assertThat(sent.get(5, TimeUnit.SECONDS).seq()).isEqualTo(3);
    }

    @Test
    void aFullOutboxRejectsTheSend() {
        cut.close();
        cut = TestClients.builder(transport).options(TestClients.fastOptions().outboxCapacity(2)).build();
        cut.send("c1", "1");
        cut.send("c1", "2");

        SendFailedException failure = failure(cut.send("c1", "3"), SendFailedException.class);

        assertThat(failure.reason()).isEqualTo(SendFailedException.Reason.OUTBOX_FULL);
    }

    @Test
    void refusesEmptyTextWithoutSending() {
        assertThat(failure(cut.send("c1", ""), SendFailedException.class).reason())
                .isEqualTo(SendFailedException.Reason.INVALID);
    }

    @Test
    void closingFailsWhatIsStillPending() {
        CompletableFuture<SentAck> sent = cut.send("c1", "never acknowledged");

        cut.close();

        assertThat(failure(sent, SendFailedException.class).reason())
                .isEqualTo(SendFailedException.Reason.CLIENT_CLOSED);
    }

    @Test
    void aSendAfterCloseFailsInsteadOfHanging() {
        cut.close();

        assertThat(failure(cut.send("c1", "too late"), SwitchboardException.class)).hasMessageContaining("closed");
    }

    private FakeLink connected() {
        cut.connect();
        FakeLink link = transport.nextSession();
        await().until(() -> cut.state() == ConnectionState.CONNECTED);
        return link;
    }

    static <T extends Throwable> T failure(CompletableFuture<?> future, Class<T> type) {
        await().atMost(Duration.ofSeconds(5)).until(future::isDone);
        Throwable thrown = ThrowableAssert.catchThrowable(future::get);
        assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOf(type);
        return type.cast(thrown.getCause());
    }
}
