package io.switchboard.monitoring.boundary;

import io.switchboard.delivery.control.SessionRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

/** The application metrics, registered at start so that /metrics shows them before the first connection. */
@ApplicationScoped
public class Telemetry {

    @Inject
    MetricRegistry metrics;

    @Inject
    SessionRegistry sessions;

    private Counter connectionsOpened;
    private Counter messagesStored;
    private Counter duplicateSends;
    private Counter pushes;
    private Counter framesRejected;
    private Counter slowConsumers;
    private Histogram batchSizes;
    private Timer batchWaits;
    private Timer batchStores;
    private Timer batchFanOuts;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // Touching the bean creates it; the registrations happen in @PostConstruct.
        connectionsOpened.getCount();
    }

    @PostConstruct
    void register() {
        metrics.gauge(Metadata.builder().withName("switchboard.connections.active").withUnit(MetricUnits.NONE)
                .withDescription("WebSocket sessions open on this node").build(), sessions::size);
        connectionsOpened = counter("switchboard.connections.opened", "WebSocket sessions opened since start");
        messagesStored = counter("switchboard.messages.stored", "Messages committed since start (repeats excluded)");
        duplicateSends = counter("switchboard.messages.duplicates",
                "Sends answered with an earlier message because the clientMessageId repeated");
        pushes = counter("switchboard.messages.pushed", "message:new frames queued to devices");
        framesRejected = counter("switchboard.frames.rejected", "Client frames answered with an error frame");
        slowConsumers = counter("switchboard.connections.slow_consumer",
                "Sessions closed because their outbound queue was full");
        batchSizes = metrics.histogram(Metadata.builder().withName("switchboard.send.batch")
                .withUnit(MetricUnits.NONE).withDescription("Sends stored per group-commit transaction").build());
        batchWaits = timer("switchboard.send.wait",
                "How long the oldest send of each batch waited before its transaction began");
        batchStores = timer("switchboard.send.store", "Each batch's transaction, from its start to its commit");
        batchFanOuts = timer("switchboard.send.fanout",
                "From a batch's commit until its messages were handed to the members' sessions and its sends answered");
    }

    private Timer timer(String name, String description) {
        return metrics.timer(Metadata.builder().withName(name).withUnit(MetricUnits.SECONDS)
                .withDescription(description).build());
    }

    private Counter counter(String name, String description) {
        return metrics.counter(Metadata.builder().withName(name).withUnit(MetricUnits.NONE)
                .withDescription(description).build());
    }

    public void connectionOpened() {
        connectionsOpened.inc();
    }

    public void messageStored() {
        messagesStored.inc();
    }

    public void duplicateSend() {
        duplicateSends.inc();
    }

    /** One group-commit batch of {@code size} sends, in the three stages a send's answer waits for. */
    public void batchWritten(int size, long waitedNanos, long storeNanos, long fanOutNanos) {
        batchSizes.update(size);
        batchWaits.update(Duration.ofNanos(waitedNanos));
        batchStores.update(Duration.ofNanos(storeNanos));
        batchFanOuts.update(Duration.ofNanos(fanOutNanos));
    }

    /**
     * The counter of pushes itself, for a connection to keep: a call through this bean's client proxy sets up and
     * tears down the container's per-thread interception context, and a push is the most frequent event there is.
     */
    public Counter pushes() {
        return pushes;
    }

    public void frameRejected() {
        framesRejected.inc();
    }

    public void slowConsumer() {
        slowConsumers.inc();
    }

    public long messagesStoredSinceStart() {
        return messagesStored.getCount();
    }

    public long connectionsOpenedSinceStart() {
        return connectionsOpened.getCount();
    }

    public int connectionsActive() {
        return sessions.size();
    }
}
