package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.client.json.JsonObject;
import io.switchboard.client.json.JsonReader;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client over java.net.http's real WebSocket, against a minimal server on the loopback interface. */
class JdkTransportTest {

    private TinyWebSocketServer server;
    private SwitchboardClient cut;

    @BeforeEach
    void start() throws IOException {
        server = new TinyWebSocketServer();
        cut = SwitchboardClient.builder()
                .uri(URI.create("ws://127.0.0.1:" + server.port() + "/ws"))
                .device("laptop-1")
                .token("secret")
                .options(TestClients.fastOptions())
                .build();
    }

    @AfterEach
    void stop() throws IOException {
        cut.close();
        server.close();
    }

    @Test
    void upgradesWithTheTokenAndDeviceThenSendsAndReceives() throws Exception {
        CompletableFuture<Session> connected = cut.connect();
        TinyWebSocketServer.Peer peer = server.nextPeer();
        String request = server.requests.take();
        peer.sendText("{\"type\":\"hello\",\"sessionId\":\"s\",\"userId\":\"alice\",\"deviceId\":\"laptop-1\"}");

        assertThat(connected.get(5, TimeUnit.SECONDS).deviceId()).isEqualTo("laptop-1");
        assertThat(request).startsWith("GET /ws?device=laptop-1 HTTP/1.1");
        assertThat(TinyWebSocketServer.header(request, "Authorization")).isEqualTo("Bearer secret");

        CompletableFuture<SentAck> sent = cut.send("c1", "x".repeat(300));
        JsonObject frame = JsonReader.parseObject(peer.readText());
        peer.sendText("{\"type\":\"message:sent\",\"clientMessageId\":\"" + frame.string("clientMessageId")
                + "\",\"messageId\":\"m1\",\"conversationId\":\"c1\",\"seq\":1,\"sentAt\":\"2026-11-22T10:15:30Z\"}");

        assertThat(sent.get(5, TimeUnit.SECONDS).messageId()).isEqualTo("m1");
    }

    @Test
    void aTerminalCloseFrameFailsTheClient() throws Exception {
        cut.connect();
        TinyWebSocketServer.Peer peer = server.nextPeer();
        peer.sendText("{\"type\":\"hello\"}");
        await().until(() -> cut.state() == ConnectionState.CONNECTED);

        peer.close(4503);

        await().atMost(5, TimeUnit.SECONDS).until(() -> cut.state() == ConnectionState.FAILED);
    }

    @Test
    void anHttp401AtTheUpgradeIsAnAuthFailureWithoutRetry() {
        server.refuseWithStatus = 401;

        CompletableFuture<Session> connected = cut.connect();

        await().atMost(5, TimeUnit.SECONDS).until(connected::isDone);
        ConnectionFailedException failure = SendTest.failure(connected, ConnectionFailedException.class);
        assertThat(failure.disconnect().kind()).isEqualTo(CloseCode.UNAUTHORIZED);
        assertThat(failure.disconnect().code()).isEqualTo(401);
        assertThat(cut.state()).isEqualTo(ConnectionState.FAILED);
        assertThat(server.requests).hasSize(1);
    }
}
