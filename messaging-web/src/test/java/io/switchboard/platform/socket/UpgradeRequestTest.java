package io.switchboard.platform.socket;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpgradeRequestTest {

    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    @Test
    void aBrowsersUpgradeIsAccepted_tokensInAnyCaseAndList() {
        assertThat(request("GET", "Upgrade: WebSocket", "Connection: keep-alive, Upgrade",
                "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: " + KEY).refusal()).isNull();
    }

    @Test
    void anythingButGetIs405NamingGet() {
        BadRequest refusal = request("POST", "Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: " + KEY).refusal();

        assertThat(refusal.status()).isEqualTo(405);
        assertThat(refusal.headers()).containsEntry("Allow", "GET");
    }

    @Test
    void aPlainHttpRequestIs426() {
        BadRequest refusal = request("GET", "Accept: text/html").refusal();

        assertThat(refusal.status()).isEqualTo(426);
        assertThat(refusal.headers()).containsEntry("Upgrade", "websocket");
    }

    @Test
    void anUpgradeToAnotherProtocolIs400() {
        assertThat(request("GET", "Upgrade: h2c", "Connection: Upgrade",
                "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: " + KEY).refusal().status()).isEqualTo(400);
    }

    @Test
    void aConnectionHeaderWithoutUpgradeIs400() {
        assertThat(request("GET", "Upgrade: websocket", "Connection: keep-alive",
                "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: " + KEY).refusal().status()).isEqualTo(400);
        assertThat(request("GET", "Upgrade: websocket",
                "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: " + KEY).refusal().status()).isEqualTo(400);
    }

    @Test
    void anotherVersionIs426NamingVersion13() {
        for (BadRequest refusal : new BadRequest[] {
            request("GET", "Upgrade: websocket", "Connection: Upgrade",
                    "Sec-WebSocket-Version: 8", "Sec-WebSocket-Key: " + KEY).refusal(),
            request("GET", "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: " + KEY).refusal()}) {
            assertThat(refusal.status()).isEqualTo(426);
            assertThat(refusal.headers()).isEqualTo(Map.of("Sec-WebSocket-Version", "13"));
        }
    }

    @Test
    void aKeyThatIsNot16BytesOfBase64Is400() {
        for (String key : new String[] {"not base64 at all!!!!!!!", "AAAAAAAAAAAAAAAAAAAA", "dGhlIHNhbXBsZSBub25jZQ",
                "AAAAAAAAAAAAAAAAAAAAAAAAAA==", ""}) {
            BadRequest refusal = request("GET", "Upgrade: websocket", "Connection: Upgrade",
                    "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: " + key).refusal();
            assertThat(refusal).as("key '%s'", key).isNotNull();
            assertThat(refusal.status()).isEqualTo(400);
        }
        assertThat(request("GET", "Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Version: 13").refusal().status()).isEqualTo(400);
    }

    @Test
    void cookiesAreFoundByExactName_spacesTrimmed() {
        UpgradeRequest request = request("GET", "Cookie:  theme=dark ;token = \"q=1\"  ;  empty=");

        assertThat(request.cookie("theme")).isEqualTo("dark");
        assertThat(request.cookie("token")).isEqualTo("q=1");
        assertThat(request.cookie("empty")).isEmpty();
        assertThat(request.cookie("Theme")).isNull();
    }

    private static UpgradeRequest request(String method, String... headers) {
        String head = method + " /ws HTTP/1.1\r\nHost: chat.example.com\r\n" + String.join("\r\n", headers) + "\r\n\r\n";
        return UpgradeParser.parse(ByteBuffer.wrap(head.getBytes(ISO_8859_1)));
    }
}
