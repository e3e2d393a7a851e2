package io.switchboard.bench.jmh;

import io.switchboard.bench.json.JsonWriter;
import io.switchboard.bench.ws.FrameEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
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
 * A fan-out loop: one {@code message:new} queued for every other member of a conversation, as a server's delivery
 * step does, with the JSON codec and framing of this module. Two shapes: encode and frame once, then share the bytes
 * (what a server should do), or encode per member (what a naive one does). The gap is the price of the naive loop at
 * 49 members, the group size of the load runs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FanOutBenchmark {

    @Param({"2", "50"})
    public int members;

    private ArrayDeque<ByteBuffer>[] queues;
    private Map<String, Object> message;
    private long seq;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        queues = new ArrayDeque[members];
        for (int k = 0; k < members; k++) {
            queues[k] = new ArrayDeque<>();
        }
        message = new LinkedHashMap<>();
        message.put("type", "message:new");
        message.put("messageId", "m-51d0c2");
        message.put("conversationId", "c-2b1e77");
        message.put("seq", 0L);
        message.put("senderId", "bench-abc123-0");
        message.put("clientMessageId", "abc123-1f");
        message.put("text", "123456789012345|" + "x".repeat(84));
        message.put("priority", "normal");
        message.put("sentAt", "2026-11-22T10:15:30.123Z");
        message.put("redelivery", false);
    }

    @Benchmark
    public int encodeOnceShareFrame() {
        message.put("seq", ++seq);
        ByteBuffer frame = FrameEncoder.frame(FrameEncoder.TEXT,
                JsonWriter.write(message).getBytes(StandardCharsets.UTF_8), 0, false);
        for (int k = 1; k < members; k++) {
            queues[k].add(frame.duplicate());
        }
        return drain();
    }

    @Benchmark
    public int encodePerMember() {
        message.put("seq", ++seq);
        for (int k = 1; k < members; k++) {
            queues[k].add(FrameEncoder.frame(FrameEncoder.TEXT,
                    JsonWriter.write(message).getBytes(StandardCharsets.UTF_8), 0, false));
        }
        return drain();
    }

    /** Stands in for the socket writes: empties every queue so that the queues do not grow across calls. */
    private int drain() {
        int bytes = 0;
        for (ArrayDeque<ByteBuffer> q : queues) {
            for (ByteBuffer b = q.poll(); b != null; b = q.poll()) {
                bytes += b.remaining();
            }
        }
        return bytes;
    }
}
