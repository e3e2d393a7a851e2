package io.switchboard.client;

import io.switchboard.client.Transport.Link;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The connection state machine: attempts, the hello, heartbeats, backoff, and the decision to retry or give up.
 * Every method runs on the client's event thread. Each attempt gets a generation number, and reports from an
 * older generation are ignored, so a connection that was given up on can never disturb its successor.
 */
final class Connection {

    /** What the rest of the client hears from the connection, on the event thread. */
    interface Events {
        void connected(Session session);

        void frame(ServerFrame frame);

        void lost(Disconnect reason);
    }

    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final Settings settings;
    private final Transport transport;
    private final ScheduledExecutorService executor;
    private final Supplier<URI> target;
    private final Events events;
    private final StateMachine machine;
    private final Backoff backoff;
    private final Heartbeat heartbeat;
    private final Tokens tokens;
    private CompletableFuture<Session> connected = new CompletableFuture<>();
    private volatile Session session;
    private Link link;
    private ScheduledFuture<?> timer;
    private int generation;
    private int failures;

    Connection(Settings settings, Transport transport, ScheduledExecutorService executor, Supplier<URI> target,
               Events events, StateMachine machine, Backoff backoff) {
        this.settings = settings;
        this.transport = transport;
        this.executor = executor;
        this.target = target;
        this.events = events;
        this.machine = machine;
        this.backoff = backoff;
        this.heartbeat = new Heartbeat(settings.heartbeatInterval());
        this.tokens = new Tokens(settings.tokens());
    }

    CompletableFuture<Session> connect() {
        ConnectionState state = machine.state();
        if (state == ConnectionState.CONNECTED) {
            return CompletableFuture.completedFuture(session);
        }
        if (state == ConnectionState.DISCONNECTED || state == ConnectionState.FAILED) {
            connected = new CompletableFuture<>();
            failures = 0;
            machine.transition(ConnectionState.CONNECTING, Disconnect.NONE, 0, Duration.ZERO);
            attempt();
        }
        return connected;
    }

    void disconnect() {
        if (machine.state() == ConnectionState.DISCONNECTED) {
            return;
        }
        Disconnect reason = Disconnect.local(CloseCode.NORMAL, "closed by the client");
        boolean wasConnected = machine.state() == ConnectionState.CONNECTED;
        Link closing = tearDown();
        if (closing != null) {
            closing.close(CloseCode.NORMAL.code(), "client disconnect");
        }
        if (wasConnected) {
            events.lost(reason);
        }
        settle(ConnectionState.DISCONNECTED, reason);
    }

    /** Writes a frame if a session is up; false otherwise. */
    boolean send(String frame) {
        if (!online() || link == null) {
            return false;
        }
        link.send(frame);
        return true;
    }

    boolean online() {
        return machine.state() == ConnectionState.CONNECTED;
    }

    ConnectionState state() {
        return machine.state();
    }

    Session session() {
        return session;
    }

    void opened(int attempt, Link opened) {
        if (attempt == generation) {
            link = opened;
        } else {
            opened.abort();
        }
    }

    void received(int attempt, String text) {
        if (attempt != generation) {
            return;
        }
        alive(attempt);
        ServerFrame frame;
        try {
            frame = Frames.decode(text);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ignoring a frame that does not decode ({0}): {1}", e.getMessage(), text);
            return;
        }
        if (frame instanceof ServerFrame.Hello hello) {
            hello(hello.session());
        } else {
            events.frame(frame);
        }
    }

    void alive(int attempt) {
        if (attempt == generation) {
            heartbeat.inbound(System.nanoTime());
        }
    }

    void lost(int attempt, Disconnect reason) {
        if (attempt != generation) {
            return;
        }
        boolean wasConnected = online();
        Link dead = tearDown();
        if (dead != null) {
            dead.abort();
        }
        if (wasConnected) {
            events.lost(reason);
        }
        if (reason.kind() == CloseCode.NORMAL) {
            settle(ConnectionState.DISCONNECTED, reason);
        } else if (!reason.reconnects() || failures >= settings.maxReconnectAttempts()) {
            settle(ConnectionState.FAILED, reason);
        } else {
            Duration wait = backoff.delay(failures);
            failures++;
            machine.transition(ConnectionState.RECONNECTING, reason, failures, wait);
            timer = executor.schedule(this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One attempt; the hello timeout covers the token, the upgrade and the hello together. */
    private void attempt() {
        int attempt = ++generation;
        URI uri = target.get();
        Duration limit = settings.helloTimeout();
        timer = executor.schedule(() -> lost(attempt, Disconnect.local(CloseCode.HELLO_TIMEOUT,
                "no hello within " + limit.toMillis() + " ms")), limit.toMillis(), TimeUnit.MILLISECONDS);
        AttemptEvents reports = new AttemptEvents(this, attempt, executor);
        tokens.next()
                .thenCompose(token -> transport.open(uri, token, reports))
                .whenComplete((opened, error) -> reports.openFinished(error));
    }

    private void hello(Session greeting) {
        cancelTimer();
        failures = 0;
        session = greeting;
        machine.transition(ConnectionState.CONNECTED, Disconnect.NONE, 0, Duration.ZERO);
        int attempt = generation;
        heartbeat.start(executor, () -> send(Frames.ping()), () -> lost(attempt,
                Disconnect.local(CloseCode.HEARTBEAT_TIMEOUT, "no frame for two heartbeat intervals")));
        events.connected(greeting);
        connected.complete(greeting);
    }

    private void settle(ConnectionState state, Disconnect reason) {
        machine.transition(state, reason, failures, Duration.ZERO);
        connected.completeExceptionally(new ConnectionFailedException(reason));
    }

    /** Invalidates the current generation, stops its timers, and hands back its connection to close or abort. */
    private Link tearDown() {
        generation++;
        cancelTimer();
        heartbeat.stop();
        Link current = link;
        link = null;
        return current;
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
