package io.switchboard.delivery.boundary;

import io.switchboard.conversations.boundary.MessageStored;
import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.conversations.entity.Priority;
import io.switchboard.delivery.control.Connection;
import io.switchboard.delivery.control.DeviceSession;
import io.switchboard.delivery.control.SessionRegistry;
import io.switchboard.delivery.control.UnsavedCursors;
import io.switchboard.monitoring.boundary.Telemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The server's fan-out of one stored message, as the group commit runs it after a commit: the registry finds every
 * member's session, each session's lane pushes the message in seq order to its connection, and every member
 * acknowledges it, so that the streams stay as short as in a live conversation. The connection only counts: what
 * Liberty's send costs is not in this figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FanOutBenchmark {

    static final String CONVERSATION = "c-bench";

    @Param({"2", "50"})
    int members;

    DeliveryHub hub;
    final List<CountingConnection> connections = new ArrayList<>();
    final List<DeviceSession> sessions = new ArrayList<>();
    List<String> memberIds;
    long seq;

    @Setup
    public void conversation() {
        hub = new DeliveryHub();
        hub.registry = new SessionRegistry();
        hub.unsaved = new UnsavedCursors();
        hub.telemetry = new Telemetry() {
            @Override
            public void messageStored() {
                // no metric registry outside the server
            }
        };
        memberIds = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String user = "u-" + i;
            memberIds.add(user);
            var connection = new CountingConnection(user);
            var session = new DeviceSession(connection, new Deliveries(), hub.unsaved, Runnable::run,
                    Duration.ofSeconds(5), 3);
            session.start(Map.of(CONVERSATION, new Deliveries.Position(0, 0)), Map.of());
            hub.registry.register(session);
            connections.add(connection);
            sessions.add(session);
        }
    }

    /** One message from member 0, through its own session, to every other member, each of whom acks it. */
    @Benchmark
    public long fanOut() {
        seq++;
        var message = new MessageView("m-" + seq, CONVERSATION, seq, memberIds.get(0), "k-" + seq, "hello",
                Priority.NORMAL, Instant.EPOCH);
        hub.onStored(new MessageStored(message, memberIds, connections.get(0).sessionId()));
        for (int i = 1; i < members; i++) {
            sessions.get(i).ack(CONVERSATION, seq);
        }
        return seq;
    }

    /** A connection that counts what it is handed. */
    static final class CountingConnection implements Connection {

        private final String user;
        long delivered;
        long lastSeq;

        CountingConnection(String user) {
            this.user = user;
        }

        @Override
        public String sessionId() {
            return "s-" + user;
        }

        @Override
        public String userId() {
            return user;
        }

        @Override
        public String deviceId() {
            return "d-" + user;
        }

        @Override
        public void deliver(MessageView message, boolean redelivery) {
            delivered++;
            lastSeq = message.seq();
        }

        @Override
        public void gap(Backlog.Gap gap) {
            throw new IllegalStateException("no gap in a live conversation: " + gap);
        }

        @Override
        public void cursors(Map<String, Long> cursors) {
            throw new IllegalStateException("every session starts at 0 here: " + cursors);
        }

        @Override
        public int room() {
            return Integer.MAX_VALUE;
        }

        @Override
        public void close(Disconnect reason) {
            throw new IllegalStateException("closed: " + reason);
        }
    }
}
