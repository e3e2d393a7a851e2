package io.switchboard.bench.ws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One client WebSocket driven by an {@link EventLoop}. All methods run on the loop thread. Writes go straight to the
 * socket and queue only what the kernel did not take, so a burst cannot grow memory without bound: past
 * {@link #MAX_QUEUED_BYTES} the connection is closed and counted, as a server closes a slow consumer.
 */
public final class WsConnection implements FrameDecoder.Sink, TextChannel {

    static final int MAX_QUEUED_BYTES = 4 << 20;
    private static final int MAX_MESSAGE_BYTES = 1 << 20;

    private enum State { CONNECTING, UPGRADING, OPEN, CLOSED }

    private final EventLoop loop;
    private final InetSocketAddress address;
    private final String pathAndQuery;
    private final Map<String, String> headers;
    private final WsListener listener;
    private final SplittableRandom random;
    private final FrameDecoder decoder = new FrameDecoder(MAX_MESSAGE_BYTES);
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>(0);
    private SocketChannel channel;
    private SelectionKey key;
    private State state = State.CONNECTING;
    private String wsKey;
    private byte[] head = new byte[0];
    private int headLen;
    private long queuedBytes;

    public WsConnection(EventLoop loop, InetSocketAddress address, String pathAndQuery, Map<String, String> headers,
                        WsListener listener, long seed) {
        this.loop = loop;
        this.address = address;
        this.pathAndQuery = pathAndQuery;
        this.headers = headers;
        this.listener = listener;
        this.random = new SplittableRandom(seed);
    }

    /** Starts the TCP connect; the listener hears {@code onOpen} or {@code onClosed}, never neither. */
    public void start(long timeoutNanos) {
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            key = channel.register(loop.selector(), SelectionKey.OP_CONNECT, this);
            if (channel.connect(address)) {
                connected();
            }
        } catch (IOException e) {
            fail(1006, "connect: " + e.getMessage());
            return;
        }
        loop.schedule(timeoutNanos, () -> {
            if (state == State.CONNECTING || state == State.UPGRADING) {
                fail(1006, "timeout during " + state.name().toLowerCase());
            }
        });
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    /** Sends one text message; false when the connection is not open (the caller counts it as not sent). */
    @Override
    public boolean sendText(String text) {
        if (state != State.OPEN) {
            return false;
        }
        write(FrameEncoder.text(text, random.nextInt()));
        return true;
    }

    @Override
    public void later(long delayNanos, Runnable task) {
        loop.schedule(delayNanos, task);
    }

    /** Sends a close frame and releases the socket at once; a benchmark does not wait for the closing handshake. */
    @Override
    public void close(int code, String reason) {
        if (state == State.OPEN) {
            ByteBuffer frame = FrameEncoder.close(code, reason, random.nextInt());
            try {
                channel.write(frame);
            } catch (IOException e) {
                // The socket is going away anyway; the close is reported through the listener below.
                reason = reason + " (close frame not sent: " + e.getMessage() + ")";
            }
        }
        fail(code, reason);
    }

    void onReady(SelectionKey k) {
        if (!k.isValid()) {
            return;
        }
        try {
            if (k.isConnectable()) {
                channel.finishConnect();
                connected();
            }
            if (k.isValid() && k.isWritable()) {
                flush();
            }
            if (k.isValid() && k.isReadable()) {
                read();
            }
        } catch (IOException e) {
            fail(1006, e.getMessage());
        } catch (WsProtocolException e) {
            fail(1002, e.getMessage());
        }
    }

    private void connected() throws IOException {
        state = State.UPGRADING;
        wsKey = WsHandshake.newKey(random);
        String host = address.getHostString() + ":" + address.getPort();
        key.interestOps(SelectionKey.OP_READ);
        write(ByteBuffer.wrap(WsHandshake.request(host, pathAndQuery, headers, wsKey)));
    }

    private void read() throws IOException {
        ByteBuffer buf = loop.readBuffer();
        while (state != State.CLOSED) {
            buf.clear();
            int n = channel.read(buf);
            if (n < 0) {
                fail(1006, "connection closed by the server without a close frame");
                return;
            }
            if (n == 0) {
                return;
            }
            buf.flip();
            if (state == State.UPGRADING) {
                upgrade(buf);
            }
            if (state == State.OPEN && buf.hasRemaining()) {
                decoder.feed(buf, this);
            }
        }
    }

    private void upgrade(ByteBuffer buf) {
        int n = buf.remaining();
        if (headLen + n > 16384) {
            throw new WsProtocolException("upgrade response head too long");
        }
        head = Arrays.copyOf(head, headLen + n);
        buf.get(head, headLen, n);
        headLen += n;
        int len = WsHandshake.headLength(head, headLen);
        if (len < 0) {
            return;
        }
        int status = WsHandshake.check(new String(head, 0, len, StandardCharsets.ISO_8859_1), wsKey);
        if (status != 0) {
            fail(status, "HTTP " + status);
            return;
        }
        // The server may send its first frame in the same segment as the 101 answer.
        ByteBuffer rest = ByteBuffer.wrap(head, len, headLen - len);
        head = null;
        state = State.OPEN;
        listener.onOpen(this);
        if (rest.hasRemaining() && state == State.OPEN) {
            decoder.feed(rest, this);
        }
    }

    @Override
    public void onMessage(int opcode, byte[] buf, int off, int len) {
        if (state != State.OPEN) {
            return;
        }
        if (opcode != FrameEncoder.TEXT) {
            throw new WsProtocolException("binary frame");
        }
        listener.onText(new String(buf, off, len, StandardCharsets.UTF_8));
    }

    @Override
    public void onControl(int opcode, byte[] buf, int off, int len) {
        if (opcode == FrameEncoder.PING && state == State.OPEN) {
            write(FrameEncoder.frame(FrameEncoder.PONG, Arrays.copyOfRange(buf, off, off + len), random.nextInt(), true));
        } else if (opcode == FrameEncoder.CLOSE) {
            int code = len >= 2 ? ((buf[off] & 0xff) << 8) | (buf[off + 1] & 0xff) : 1005;
            String reason = len > 2 ? new String(buf, off + 2, len - 2, StandardCharsets.UTF_8) : "";
            close(code, reason.isEmpty() ? "closed by the server" : reason);
        }
    }

    private void write(ByteBuffer frame) {
        if (state == State.CLOSED) {
            return;
        }
        try {
            if (queue.isEmpty()) {
                channel.write(frame);
                if (!frame.hasRemaining()) {
                    return;
                }
            }
            queue.add(frame);
            queuedBytes += frame.remaining();
            if (queuedBytes > MAX_QUEUED_BYTES) {
                fail(1006, "outbound queue over " + MAX_QUEUED_BYTES + " bytes: the server does not read");
                return;
            }
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        } catch (IOException e) {
            fail(1006, "write: " + e.getMessage());
        }
    }

    private void flush() throws IOException {
        while (!queue.isEmpty()) {
            ByteBuffer b = queue.peek();
            int before = b.remaining();
            channel.write(b);
            queuedBytes -= before - b.remaining();
            if (b.hasRemaining()) {
                return;
            }
            queue.poll();
        }
        key.interestOps(SelectionKey.OP_READ);
    }

    /** Ends the connection once and tells the listener. */
    void fail(int code, String reason) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        queue.clear();
        if (key != null) {
            key.cancel();
        }
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            reason = reason + " (socket close failed: " + e.getMessage() + ")";
        }
        listener.onClosed(code, reason);
    }
}
