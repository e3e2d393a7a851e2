package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.client.json.JsonWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fills gaps from a history API served on the loopback interface by the JDK's own HTTP server. */
class GapFillTest {

    private final FakeTransport transport = new FakeTransport();
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer history;
    private SwitchboardClient cut;

    @BeforeEach
    void startHistory() throws IOException {
        history = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        history.createContext("/api/conversations/", this::answer);
        history.start();
        cut = TestClients.builder(transport)
                .httpBase(URI.create("http://127.0.0.1:" + history.getAddress().getPort() + "/"))
                .listener(received::add)
                .options(TestClients.fastOptions().historyPageSize(2))
                .build();
    }

    @AfterEach
    void stop() {
        cut.close();
        history.stop(0);
    }

    @Test
    void fillsAGapByPagingThenReleasesWhatWaitedBehindIt() {
        cut.connect();
        FakeLink link = transport.nextSession();

        link.serverSends(Map.of("type", "sync:gap", "conversationId", "c1", "fromSeq", 1, "toSeq", 5));
        link.push("c1", 6);

        await().atMost(5, TimeUnit.SECONDS).until(() -> received.size() == 6);
        assertThat(received).extracting(Message::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(requests).containsExactly("after=0&limit=2", "after=2&limit=2", "after=4&limit=1");
        assertThat(cut.cursors()).containsEntry("c1", 6L);
        long lastAck = 0;
        while (lastAck < 6) {
            lastAck = link.next("message:ack").integer("seq");
        }
    }

    @Test
    void fetchesOnePageWithTheBearerToken() throws Exception {
        HistoryPage page = cut.fetchHistory("c1", 3, 2).get(5, TimeUnit.SECONDS);

        assertThat(page.messages()).extracting(Message::seq).containsExactly(4L, 5L);
        assertThat(page.messages().get(0).text()).isEqualTo("history 4");
        assertThat(page.hasMore()).isTrue();
        assertThat(received).isEmpty();
    }

    @Test
    void reportsTheApisErrorCode() {
        ServerErrorException error = SendTest.failure(cut.fetchHistory("forbidden", 0, 10),
                ServerErrorException.class);

        assertThat(error.errorCode()).isEqualTo(ErrorCode.NOT_MEMBER);
        assertThat(error.temporary()).isFalse();
    }

    /** Conversation c1 has ten messages; "forbidden" answers 403; every request must carry the token. */
    private void answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(query);
        boolean authorised = "Bearer t1".equals(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!authorised || exchange.getRequestURI().getPath().contains("forbidden")) {
            reply(exchange, 403, Map.of("code", "not_member", "message", "not a member"));
            return;
        }
        Map<String, String> params = Map.of("after", query.replaceAll(".*after=(\\d+).*", "$1"),
                "limit", query.replaceAll(".*limit=(\\d+).*", "$1"));
        long after = Long.parseLong(params.get("after"));
        long last = Math.min(10, after + Long.parseLong(params.get("limit")));
        List<Map<String, Object>> messages = LongStream.rangeClosed(after + 1, last)
                .mapToObj(GapFillTest::stored)
                .toList();
        reply(exchange, 200, Map.of("messages", messages, "hasMore", last < 10));
    }

    private static Map<String, Object> stored(long seq) {
        return Map.of("messageId", "c1-" + seq, "conversationId", "c1", "seq", seq, "senderId", "bob",
                "clientMessageId", "x" + seq, "text", "history " + seq, "priority", "normal",
                "sentAt", "2026-11-22T10:15:30.123Z");
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JsonWriter.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
