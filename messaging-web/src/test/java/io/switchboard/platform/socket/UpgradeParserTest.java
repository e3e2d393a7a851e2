package io.switchboard.platform.socket;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpgradeParserTest {

    static final String CLIENT_HEAD = "GET /ws?device=laptop-1&resume=c1%3A5 HTTP/1.1\r\n"
            + "Host: chat.example.com\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "Authorization: Bearer x\r\n"
            + "Cookie: a=1; switchboard_token=\"t\"\r\n"
            + "\r\n";

    @Test
    void aTypicalClientHeadIsReadFieldByField() {
        ByteBuffer in = ascii(CLIENT_HEAD);
        UpgradeRequest request = UpgradeParser.parse(in);

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/ws");
        assertThat(request.parameter("device")).isEqualTo("laptop-1");
        assertThat(request.parameter("resume")).isEqualTo("c1:5");
        assertThat(request.parameter("absent")).isNull();
        assertThat(request.header("HOST")).isEqualTo("chat.example.com");
        assertThat(request.header("sec-websocket-key")).isEqualTo("dGhlIHNhbXBsZSBub25jZQ==");
        assertThat(request.header("Authorization")).isEqualTo("Bearer x");
        assertThat(request.header("X-Absent")).isNull();
        assertThat(request.cookie("a")).isEqualTo("1");
        assertThat(request.cookie("switchboard_token")).as("quotes are stripped").isEqualTo("t");
        assertThat(request.cookie("switchboard")).isNull();
        assertThat(request.refusal()).isNull();
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void aHeadSplitAcrossTwoReadsIsReadOnceWhole() {
        int split = CLIENT_HEAD.indexOf("Sec-WebSocket-Key");
        ByteBuffer in = ByteBuffer.allocate(1024);
        in.put(CLIENT_HEAD.substring(0, split).getBytes(ISO_8859_1)).flip();

        assertThat(UpgradeParser.parse(in)).isNull();
        assertThat(in.position()).isZero();
        assertThat(in.remaining()).isEqualTo(split);

        in.compact().put(CLIENT_HEAD.substring(split).getBytes(ISO_8859_1)).flip();
        assertThat(UpgradeParser.parse(in).parameter("device")).isEqualTo("laptop-1");
    }

    @Test
    void bytesAfterTheHeadStayInTheBuffer() {
        ByteBuffer in = ascii(CLIENT_HEAD + "\u0081\u0085early");

        UpgradeParser.parse(in);

        assertThat(in.position()).isEqualTo(CLIENT_HEAD.length());
        assertThat(in.remaining()).isEqualTo(7);
        assertThat(in.get()).isEqualTo((byte) 0x81);
    }

    @Test
    void repeatedHeadersAreJoined_cookiesWithASemicolon() {
        UpgradeRequest request = UpgradeParser.parse(ascii("GET / HTTP/1.1\r\nX-Hop: a\r\nx-hop:  b \r\n"
                + "Cookie: a=1\r\nCookie: b=2\r\n\r\n"));

        assertThat(request.header("x-hop")).isEqualTo("a, b");
        assertThat(request.header("cookie")).isEqualTo("a=1; b=2");
        assertThat(request.cookie("b")).isEqualTo("2");
    }

    @Test
    void theQueryIsFormDecodedAndThePathPercentDecoded() {
        UpgradeRequest request = UpgradeParser.parse(ascii(
                "GET /a%20b+c/%C3%A9?q=one+two&q=%2B3&flag&=x&name=%E2%82%AC HTTP/1.1\r\n\r\n"));

        assertThat(request.path()).as("'+' is only a space in a query").isEqualTo("/a b+c/é");
        assertThat(request.parameters().get("q")).containsExactly("one two", "+3");
        assertThat(request.parameter("flag")).isEmpty();
        assertThat(request.parameter("name")).isEqualTo("€");
    }

    @Test
    void aHeadOfExactlyTheLimitIsRead() {
        String head = headOfLength(UpgradeParser.MAX_HEAD_BYTES);

        assertThat(UpgradeParser.parse(ascii(head)).header("x-pad")).isNotEmpty();
    }

    @Test
    void aHeadOverTheLimitIs431_completeOrNot() {
        String tooLong = headOfLength(UpgradeParser.MAX_HEAD_BYTES + 1);
        String unfinished = tooLong.substring(0, UpgradeParser.MAX_HEAD_BYTES);

        assertThat(refusal(tooLong).status()).isEqualTo(431);
        assertThat(refusal(unfinished).status()).as("refused before the end arrives").isEqualTo(431);
        assertThat(UpgradeParser.parse(ascii(unfinished.substring(1)))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /ws\r\n\r\n",
        "GET /ws HTTP/2.0\r\n\r\n",
        "GET  /ws HTTP/1.1\r\n\r\n",
        "GET /ws HTTP/1.1 extra\r\n\r\n",
        "GET ws HTTP/1.1\r\n\r\n",
        "\r\n\r\n",
        "GET /ws HTTP/1.1\r\nHost chat.example.com\r\n\r\n",
        "GET /ws HTTP/1.1\r\nHost : chat.example.com\r\n\r\n",
        "GET /ws HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",
        "GET /ws HTTP/1.1\r\nHost: a\nX: b\r\n\r\n",
        "GET /ws HTTP/1.1\r\nX: \u0001\r\n\r\n",
        "GET /ws HTTP/1.1\r\nX: caf\u00e9\r\n\r\n",
        "GET /ws?x=%zz HTTP/1.1\r\n\r\n",
        "GET /ws?x=%4 HTTP/1.1\r\n\r\n",
        "GET /%C3 HTTP/1.1\r\n\r\n",
    })
    void aMalformedHeadIs400WithASentence(String head) {
        BadRequest refusal = refusal(head);

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.getMessage()).endsWith(".");
    }

    private static BadRequest refusal(String head) {
        ByteBuffer in = ascii(head);
        BadRequest refusal = catchThrowableOfType(BadRequest.class, () -> UpgradeParser.parse(in));
        assertThat(refusal).as("refused: %s", head).isNotNull();
        return refusal;
    }

    private static String headOfLength(int length) {
        String start = "GET /ws HTTP/1.1\r\nX-Pad: ";
        return start + "p".repeat(length - start.length() - 4) + "\r\n\r\n";
    }

    // ISO-8859-1 keeps each char as one byte, so a test can put any byte on the wire.
    private static ByteBuffer ascii(String head) {
        return ByteBuffer.wrap(head.getBytes(ISO_8859_1));
    }
}
