package io.switchboard.delivery.boundary.ws;

import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.conversations.entity.Priority;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The server's frame codec on the frames of a load run: reading a {@code message:send} and a {@code message:ack},
 * writing the {@code message:new} of a fresh message (not the per-thread copy a group's later members share) and
 * its {@code message:sent}, as text for Liberty's endpoint and as the frame the own transport sends. Texts of 100 characters, ids of the lengths the server and the load generator use.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FramesBenchmark {

    static final String TEXT = "123456789012345|" + "x".repeat(84);
    static final String SEND = "{\"type\":\"message:send\",\"clientMessageId\":\"q3c9x1-1f2e\",\"conversationId\":"
            + "\"c-0d3f6a2e-97b1-4c55-a0e2-5f1d2c3b4a59\",\"text\":\"" + TEXT + "\"}";
    static final String ACK = "{\"type\":\"message:ack\",\"conversationId\":\"c-0d3f6a2e-97b1-4c55-a0e2-5f1d2c3b4a59\","
            + "\"seq\":42}";

    final FrameDecoder decoder = new FrameDecoder();
    final FrameEncoder encoder = new FrameEncoder();
    final MessageView message = new MessageView("0000019ae4f1c2a7-5f1d2c3b4a59e0d1", "c-0d3f6a2e-97b1-4c55-a0e2-5f1d2c3b4a59",
            42, "bench-q3c9x1-17", "q3c9x1-1f2e", TEXT, Priority.NORMAL, Instant.parse("2026-11-22T10:15:30.123Z"));

    @Benchmark
    public ClientFrame decodeSend() {
        return decoder.decode(SEND);
    }

    @Benchmark
    public ClientFrame decodeAck() {
        return decoder.decode(ACK);
    }

    @Benchmark
    public String encodeNew() {
        return encoder.encode(new ServerFrame.New(message, false));
    }

    @Benchmark
    public String encodeSent() {
        return encoder.encode(new ServerFrame.Sent(message));
    }

    /** What the own transport writes for a {@code message:new}: the whole WebSocket frame, ready for the socket. */
    @Benchmark
    public ByteBuffer frameNew() {
        return encoder.frame(new ServerFrame.New(message, false));
    }

    @Benchmark
    public ByteBuffer frameSent() {
        return encoder.frame(new ServerFrame.Sent(message));
    }
}
