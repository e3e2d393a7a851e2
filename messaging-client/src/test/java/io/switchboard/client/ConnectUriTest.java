package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectUriTest {

    @Test
    void statesTheDeviceAndEveryPositiveCursor() {
        URI cut = ConnectUri.build(URI.create("ws://localhost:9080/ws"), "laptop-1", Map.of("c2", 4L, "c1", 17L,
                "c3", 0L));

        assertThat(cut).hasToString("ws://localhost:9080/ws?device=laptop-1&resume=c1:17,c2:4");
    }

    @Test
    void keepsAQueryTheUriAlreadyHas() {
        URI cut = ConnectUri.build(URI.create("wss://chat.example/ws?tenant=a"), "d", Map.of());

        assertThat(cut).hasToString("wss://chat.example/ws?tenant=a&device=d");
    }

    @Test
    void encodesConversationIdsThatNeedIt() {
        URI cut = ConnectUri.build(URI.create("ws://h/ws"), "d", Map.of("a b&c", 1L));

        assertThat(cut.getRawQuery()).isEqualTo("device=d&resume=a+b%26c:1");
    }

    @Test
    void derivesTheRestBaseFromTheWebSocketUri() {
        assertThat(ConnectUri.httpBase(URI.create("ws://localhost:9080/ws"))).hasToString("http://localhost:9080/");
        assertThat(ConnectUri.httpBase(URI.create("wss://chat.example/switchboard/ws")))
                .hasToString("https://chat.example/switchboard/");
        assertThat(ConnectUri.httpBase(URI.create("ws://h:1/other"))).hasToString("http://h:1/other/");
    }
}
