package io.switchboard.bench.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WsHandshakeTest {

    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    @Test
    void acceptIsTheRfcExample() {
        assertThat(WsHandshake.acceptFor(KEY)).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void requestCarriesTheUpgradeHeadersAndOurs() {
        String req = new String(WsHandshake.request("127.0.0.1:9080", "/ws?device=d-1",
                Map.of("Authorization", "Bearer t"), KEY), StandardCharsets.ISO_8859_1);
        assertThat(req).startsWith("GET /ws?device=d-1 HTTP/1.1\r\nHost: 127.0.0.1:9080\r\n")
                .contains("Upgrade: websocket\r\n", "Connection: Upgrade\r\n", "Sec-WebSocket-Key: " + KEY + "\r\n",
                        "Sec-WebSocket-Version: 13\r\n", "Authorization: Bearer t\r\n")
                .endsWith("\r\n\r\n");
    }

    @Test
    void keysAreSixteenRandomBytes() {
        String key = WsHandshake.newKey(new SplittableRandom(1));
        assertThat(java.util.Base64.getDecoder().decode(key)).hasSize(16);
    }

    @Test
    void findsTheEndOfTheHead() {
        byte[] buf = "HTTP/1.1 101 x\r\nA: b\r\n\r\n\u0081\u0002hi".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(WsHandshake.headLength(buf, buf.length)).isEqualTo(24);
        assertThat(WsHandshake.headLength(buf, 20)).isEqualTo(-1);
    }

    @Test
    void acceptsAValidUpgradeAndReportsOtherStatuses() {
        String ok = "HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nsec-websocket-accept: "
                + "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";
        assertThat(WsHandshake.check(ok, KEY)).isZero();
        assertThat(WsHandshake.check("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n", KEY)).isEqualTo(401);
    }

    @Test
    void rejectsAWrongAcceptOrSomethingElseThanHttp() {
        String wrong = "HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: nope\r\n\r\n";
        assertThatThrownBy(() -> WsHandshake.check(wrong, KEY)).isInstanceOf(WsProtocolException.class);
        assertThatThrownBy(() -> WsHandshake.check("SSH-2.0\r\n\r\n", KEY)).isInstanceOf(WsProtocolException.class);
    }
}
