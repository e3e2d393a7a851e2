package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What only Switchboard's own transport decides, driven byte by byte: its answers to bad upgrades, its reading of
 * frames split, piled up, broken or cut short. Runs against that transport only (the socket suites); the frames a
 * library client sends are the other suites' business, on both transports.
 */
class SocketTransportIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a path other than /ws     | GET /elsewhere HTTP/1.1                  | true  | 404 | not_found",
        "no token                  | GET /ws HTTP/1.1                         | false | 401 | unauthorized",
        "a request that is no HTTP | HELLO                                    | true  | 400 | bad_request",
        "a POST                    | POST /ws HTTP/1.1                        | true  | 405 | bad_request"})
    void aRefusedUpgradeIsAnsweredWithItsStatusAndAJsonBodyAndClosed(String name, String requestLine, boolean token,
            int status, String code) throws Exception {
        try (var raw = new RawSocket(TestServer.WS_PORT)) {
            String upgrade = RawSocket.upgrade("/ws").replaceFirst("GET /ws HTTP/1.1", requestLine);
            raw.write(token ? upgrade.replace("\r\n\r\n", "\r\nAuthorization: Bearer " + Tokens.user("x")
                    + "\r\n\r\n") : upgrade);
            String head = raw.head();
            assertThat(head).startsWith("HTTP/1.1 " + status + " ");
            if (status == 401) {
                assertThat(head).contains("WWW-Authenticate: Bearer");
            }
            assertThat(raw.rest()).as("the body, then the end of the connection").contains("\"code\":\"" + code
                    + "\"").contains("\"message\":\"");
        }
    }

    @Test
    void aBadTokenIsRefusedWithInvalidToken() throws Exception {
        try (var raw = new RawSocket(TestServer.WS_PORT)) {
            raw.write(RawSocket.upgrade("/ws", "Authorization: Bearer " + Tokens.expired("x") + "\r\n"));
            assertThat(raw.head()).startsWith("HTTP/1.1 401 ").contains("error=\"invalid_token\"");
            assertThat(raw.rest()).contains("\"code\":\"invalid_token\"").contains("expired");
        }
    }

    @Test
    void anUnmaskedFrameClosesWith1002AndBrokenUtf8With1007() throws Exception {
        String token = Tokens.user(Rest.unique("alice"));
        try (var raw = new RawSocket(TestServer.WS_PORT)) {
            assertThat(raw.open(token, "unmasked")).startsWith("HTTP/1.1 101 ");
            raw.next("hello");
            raw.write(RawSocket.frame(1, "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8), false));
            RawSocket.Frame close = raw.next("close");
            assertThat(close.opcode()).isEqualTo(8);
            assertThat(close.closeCode()).isEqualTo(1002);
            assertThat(raw.closedByServer()).isTrue();
        }
        try (var raw = new RawSocket(TestServer.WS_PORT)) {
            raw.open(token, "broken-utf8");
            raw.next("hello");
            raw.write(RawSocket.frame(1, new byte[] {'{', (byte) 0xc3, (byte) 0x28, '}'}, true));
            assertThat(raw.next("close").closeCode()).isEqualTo(1007);
        }
    }

    @Test
    void aRequestCutShortIsDroppedAfterTheHandshakeTimeout() throws Exception {
        try (var raw = new RawSocket(TestServer.WS_PORT)) {
            raw.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            long start = System.nanoTime();
            assertThat(raw.closedByServer()).as("closed within the socket's 15 s timeout").isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).as("not before the 2 s the test server allows")
                    .isGreaterThanOrEqualTo(1_500);
        }
    }

    @Test
    void aFrameSentOneByteAtATimeIsReadWhole() throws Exception {
        String alice = Rest.unique("alice");
        String conversation = Rest.direct(Tokens.user(alice), Rest.unique("bob"));
        try (var raw = greeted(alice, "trickle")) {
            for (byte b : RawSocket.text(send("trickle-1", conversation, "one byte at a time"))) {
                raw.write(new byte[] {b});
            }
            assertThat(raw.next("message:sent").text()).contains("\"seq\":1");
        }
    }

    @Test
    void twoHundredSendsInOneWriteAreAllStoredAndAnsweredInOrder() throws Exception {
        String alice = Rest.unique("alice");
        String conversation = Rest.direct(Tokens.user(alice), Rest.unique("bob"));
        var pile = new java.io.ByteArrayOutputStream();
        for (int i = 1; i <= 200; i++) {
            pile.writeBytes(RawSocket.text(send("pile-" + i, conversation, "message " + i)));
        }
        try (var raw = greeted(alice, "pile")) {
            raw.write(pile.toByteArray());
            for (int i = 1; i <= 200; i++) {
                assertThat(raw.next("message:sent").text()).contains("\"clientMessageId\":\"pile-" + i + "\"")
                        .contains("\"seq\":" + i + ",");
            }
        }
    }

    @Test
    void aClientGoneMidFrameLeavesTheServerServing() throws Exception {
        String alice = Rest.unique("alice");
        String conversation = Rest.direct(Tokens.user(alice), Rest.unique("bob"));
        try (var raw = greeted(alice, "gone")) {
            byte[] frame = RawSocket.text(send("half", conversation, "never finished"));
            raw.write(java.util.Arrays.copyOf(frame, frame.length / 2));
        }
        try (var raw = greeted(alice, "gone")) {
            raw.write(RawSocket.text(send("whole", conversation, "after the cut")));
            assertThat(raw.next("message:sent").text()).as("the half frame stored nothing").contains("\"seq\":1,");
        }
    }

    /** A socket of the user's device, past its hello. */
    private static RawSocket greeted(String user, String device) throws Exception {
        var raw = new RawSocket(TestServer.WS_PORT);
        assertThat(raw.open(Tokens.user(user), device)).startsWith("HTTP/1.1 101 ");
        raw.next("hello");
        return raw;
    }

    private static String send(String clientMessageId, String conversation, String text) {
        return "{\"type\":\"message:send\",\"clientMessageId\":\"" + clientMessageId + "\",\"conversationId\":\""
                + conversation + "\",\"text\":\"" + text + "\"}";
    }
}
