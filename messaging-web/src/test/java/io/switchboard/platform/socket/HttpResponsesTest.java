package io.switchboard.platform.socket;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpResponsesTest {

    @Test
    void theAcceptKeyIsTheOneInRfc6455() {
        assertThat(HttpResponses.acceptKey("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void switchingProtocolsIsTheWholeHeadAndNothingElse() {
        ByteBuffer response = HttpResponses.switchingProtocols("dGhlIHNhbXBsZSBub25jZQ==");

        assertThat(response.position()).isZero();
        assertThat(text(response)).isEqualTo("HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n");
    }

    @Test
    void anErrorIsAClosingJsonResponseWithItsHeaders() {
        ByteBuffer response = HttpResponses.error(426, "version", "Only version 13.",
                Map.of("Sec-WebSocket-Version", "13"));
        String[] parts = text(response).split("\r\n\r\n", 2);

        assertThat(response.position()).isZero();
        assertThat(parts[0].split("\r\n")).containsExactlyInAnyOrder("HTTP/1.1 426 Upgrade Required",
                "Content-Type: application/json", "Content-Length: " + parts[1].length(), "Connection: close",
                "Sec-WebSocket-Version: 13");
        assertThat(parts[1]).isEqualTo("{\"code\":\"version\",\"message\":\"Only version 13.\"}");
    }

    @Test
    void theBodyIsValidJsonWhateverTheMessageHolds() {
        String message = "Say \"hi\" \\ then\nleave\u0001 — déjà vu 😀";
        ByteBuffer response = HttpResponses.error(400, "bad\"code", message, Map.of());
        byte[] bytes = new byte[response.remaining()];
        response.get(bytes);
        String whole = new String(bytes, UTF_8);
        int bodyStart = whole.indexOf("\r\n\r\n") + 4;
        int bodyBytes = bytes.length - whole.substring(0, bodyStart).getBytes(UTF_8).length;

        JsonObject body = Json.createReader(new StringReader(whole.substring(bodyStart))).readObject();

        assertThat(body.getString("code")).isEqualTo("bad\"code");
        assertThat(body.getString("message")).isEqualTo(message);
        assertThat(whole).contains("Content-Length: " + bodyBytes + "\r\n");
        assertThat(whole).contains("\\u000a", "\\u0001");
    }

    @ParameterizedTest
    @CsvSource({
        "400, Bad Request", "401, Unauthorized", "403, Forbidden", "404, Not Found", "405, Method Not Allowed",
        "426, Upgrade Required", "431, Request Header Fields Too Large", "500, Internal Server Error",
        "503, Service Unavailable"})
    void eachStatusHasItsReasonPhrase(int status, String reason) {
        assertThat(text(HttpResponses.error(status, "c", "m", Map.of())))
                .startsWith("HTTP/1.1 " + status + " " + reason + "\r\n");
    }

    @Test
    void aHeaderCannotSmuggleALineBreak() {
        assertThatThrownBy(() -> HttpResponses.error(400, "c", "m", Map.of("X", "a\r\nSet-Cookie: x=1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String text(ByteBuffer buffer) {
        return UTF_8.decode(buffer.duplicate()).toString();
    }
}
