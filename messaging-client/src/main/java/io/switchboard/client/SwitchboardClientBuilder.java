package io.switchboard.client;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** Configures a {@link SwitchboardClient}. Only the URI, the device and the token are required. */
public final class SwitchboardClientBuilder {

    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final System.Logger LOG = System.getLogger(SwitchboardClient.class.getName());

    private URI uri;
    private URI httpBase;
    private String device;
    private Supplier<String> tokens;
    private Map<String, Long> cursors = Map.of();
    private MessageListener listener = message -> { };
    private GapListener gapListener;
    private final List<ConnectionListener> connectionListeners = new ArrayList<>();
    private Consumer<ServerErrorException> errorListener = error -> LOG.log(Level.WARNING,
            "Server error not matched to a send: {0}", error.getMessage());
    private ClientOptions options = new ClientOptions();
    private Transport transport;
    private RandomGenerator random = new Random();

    SwitchboardClientBuilder() {
    }

    /** The WebSocket endpoint, e.g. {@code ws://localhost:9080/ws}. */
    public SwitchboardClientBuilder uri(URI uri) {
        this.uri = uri;
        return this;
    }

    /** The REST base for history; by default derived from the URI ({@code ws://h:p/ws} gives {@code http://h:p/}). */
    public SwitchboardClientBuilder httpBase(URI httpBase) {
        this.httpBase = httpBase;
        return this;
    }

    /** This installation's stable device id: 1-64 characters from A-Z a-z 0-9 . _ - */
    public SwitchboardClientBuilder device(String device) {
        this.device = device;
        return this;
    }

    /** Asked for a token before every connection attempt and history request, so tokens can rotate. */
    public SwitchboardClientBuilder token(Supplier<String> tokens) {
        this.tokens = tokens;
        return this;
    }

    public SwitchboardClientBuilder token(String token) {
        return token(() -> token);
    }

    /** Cursors saved from {@link SwitchboardClient#cursors()} by an earlier run, stated on every connect. */
    public SwitchboardClientBuilder resume(Map<String, Long> cursors) {
        this.cursors = Map.copyOf(cursors);
        return this;
    }

    public SwitchboardClientBuilder listener(MessageListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Replaces the default, which fills every gap at once with {@link SwitchboardClient#fillGap(Gap)}. */
    public SwitchboardClientBuilder gapListener(GapListener gapListener) {
        this.gapListener = Objects.requireNonNull(gapListener, "gapListener");
        return this;
    }

    /** Adds a listener; all of them hear every state change. */
    public SwitchboardClientBuilder connectionListener(ConnectionListener connectionListener) {
        connectionListeners.add(Objects.requireNonNull(connectionListener, "connectionListener"));
        return this;
    }

    /** Hears server errors that answer no pending send (a bad ack, for instance). By default they are logged. */
    public SwitchboardClientBuilder errorListener(Consumer<ServerErrorException> errorListener) {
        this.errorListener = Objects.requireNonNull(errorListener, "errorListener");
        return this;
    }

    /** Timeouts, backoff, retries, heartbeat, outbox and history paging; {@link ClientOptions} has the defaults. */
    public SwitchboardClientBuilder options(ClientOptions options) {
        this.options = Objects.requireNonNull(options, "options").copy();
        return this;
    }

    SwitchboardClientBuilder transport(Transport transport) {
        this.transport = transport;
        return this;
    }

    SwitchboardClientBuilder random(RandomGenerator random) {
        this.random = random;
        return this;
    }

    public SwitchboardClient build() {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(tokens, "token");
        if (device == null || !DEVICE.matcher(device).matches()) {
            throw new IllegalArgumentException("device must be 1-64 characters from A-Z a-z 0-9 . _ -, not " + device);
        }
        if (!"ws".equalsIgnoreCase(uri.getScheme()) && !"wss".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("uri must be ws:// or wss://, not " + uri);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(options.connectTimeout()).build();
        Settings settings = options.settings(uri, httpBase == null ? ConnectUri.httpBase(uri) : httpBase, device,
                tokens, cursors);
        Listeners listeners = new Listeners(listener, Optional.ofNullable(gapListener), connectionListeners,
                errorListener);
        return new SwitchboardClient(settings, listeners,
                transport == null ? new JdkTransport(http, options.connectTimeout()) : transport, random, http);
    }
}
