package io.switchboard.bench.jmh;

import io.switchboard.bench.json.JsonReader;
import io.switchboard.bench.proto.socketio.SocketIoPacket;
import io.switchboard.bench.proto.switchboard.SwitchboardFrames;
import io.switchboard.bench.ws.FrameDecoder;
import io.switchboard.bench.ws.FrameEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the generator spends per message: writing a {@code message:send}, reading a {@code message:new} (and the
 * Socket.IO equivalent), and WebSocket framing in both directions. Texts are the size a load run uses (100 chars).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameCodecBenchmark {

    private static final String TEXT = "123456789012345|" + "x".repeat(84);

    private String messageNew;
    private String socketIoMessage;
    private byte[] inboundFrames;
    private final FrameDecoder decoder = new FrameDecoder(1 << 20);
    private final FrameDecoder.Sink sink = new CountingSink();

    @Setup
    public void setUp() {
        messageNew = "{\"type\":\"message:new\",\"messageId\":\"m-51d0c2\",\"conversationId\":\"c-2b1e77\",\"seq\":42,"
                + "\"senderId\":\"bench-abc123-17\",\"clientMessageId\":\"abc123-1f\",\"text\":\"" + TEXT + "\","
                + "\"priority\":\"normal\",\"sentAt\":\"2026-11-22T10:15:30.123Z\",\"redelivery\":false}";
        socketIoMessage = "42[\"message\",{\"id\":\"lx2-1f\",\"room\":\"r-abc123-8\",\"from\":\"bench-abc123-17\","
                + "\"clientMessageId\":\"abc123-1f\",\"text\":\"" + TEXT + "\",\"ts\":1763806530123}]";
        ByteBuffer frames = ByteBuffer.allocate(16 * 1024);
        for (int k = 0; k < 16; k++) {
            frames.put(FrameEncoder.frame(FrameEncoder.TEXT, messageNew.getBytes(StandardCharsets.UTF_8), 0, false));
        }
        inboundFrames = java.util.Arrays.copyOf(frames.array(), frames.position());
    }

    @Benchmark
    public String encodeMessageSend() {
        return SwitchboardFrames.send("abc123-1f", "c-2b1e77", TEXT);
    }

    @Benchmark
    public String encodeMessageAck() {
        return SwitchboardFrames.ack("c-2b1e77", 42);
    }

    @Benchmark
    public Map<String, Object> decodeMessageNew() {
        return JsonReader.parseObject(messageNew);
    }

    @Benchmark
    public Map<String, Object> decodeSocketIoMessage() {
        SocketIoPacket p = SocketIoPacket.decode(socketIoMessage);
        return JsonReader.parseObject(p.data().substring("[\"message\",".length(), p.data().length() - 1));
    }

    @Benchmark
    public ByteBuffer encodeMaskedTextFrame() {
        return FrameEncoder.text(SwitchboardFrames.send("abc123-1f", "c-2b1e77", TEXT), 0x5a5a1234);
    }

    /** Sixteen frames per call: divide by 16 for the cost of one. */
    @Benchmark
    public void decodeSixteenFrames(Blackhole bh) {
        decoder.feed(ByteBuffer.wrap(inboundFrames), sink);
        bh.consume(sink);
    }

    private static final class CountingSink implements FrameDecoder.Sink {
        private long bytes;

        @Override
        public void onMessage(int opcode, byte[] buf, int off, int len) {
            bytes += new String(buf, off, len, StandardCharsets.UTF_8).length();
        }

        @Override
        public void onControl(int opcode, byte[] buf, int off, int len) {
            bytes += len;
        }
    }
}
