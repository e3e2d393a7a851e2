package io.switchboard.delivery.boundary.ws;

import static io.switchboard.delivery.boundary.ws.RawClient.CLOSE;
import static io.switchboard.delivery.boundary.ws.RawClient.TEXT;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.switchboard.identity.control.PublicKeys;
import io.switchboard.identity.control.TokenMinter;
import io.switchboard.identity.control.TokenVerifier;
import io.switchboard.platform.ErrorCode;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The own socket transport end to end on a real port: a client written on a plain socket upgrades, sends and reads
 * frames, and the chat behind the transport is a script that records what reached it.
 */
class SocketTransportTest {

    private static final String ISSUER = "https://switchboard.test";
    private static final String AUDIENCE = "switchboard";
    private static final KeyPair KEYS = rsaKeys();
    private static final TokenMinter MINTER = new TokenMinter(KEYS.getPrivate(), ISSUER, AUDIENCE);
    /** Long enough to tell "nothing more came" from "it had not come yet" on a busy machine. */
    private static final Duration QUIET = Duration.ofMillis(300);

    private final RecordingChat chat = new RecordingChat();
    private final DaemonThreads threads = new DaemonThreads();
    private SocketServer cut;

    @BeforeEach
    void configure() {
        cut = new SocketServer();
        cut.chat = chat;
        cut.threads = threads;
        cut.host = "127.0.0.1";
        cut.port = 0;
        cut.loopCount = 1;
        cut.handshakeTimeout = Duration.ofSeconds(5);
        cut.closeTimeout = Duration.ofSeconds(5);
        cut.cookieName = "switchboard_token";
        cut.allowedOrigins = " ";
    }

    @AfterEach
    void stop() {
        cut.stop();
    }

    @Test
    void aValidUpgradeOpensTheSessionAndATextFrameArrivesWholeThoughWrittenByteByByte() throws Exception {
        int port = listen();
        try (var client = RawClient.connect(port)) {
            var response = client.upgrade("/ws?device=phone-1", token("alice", "user"));

            assertThat(response.status()).isEqualTo(101);
            assertThat(response.header("Sec-WebSocket-Accept")).isEqualTo(RawClient.ACCEPT);
            assertThat(response.header("Upgrade")).isEqualToIgnoringCase("websocket");
            assertThat(client.readFrame().text()).as("the greeting the chat queued at open")
                    .contains("\"type\":\"hello\"", "\"userId\":\"alice\"", "\"deviceId\":\"phone-1\"");
            assertThat(chat.opened).singleElement().satisfies(opened -> {
                assertThat(opened.connection().userId()).isEqualTo("alice");
                assertThat(opened.device()).isEqualTo("phone-1");
            });

            // Two- and three-byte characters, so that some reads end inside a character.
            String text = "{\"type\":\"ping\",\"ref\":\"r-1\",\"note\":\"grüße ✓\"}";
            client.writeByteByByte(RawClient.text(text));

            eventually("the frame reaches the chat", () -> !chat.texts.isEmpty());
            assertThat(chat.texts).containsExactly(text);
        }
    }

    @Test
    void theReadLagIsHowLongTheLoopHasBeenBusyAndFallsBackOnceARoundIsShort() throws Exception {
        int port = listen();
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        chat.onText = (connection, text) -> {
            if (text.equals("hold")) {
                holding.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (var client = RawClient.connect(port)) {
            client.upgrade("/ws?device=phone-1", token("alice", "user"));
            client.readFrame();
            ChatConnection connection = chat.opened.get(0).connection();
            assertThat(connection.readLag()).as("an idle loop").isLessThan(Duration.ofMillis(100));

            client.write(RawClient.text("hold"));
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(400);
            assertThat(connection.readLag()).as("the round under way").isGreaterThanOrEqualTo(Duration.ofMillis(400));
            release.countDown();

            client.write(RawClient.text("next"));
            eventually("the next frame is read", () -> chat.texts.contains("next"));
            eventually("short rounds follow the long one", () -> connection.readLag()
                    .compareTo(Duration.ofMillis(100)) < 0);
        }
    }

    @Test
    void framesWrittenWithTheUpgradeReachTheChatAfterTheSessionOpensInTheirOrder() throws Exception {
        int port = listen();
        try (var client = RawClient.connect(port)) {
            var pipelined = new ByteArrayOutputStream();
            pipelined.writeBytes(RawClient.upgradeRequest("/ws?device=phone-1", token("alice", "user"))
                    .getBytes(US_ASCII));
            for (int i = 1; i <= 3; i++) {
                pipelined.writeBytes(RawClient.text("frame-" + i));
            }
            client.write(pipelined.toByteArray());

            assertThat(client.readResponseHead().status()).isEqualTo(101);
            assertThat(client.readFrame().text()).contains("\"type\":\"hello\"");
            eventually("the three frames reach the chat", () -> chat.texts.size() >= 3);
            assertThat(chat.texts).containsExactly("frame-1", "frame-2", "frame-3");
        }
    }

    @Test
    void aClientThatPipelinesMoreSendsThanItsWindowIsReadOnlyAsAnswersFreePlaces() throws Exception {
        int port = listenWithSendWindow(2);
        try (var client = opened(port, "alice")) {
            client.write(sends(5));

            eventually("two sends reach the chat", () -> chat.texts.size() >= 2);
            quiet();
            assertThat(chat.texts).as("a full window stops reading").containsExactly("send-1", "send-2");

            var connection = chat.connection(0);
            connection.answerSend(new ServerFrame.Pong());
            eventually("a third send follows the first answer", () -> chat.texts.size() >= 3);
            quiet();
            assertThat(chat.texts).containsExactly("send-1", "send-2", "send-3");

            for (int answered = 1; answered < 5; answered++) {
                connection.answerSend(new ServerFrame.Pong());
            }
            eventually("every send reaches the chat", () -> chat.texts.size() >= 5);
            assertThat(chat.texts).containsExactly("send-1", "send-2", "send-3", "send-4", "send-5");
            for (int i = 0; i < 5; i++) {
                assertThat(client.readFrame().text()).as("answer %d", i + 1).isEqualTo("{\"type\":\"pong\"}");
            }
        }
    }

    @Test
    void aSessionWhoseFullWindowStoppedItsReadingIsBehindFromThenUntilItHasReadEverything() throws Exception {
        int port = listenWithSendWindow(1);
        try (var client = opened(port, "alice")) {
            client.write(sends(2));
            eventually("the first send reaches the chat", () -> chat.texts.size() >= 1);
            var connection = chat.connection(0);
            Thread.sleep(400);
            assertThat(connection.readLag()).as("reading stopped at the second send, the loop idle")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(400));

            connection.answerSend(new ServerFrame.Pong());
            eventually("the second send follows the answer", () -> chat.texts.size() >= 2);
            connection.answerSend(new ServerFrame.Pong());
            client.write(RawClient.text("ack"));
            eventually("the next frame is read", () -> chat.texts.contains("ack"));
            eventually("a read that took everything ends it", () -> connection.readLag()
                    .compareTo(Duration.ofMillis(100)) < 0);
        }
    }

    @Test
    void aClientThatDoesNotReadIsClosedAsASlowConsumerOnceItsQueueIsFull() throws Exception {
        chat.outboundQueue = 8;
        int port = listen();
        // A small receive buffer, so that the kernel's buffers hold little of what is pushed.
        try (var client = opened(RawClient.connect(port, 16 * 1024), "alice")) {
            var connection = chat.connection(0);
            var large = new ServerFrame.Error(ErrorCode.OVERLOADED, "x".repeat(60_000), null, null);
            int pushed = 300;
            for (int i = 0; i < pushed; i++) {
                connection.send(large);
            }

            assertThat(connection.room()).as("the queue is closed to more frames").isZero();
            int read = 0;
            RawClient.Frame frame = client.readFrame();
            while (frame.opcode() == TEXT) {
                assertThat(frame.text()).as("a pushed frame, whole").startsWith("{\"type\":\"error\"")
                        .endsWith("}").hasSizeGreaterThan(60_000);
                read++;
                frame = client.readFrame();
            }
            assertThat(frame.opcode()).as("after %d text frames", read).isEqualTo(CLOSE);
            assertThat(frame.closeCode()).isEqualTo(4000);
            assertThat(read).as("the pushes still queued at the close are dropped").isLessThan(pushed);
            assertThat(client.atEnd()).as("nothing follows the close frame").isTrue();
        }
        eventually("the chat hears of the close", () -> !chat.closed.isEmpty());
        quiet();
        assertThat(chat.closeCodes()).containsExactly(4000);
        assertThat(chat.slowConsumers).hasValue(1);
    }

    @Test
    void aClientsCloseIsAnsweredWithACloseAndTheEndOfTheStream() throws Exception {
        int port = listen();
        try (var client = opened(port, "alice")) {
            client.write(RawClient.close(1000));

            var answer = client.readFrame();
            assertThat(answer.opcode()).isEqualTo(CLOSE);
            assertThat(answer.closeCode()).isEqualTo(1000);
            assertThat(client.atEnd()).as("the server closed its side").isTrue();
        }
        eventually("the chat hears of the close", () -> !chat.closed.isEmpty());
        quiet();
        assertThat(chat.closeCodes()).containsExactly(1000);
    }

    @Test
    void whenTheApplicationStopsItsOpenSessionsAreClosedWith1001OffTheInterruptedThread() throws Exception {
        int port = listen();
        try (RawClient client = opened(port, "alice")) {
            threads.interruptAll(); // what Liberty does to its managed threads when the application stops

            eventually("the chat hears that the transport stopped", chat.transportStopped::get);
            assertThat(chat.closeCodes()).containsExactly(1001);
            assertThat(chat.writtenOnInterruptedThread).as("its last cursor writes run uninterrupted").isFalse();
        }
    }

    @Test
    void aClientThatDropsTheConnectionIsClosedWith1006() throws Exception {
        int port = listen();
        opened(port, "alice").close();

        eventually("the chat hears of the drop", () -> !chat.closed.isEmpty());
        quiet();
        assertThat(chat.closeCodes()).containsExactly(1006);
    }

    @Test
    void aClientThatNeverFinishesItsRequestHeadIsDisconnectedAfterTheHandshakeTimeout() throws Exception {
        cut.handshakeTimeout = Duration.ofMillis(300);
        int port = listen();
        long start = System.nanoTime();
        try (var client = RawClient.connect(port)) {
            client.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: webs".getBytes(US_ASCII));

            assertThat(client.atEnd()).as("disconnected without an answer").isTrue();
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(waited).isBetween(Duration.ofMillis(300), Duration.ofMillis(2500));
        assertThat(chat.opened).isEmpty();
    }

    static Stream<Arguments> refusals() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("no token", "/ws", null, 401, "unauthorized"),
                Arguments.of("an expired token", "/ws", MINTER.mint("alice", List.of("user"),
                        now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))), 401, "invalid_token"),
                Arguments.of("neither user nor admin", "/ws", token("alice", "auditor"), 403, "forbidden"),
                Arguments.of("a wrong path", "/chat", token("alice", "user"), 404, "not_found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void anUpgradeThatMayNotOpenIsAnsweredWithAJsonErrorAndTheEndOfTheStream(String what, String target,
            String token, int status, String code) throws Exception {
        int port = listen();
        try (var client = RawClient.connect(port)) {
            var response = client.upgrade(target, token);

            assertThat(response.status()).isEqualTo(status);
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
            if (status == 401) {
                assertThat(response.header("WWW-Authenticate")).startsWith("Bearer ");
            }
            JsonObject body = json(client.readBytes(Integer.parseInt(response.header("Content-Length"))));
            assertThat(body.getString("code")).isEqualTo(code);
            assertThat(body.getString("message")).isNotBlank();
            assertThat(client.atEnd()).as("nothing follows the body").isTrue();
        }
        assertThat(chat.opened).isEmpty();
    }

    @Test
    void twoHundredClientsAtOnceEachOpenExchangeAFrameAndClose() throws Exception {
        int clients = 200;
        chat.onText = (connection, text) -> connection.send(new ServerFrame.Pong());
        int port = listen();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            tokens.add(token("user-" + i, "user"));
        }
        var allExchanged = new CountDownLatch(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    try (var client = RawClient.connect(port)) {
                        var response = client.upgrade("/ws?device=d-" + n, tokens.get(n));
                        assertThat(response.status()).isEqualTo(101);
                        assertThat(client.readFrame().text()).contains("\"userId\":\"user-" + n + "\"");
                        client.write(RawClient.text("ping-" + n));
                        assertThat(client.readFrame().text()).isEqualTo("{\"type\":\"pong\"}");
                        allExchanged.countDown();
                        assertThat(allExchanged.await(15, TimeUnit.SECONDS)).as("all open at once").isTrue();
                        client.write(RawClient.close(1000));
                        assertThat(client.readFrame().closeCode()).isEqualTo(1000);
                        assertThat(client.atEnd()).isTrue();
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        eventually("the chat hears of every close", () -> chat.closed.size() >= clients);
        assertThat(chat.closeCodes()).hasSize(clients).containsOnly(1000);
        assertThat(chat.texts).hasSize(clients);
    }

    private int listen() {
        var verifier = new TokenVerifier(PublicKeys.inline(pem()), ISSUER, Set.of(AUDIENCE), Duration.ofSeconds(30),
                Clock.systemUTC());
        cut.listen(new Handshake(verifier, cut.cookieName, AllowedOrigins.parse(cut.allowedOrigins)));
        assertThat(cut.port()).as("the port the system chose").isPositive();
        return cut.port();
    }

    /** A client whose upgrade was accepted and whose greeting it has read. */
    private RawClient opened(int port, String user) throws Exception {
        return opened(RawClient.connect(port), user);
    }

    private RawClient opened(RawClient client, String user) throws Exception {
        assertThat(client.upgrade("/ws", token(user, "user")).status()).isEqualTo(101);
        assertThat(client.readFrame().text()).contains("\"type\":\"hello\"");
        return client;
    }

    private static String token(String user, String... groups) {
        Instant now = Instant.now();
        return MINTER.mint(user, List.of(groups), now.minusSeconds(60), now.plus(Duration.ofMinutes(10)));
    }

    private static String pem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(US_ASCII)).encodeToString(KEYS.getPublic()
                .getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    private static KeyPair rsaKeys() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(byte[] body) {
        try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("not a JSON object: " + new String(body, UTF_8), e);
        }
    }

    /** Listens with a send window of the given size, where every text frame the chat gets takes a place in it. */
    private int listenWithSendWindow(int places) {
        chat.sendWindow = places;
        chat.onText = (connection, text) -> connection.awaitSendSlot();
        return listen();
    }

    /** Text frames send-1 to send-n, in one piece. */
    private static byte[] sends(int n) {
        var sends = new ByteArrayOutputStream();
        for (int i = 1; i <= n; i++) {
            sends.writeBytes(RawClient.text("send-" + i));
        }
        return sends.toByteArray();
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("not within 10 s: " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Gives a wrong extra call time to happen before a test says there was none. */
    private static void quiet() throws InterruptedException {
        Thread.sleep(QUIET.toMillis());
    }

    /** Liberty's managed threads, stood in for by plain daemon threads. */
    private static final class DaemonThreads implements ManagedThreadFactory {

        private final List<Thread> made = new CopyOnWriteArrayList<>();

        @Override
        public Thread newThread(Runnable task) {
            var thread = new Thread(task, "socket-transport-test");
            thread.setDaemon(true);
            made.add(thread);
            return thread;
        }

        void interruptAll() {
            made.forEach(Thread::interrupt);
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            throw new UnsupportedOperationException("the socket server starts no fork-join pool");
        }
    }
}
