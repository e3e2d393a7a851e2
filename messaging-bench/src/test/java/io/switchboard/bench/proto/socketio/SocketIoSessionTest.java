package io.switchboard.bench.proto.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.bench.proto.Member;
import io.switchboard.bench.proto.RecordingEvents;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocketIoSessionTest {

    private final RecordingEvents peer = new RecordingEvents();
    private final SocketIoSession cut = new SocketIoSession(
            new Member(5, "bench-r-5", "r-r-2", "/socket.io/?EIO=4&transport=websocket", Map.of(), "tok"), peer);

    @BeforeEach
    void open() {
        cut.onOpen(peer);
    }

    @Test
    void answersTheEngineIoOpenWithTheTokenAndBecomesReadyOnConnect() {
        cut.onText("0{\"sid\":\"e1\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1e6}");
        assertThat(peer.written).containsExactly("40{\"token\":\"tok\"}");
        cut.onText("40{\"sid\":\"s1\"}");
        assertThat(peer.events).containsExactly("ready 5");
    }

    @Test
    void answersPingsWithPongs() {
        cut.onText("2");
        assertThat(peer.written).containsExactly("3");
    }

    @Test
    void aRefusedTokenClosesTheSocket() {
        cut.onText("44{\"message\":\"unauthorized\"}");
        assertThat(peer.written).containsExactly("close 1000 connect_error {\"message\":\"unauthorized\"}");
    }

    @Test
    void joinIsAnEventWithAnAckId() {
        cut.join();
        assertThat(peer.written).containsExactly("420[\"join\",\"r-r-2\"]");
        cut.onText("430[{\"ok\":true,\"room\":\"r-r-2\"}]");
        assertThat(peer.events).containsExactly("joined 5");
    }

    @Test
    void sendAcksAreMatchedByAckId() {
        cut.send("c-1", "1|a");
        cut.send("c-2", "2|b");
        assertThat(peer.written).containsExactly(
                "420[\"send\",{\"room\":\"r-r-2\",\"clientMessageId\":\"c-1\",\"text\":\"1|a\"}]",
                "421[\"send\",{\"room\":\"r-r-2\",\"clientMessageId\":\"c-2\",\"text\":\"2|b\"}]");
        cut.onText("431[{\"id\":\"b-2\",\"ts\":1}]");
        cut.onText("430[{\"error\":\"not_member\"}]");
        assertThat(peer.events).containsExactly("sent c-2 b-2", "failed c-1 not_member");
    }

    @Test
    void broadcastsAreDeliveries() {
        cut.onText("42[\"message\",{\"id\":\"b-1\",\"room\":\"r-r-2\",\"from\":\"bench-r-4\","
                + "\"clientMessageId\":\"c-9\",\"text\":\"7|x\",\"ts\":1763806530123}]");
        cut.onText("42[\"typing\",{}]");
        assertThat(peer.events).containsExactly("delivered r-r-2 c-9 7|x");
    }

    @Test
    void anAckForNothingAndGarbageAreProtocolErrors() {
        cut.onText("4399[{\"id\":\"x\"}]");
        cut.onText("zz");
        assertThat(peer.events).hasSize(2).allMatch(e -> e.startsWith("protocol error"));
    }
}
