package io.switchboard.delivery.boundary.ws;

import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.monitoring.boundary.Telemetry;
import io.switchboard.platform.socket.FrameWriter;
import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One device's socket on Switchboard's own transport: the writing half. Any thread may queue a frame; the thread
 * that queues it also writes it when the socket takes it at once, so a message reaches the kernel without a hand-off.
 * Only a socket whose buffer is full waits for its loop to say it is writable. The reading half runs on the loop
 * ({@link SocketSession}).
 */
final class SocketConnection extends ChatConnection {

    private static final Logger LOG = Logger.getLogger(SocketConnection.class.getName());
    /** The last pushed message this thread framed: a group's 49 pushes share one frame. */
    private static final ThreadLocal<Framed> LAST_PUSH = new ThreadLocal<>();
    private static final int GATHER = 16;

    private final String sessionId;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final SocketSession session;
    private final int capacity;
    private final ArrayDeque<Outbound> queue = new ArrayDeque<>(4);
    /** Frames are no longer taken: a close frame is queued, or the socket failed. */
    private boolean closing;
    /** The socket waits for OP_WRITE; only the loop writes until it fires. */
    private boolean waitingToWrite;
    /** Once the queue has drained, the socket is closed (an error response, or the close frame). */
    private boolean closeWhenWritten;

    SocketConnection(SocketSession session, String sessionId, String userId, String deviceId, int capacity,
            int sendWindow, Telemetry telemetry) {
        super(userId, deviceId, sendWindow, Chat.ENCODER, telemetry);
        this.session = session;
        this.channel = session.channel();
        this.key = session.key();
        this.sessionId = sessionId;
        this.capacity = capacity;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public Duration readLag() {
        return session.readLag();
    }

    @Override
    public synchronized int room() {
        return closing ? 0 : capacity - queue.size();
    }

    /** The loop checks for a place before it reads a frame, and it alone takes places: this never fails there. */
    @Override
    boolean awaitSendSlot() {
        return sendWindow.tryAcquire();
    }

    boolean hasSendSlot() {
        return sendWindow.availablePermits() > 0;
    }

    @Override
    void push(MessageView message, boolean redelivery) {
        enqueue(redelivery ? encoder.frame(new ServerFrame.New(message, true)) : framed(message), null);
    }

    private ByteBuffer framed(MessageView message) {
        Framed last = LAST_PUSH.get();
        if (last == null || last.message() != message) {
            last = new Framed(message, encoder.frame(new ServerFrame.New(message, false)));
            LAST_PUSH.set(last);
        }
        return last.frame().duplicate();
    }

    @Override
    void send(ServerFrame frame) {
        enqueue(encoder.frame(frame), null);
    }

    @Override
    void answerSend(ServerFrame frame) {
        enqueue(encoder.frame(frame), this::slotFreed);
    }

    private void slotFreed() {
        sendWindow.release();
        session.slotFreed();
    }

    void control(ByteBuffer frame) {
        enqueue(frame, null);
    }

    private void enqueue(ByteBuffer bytes, Runnable onWritten) {
        List<Runnable> done;
        synchronized (this) {
            if (closing) {
                done = List.of();
            } else if (queue.size() >= capacity) {
                done = null;
            } else {
                queue.add(new Outbound(bytes, onWritten));
                done = waitingToWrite ? List.of() : write();
                onWritten = null;
            }
        }
        if (onWritten != null) {
            onWritten.run();
        }
        if (done == null) {
            telemetry.slowConsumer();
            LOG.info(() -> "event=slow_consumer user=" + userId() + " device=" + deviceId() + " session="
                    + sessionId);
            close(CloseCodes.SLOW_CONSUMER.reason("outbound queue full"));
        } else {
            runAll(done);
        }
    }

    /** The loop saw the socket writable. */
    void writable() {
        List<Runnable> done;
        synchronized (this) {
            waitingToWrite = false;
            done = write();
        }
        runAll(done);
    }

    /** Runs written frames' callbacks; indexed, since a push has none and an empty list's iterator is garbage. */
    private static void runAll(List<Runnable> done) {
        for (int i = 0; i < done.size(); i++) {
            done.get(i).run();
        }
    }

    /**
     * Writes what the socket takes; returns the callbacks of the frames written, to run outside the lock. A full
     * socket buffer turns on OP_WRITE. Called with the lock held.
     */
    private List<Runnable> write() {
        List<Runnable> done = List.of();
        try {
            while (!queue.isEmpty()) {
                ByteBuffer last = writeSome();
                while (!queue.isEmpty() && !queue.peek().bytes().hasRemaining()) {
                    Runnable callback = queue.poll().onWritten();
                    if (callback != null) {
                        if (done.isEmpty()) {
                            done = new ArrayList<>(2);
                        }
                        done.add(callback);
                    }
                }
                if (last.hasRemaining()) {
                    waitingToWrite = true;
                    key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
                    session.wakeup();
                    return done;
                }
            }
            if ((key.interestOps() & SelectionKey.OP_WRITE) != 0) {
                key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
            }
            if (closeWhenWritten) {
                session.closeWritten();
            }
        } catch (IOException | RuntimeException e) {
            // The device went away mid-write: nothing more reaches it, and whatever waits counts as written so
            // that the sends it answers give back their places.
            LOG.log(Level.FINE, "event=send_failed session=" + sessionId, e);
            closing = true;
            done = new ArrayList<>(done);
            for (Outbound o : queue) {
                if (o.onWritten() != null) {
                    done.add(o.onWritten());
                }
            }
            queue.clear();
            session.writeFailed();
        }
        return done;
    }

    /**
     * Offers the socket the head of the queue, up to {@link #GATHER} frames in one call (a lone frame, as a push
     * mostly is, without the array); returns the last frame offered.
     */
    private ByteBuffer writeSome() throws IOException {
        if (queue.size() == 1) {
            ByteBuffer only = queue.peek().bytes();
            channel.write(only);
            return only;
        }
        ByteBuffer[] gathered = gather();
        channel.write(gathered);
        return gathered[gathered.length - 1];
    }

    private ByteBuffer[] gather() {
        int n = Math.min(queue.size(), GATHER);
        ByteBuffer[] buffers = new ByteBuffer[n];
        int i = 0;
        for (Outbound o : queue) {
            if (i == n) {
                break;
            }
            buffers[i++] = o.bytes();
        }
        return buffers;
    }

    /**
     * Ends the session from this side: frames still queued are dropped (their sends' places given back), the
     * close frame is written, and the socket closes once it is out, or after the loop's grace period.
     */
    @Override
    void close(CloseReason reason) {
        closeWith(FrameWriter.close(reason.getCloseCode().getCode(), reason.getReasonPhrase()),
                reason.getCloseCode().getCode());
    }

    private void closeWith(ByteBuffer last, int code) {
        List<Runnable> done;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            closeWhenWritten = true;
            done = dropQueued();
            queue.add(new Outbound(last, null));
            if (!waitingToWrite) {
                done.addAll(write());
            }
        }
        session.closeStarted(code);
        done.forEach(Runnable::run);
    }

    /** Drops every frame not yet begun; a frame partly written stays, or the peer would read a torn frame. */
    private List<Runnable> dropQueued() {
        List<Runnable> done = new ArrayList<>();
        Outbound head = queue.peek();
        boolean begun = head != null && head.bytes().position() > 0 && head.bytes().hasRemaining();
        for (Outbound o : queue) {
            if (!(begun && o == head) && o.onWritten() != null) {
                done.add(o.onWritten());
            }
        }
        queue.clear();
        if (begun) {
            queue.add(head);
        }
        return done;
    }

    /** The socket is closed: whatever still waits counts as written. Called by the loop. */
    void discard() {
        List<Runnable> done = new ArrayList<>();
        synchronized (this) {
            closing = true;
            queue.forEach(o -> done.add(o.onWritten()));
            queue.clear();
        }
        done.stream().filter(c -> c != null).forEach(Runnable::run);
    }

    private record Outbound(ByteBuffer bytes, Runnable onWritten) {
    }

    private record Framed(MessageView message, ByteBuffer frame) {
    }
}
