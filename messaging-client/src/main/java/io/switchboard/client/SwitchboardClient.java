package io.switchboard.client;

import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A connection to a Switchboard server for one device. Thread-safe: every public method hands its work to the
 * client's single event thread, which also runs the timers and calls the listeners. Futures returned here complete
 * on that thread too, so chain blocking work with the {@code *Async} variants, and never wait on a future from
 * inside a listener.
 */
public final class SwitchboardClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SwitchboardClient.class.getName());

    private final ScheduledThreadPoolExecutor executor;
    private final Connection connection;
    private final Sender sender;
    private final Inbox inbox;
    private final HistoryClient history;
    private final GapFiller gapFiller;
    private final Map<String, CompletableFuture<SentAck>> recovered;
    private final AtomicBoolean closed = new AtomicBoolean();

    SwitchboardClient(Settings settings, Listeners listeners, Transport transport, RandomGenerator random,
                      HttpClient http) {
        executor = EventThread.create(settings.device());
        inbox = new Inbox(settings.cursors());
        Router router = new Router(listeners);
        Backoff backoff = new Backoff(settings.backoffBase(), settings.backoffCap(), random);
        connection = new Connection(settings, transport, executor,
                () -> ConnectUri.build(settings.uri(), settings.device(), inbox.cursors()), router,
                new StateMachine(listeners.connection()), backoff);
        Outbox outbox = new Outbox(settings.outboxCapacity(),
                settings.outboxFile().<OutboxStore>map(OutboxFile::new).orElse(OutboxStore.MEMORY));
        sender = new Sender(outbox, connection, executor, settings);
        recovered = Map.copyOf(sender.recovered());
        Receiver receiver = new Receiver(inbox, listeners.message(), connection);
        Tokens tokens = new Tokens(settings.tokens());
        history = new HistoryClient(http, settings.httpBase(), tokens, settings.historyTimeout());
        gapFiller = new GapFiller(history, receiver, executor, settings.historyPageSize());
        router.wire(sender, receiver, listeners.gap().orElse(this::fillInBackground));
    }

    public static SwitchboardClientBuilder builder() {
        return new SwitchboardClientBuilder();
    }

    /** Connects, and keeps reconnecting; completes with the first {@code hello}, or fails when the client gives up. */
    public CompletableFuture<Session> connect() {
        return call(connection::connect);
    }

    /** Closes the session normally and stops reconnecting; sends wait in the outbox for the next connect(). */
    public CompletableFuture<Void> disconnect() {
        return call(() -> {
            connection.disconnect();
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Sends with NORMAL priority. */
    public CompletableFuture<SentAck> send(String conversationId, String text) {
        return send(conversationId, text, Priority.NORMAL);
    }

    /**
     * Completes with the server's acknowledgement; fails with {@link SendFailedException} or
     * {@link ServerErrorException}. Accepted sends survive disconnects in the outbox.
     */
    public CompletableFuture<SentAck> send(String conversationId, String text, Priority priority) {
        return call(() -> sender.send(conversationId, text, priority == null ? Priority.NORMAL : priority));
    }

    /** One page of a conversation's history, straight from the REST API; nothing is handed to the listener. */
    public CompletableFuture<HistoryPage> fetchHistory(String conversationId, long afterSeq, int limit) {
        return history.fetch(conversationId, afterSeq, limit);
    }

    /** Pages the gap's messages to the listener in order, acknowledges them, and releases the messages held behind. */
    public CompletableFuture<Void> fillGap(Gap gap) {
        return call(() -> gapFiller.fill(gap));
    }

    public ConnectionState state() {
        return connection.state();
    }

    /** The current or last session's {@code hello}. */
    public Optional<Session> session() {
        return Optional.ofNullable(connection.session());
    }

    /** The highest contiguous seq handed to the listener, per conversation; store it to resume after a restart. */
    public Map<String, Long> cursors() {
        return inbox.cursors();
    }

    /** Sends found in the outbox file at start-up, by clientMessageId; they go out on the first connection. */
    public Map<String, CompletableFuture<SentAck>> recoveredSends() {
        return recovered;
    }

    /** Disconnects, fails sends still pending (a persisted outbox keeps them), and stops the event thread. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        Future<?> done = executor.submit(() -> {
            connection.disconnect();
            sender.close();
        });
        executor.shutdown();
        if (!EventThread.isCurrent(executor)) {
            awaitQuietly(done);
        }
    }

    /** The default gap listener: nobody waits for the result, so a failure can only be logged. */
    private void fillInBackground(Gap gap) {
        fillGap(gap).whenComplete((done, error) -> {
            if (error != null) {
                LOG.log(Level.WARNING, "Could not fill " + gap + "; its conversation waits until fillGap succeeds",
                        error);
            }
        });
    }

    private <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> action) {
        try {
            return CompletableFuture.supplyAsync(action, executor).thenCompose(future -> future);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new SwitchboardException("the client is closed", e));
        }
    }

    private static void awaitQuietly(Future<?> done) {
        try {
            done.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new SwitchboardException("closing the client failed", e);
        }
    }
}
