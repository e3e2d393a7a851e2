package io.switchboard.delivery.boundary.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.monitoring.boundary.Telemetry;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WsConnectionTest {

    /** A session the peer has closed: as the WebSocket API says, its remote endpoints are refused. */
    private final Session closed = (Session) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Session.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getId" -> "s-1";
                case "isOpen" -> false;
                case "getAsyncRemote", "getBasicRemote" -> throw new IllegalStateException("session closed");
                default -> null;
            });

    @Test
    void aWriteToASessionThePeerClosedEndsWritingQuietlyAndGivesBackTheSendsPlace() throws Exception {
        var cut = new WsConnection(closed, "alice", "d", 16, 1, new FrameEncoder(), new Telemetry());
        assertThat(cut.awaitSendSlot()).isTrue();

        cut.answerSend(new ServerFrame.Pong());

        assertThat(CompletableFuture.supplyAsync(cut::awaitSendSlot).get(5, TimeUnit.SECONDS))
                .as("the window has its place back").isTrue();
        assertThat(cut.room()).as("nothing more is queued for a gone device").isZero();
        cut.send(new ServerFrame.Pong());
    }
}
