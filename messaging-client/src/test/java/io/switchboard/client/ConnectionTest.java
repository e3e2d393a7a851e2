package io.switchboard.client;

import static io.switchboard.client.ConnectionState.CONNECTED;
import static io.switchboard.client.ConnectionState.CONNECTING;
import static io.switchboard.client.ConnectionState.DISCONNECTED;
import static io.switchboard.client.ConnectionState.FAILED;
import static io.switchboard.client.ConnectionState.RECONNECTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionTest {

    private final FakeTransport transport = new FakeTransport();
    private final StateRecorder states = new StateRecorder();
    private SwitchboardClient cut = TestClients.builder(transport).connectionListener(states).build();

    @AfterEach
    void close() {
        cut.close();
    }

    @Test
    void connectCompletesWithTheServersHello() throws Exception {
        CompletableFuture<Session> connected = cut.connect();
        FakeLink link = transport.nextLink();
        assertThat(connected).isNotDone();

        link.hello();

        assertThat(connected.get(5, TimeUnit.SECONDS).userId()).isEqualTo("alice");
        assertThat(cut.state()).isEqualTo(CONNECTED);
        assertThat(states.states()).containsExactly(CONNECTING, CONNECTED);
        assertThat(transport.uris.get(0)).hasToString("ws://localhost:9080/ws?device=d1");
        assertThat(transport.tokens).containsExactly("t1");
    }

    @Test
    void aDroppedConnectionReconnectsAndStatesTheCursors() throws Exception {
        cut.connect();
        FakeLink first = transport.nextSession();
        first.push("c1", 1);
        first.push("c1", 2);
        first.next("message:ack");

        first.serverCloses(1006);
        transport.nextSession();

        await().until(() -> cut.state() == CONNECTED);
        assertThat(states.states()).containsExactly(CONNECTING, CONNECTED, RECONNECTING, CONNECTED);
        assertThat(states.changes.get(2).reason().kind()).isEqualTo(CloseCode.ABNORMAL);
        assertThat(transport.uris.get(1)).hasToString("ws://localhost:9080/ws?device=d1&resume=c1:2");
    }

    @Test
    void everyAttemptAsksForAFreshToken() {
        Iterator<String> rotating = List.of("t1", "t2", "t3").iterator();
        cut.close();
        cut = TestClients.builder(transport).token(rotating::next).build();
        cut.connect();

        transport.nextSession().serverCloses(4002);
        transport.nextSession();

        await().until(() -> cut.state() == CONNECTED);
        assertThat(transport.tokens).containsExactly("t1", "t2");
    }

    @Test
    void aTerminalCloseCodeFailsWithoutRetrying() {
        cut.connect();

        transport.nextSession().serverCloses(4502);

        await().until(() -> cut.state() == FAILED);
        assertThat(states.last().reason().kind()).isEqualTo(CloseCode.INVALID_DEVICE);
        assertThat(transport.uris).hasSize(1);
    }

    @Test
    void aRefusedTokenFailsTheConnectWithoutRetrying() {
        transport.refuseWith(() -> new WebSocketHandshakeException(new StatusResponse(401)));

        CompletableFuture<Session> connected = cut.connect();

        await().until(connected::isDone);
        assertThat(connected).failsWithin(Duration.ZERO).withThrowableThat()
                .havingRootCause().isInstanceOf(ConnectionFailedException.class)
                .matches(e -> ((ConnectionFailedException) e).disconnect().kind() == CloseCode.UNAUTHORIZED);
        assertThat(cut.state()).isEqualTo(FAILED);
        assertThat(transport.uris).hasSize(1);
    }

    @Test
    void aNormalCloseFromTheServerDisconnectsWithoutRetrying() {
        cut.connect();

        transport.nextSession().serverCloses(1000);

        await().until(() -> cut.state() == DISCONNECTED);
        assertThat(transport.uris).hasSize(1);
    }

    @Test
    void disconnectClosesNormallyAndStaysDown() throws Exception {
        cut.connect();
        FakeLink link = transport.nextSession();

        cut.disconnect().get(5, TimeUnit.SECONDS);

        assertThat(link.closeCode).isEqualTo(1000);
        assertThat(cut.state()).isEqualTo(DISCONNECTED);
        Thread.sleep(100);
        assertThat(transport.hasPendingLink()).isFalse();
    }

    @Test
    void anUnreachableServerIsRetriedUntilItAnswers() {
        cut.close();
        cut = TestClients.builder(transport).connectionListener(states)
                .options(TestClients.fastOptions().maxReconnectAttempts(Integer.MAX_VALUE)).build();
        transport.refuseWith(() -> new IOException("connection refused"));
        cut.connect();
        await().until(() -> transport.uris.size() >= 3);

        transport.refuseWith(() -> null);
        transport.nextSession();

        await().until(() -> cut.state() == CONNECTED);
        assertThat(states.changes).filteredOn(change -> change.current() == RECONNECTING)
                .allMatch(change -> change.reason().kind() == CloseCode.UNREACHABLE);
    }

    @Test
    void aSilentServerIsDeclaredDeadAfterTwoHeartbeatIntervals() {
        cut.close();
        cut = TestClients.builder(transport).connectionListener(states)
                .options(TestClients.fastOptions().heartbeatInterval(Duration.ofMillis(100))).build();
        cut.connect();
        FakeLink silent = transport.nextSession();

        silent.next("ping");
        FakeLink next = transport.nextLink();

        assertThat(silent.aborted).isTrue();
        assertThat(states.changes).anyMatch(change -> change.reason().kind() == CloseCode.HEARTBEAT_TIMEOUT);
        next.hello();
        await().until(() -> cut.state() == CONNECTED);
    }

    @Test
    void aServerThatAnswersPingsStaysConnected() throws Exception {
        cut.close();
        cut = TestClients.builder(transport).connectionListener(states)
                .options(TestClients.fastOptions().heartbeatInterval(Duration.ofMillis(200))).build();
        cut.connect();
        FakeLink link = transport.nextSession();

        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1000);
        while (System.nanoTime() < end) {
            link.next("ping");
            link.serverSends(Map.of("type", "pong"));
        }

        link.assertOpen();
        assertThat(cut.state()).isEqualTo(CONNECTED);
    }

    @Test
    void aMissingHelloCountsAsAFailedAttempt() {
        cut.close();
        cut = TestClients.builder(transport).connectionListener(states)
                .options(TestClients.fastOptions().helloTimeout(Duration.ofMillis(300))).build();
        cut.connect();

        FakeLink mute = transport.nextLink();
        transport.nextSession();

        assertThat(mute.aborted).isTrue();
        await().until(() -> cut.state() == CONNECTED);
        assertThat(states.changes.get(1).reason().kind()).isEqualTo(CloseCode.HELLO_TIMEOUT);
    }
}
