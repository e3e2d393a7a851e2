package io.switchboard.delivery.boundary.ws;

import io.switchboard.delivery.control.DeviceSession;
import io.switchboard.platform.socket.BadRequest;
import io.switchboard.platform.socket.FrameReader;
import io.switchboard.platform.socket.FrameWriter;
import io.switchboard.platform.socket.HttpResponses;
import io.switchboard.platform.socket.Message;
import io.switchboard.platform.socket.ProtocolViolation;
import io.switchboard.platform.socket.UpgradeParser;
import io.switchboard.platform.socket.UpgradeRequest;
import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One accepted socket on its loop: the upgrade, then the frames it reads, until it is closed. Everything here runs
 * on the loop's thread but {@link #slotFreed}, {@link #closeStarted}, {@link #closeWritten} and
 * {@link #writeFailed}, which hand their work to the loop. An idle session keeps no buffer: bytes of a frame not yet
 * complete are copied out of the loop's read buffer and kept only until the frame is whole.
 */
final class SocketSession {

    private static final Logger LOG = Logger.getLogger(SocketSession.class.getName());

    private enum State { HANDSHAKE, OPEN, CLOSING, DRAINING, CLOSED }

    private final SocketLoop loop;
    private final SocketChannel channel;
    private final SelectionKey key;
    private State state = State.HANDSHAKE;
    private byte[] leftover;
    /** When a handshake or a close must be over by (System.nanoTime()), or 0. */
    private long deadline;
    private SocketConnection connection;
    private FrameReader reader;
    private DeviceSession delivery;
    /** Upgraded, waiting for its delivery to open with the other connects of this round of the loop; else null. */
    private Chat.Opening opening;
    /** A text frame read while the session had no free place in its send window. */
    private String parked;
    private volatile boolean paused;
    /**
     * When reading first stopped for want of a place in the send window (System.nanoTime()), or 0: set at the first
     * stop, cleared by a read that takes everything the socket holds without stopping.
     */
    private volatile long behindSince;
    private volatile int closeCode = 1006;

    SocketSession(SocketLoop loop, SocketChannel channel, SelectionKey key) {
        this.loop = loop;
        this.channel = channel;
        this.key = key;
        this.deadline = System.nanoTime() + loop.server().handshakeTimeout().toNanos();
    }

    /**
     * How long what the client wrote may wait before it is read: how far behind the loop is, or, when longer, how long
     * this session has been behind since its reading first stopped for a full send window. Acks queue in the socket
     * behind the sends that wait for a place. Any thread.
     */
    Duration readLag() {
        Duration loopLag = loop.readLag();
        long since = behindSince;
        if (since == 0) {
            return loopLag;
        }
        Duration stopped = Duration.ofNanos(System.nanoTime() - since);
        return stopped.compareTo(loopLag) > 0 ? stopped : loopLag;
    }

    SocketChannel channel() {
        return channel;
    }

    SelectionKey key() {
        return key;
    }

    long deadline() {
        return deadline;
    }

    /** OP_WRITE fired: the socket takes bytes again. */
    void writable() {
        if (connection != null) {
            connection.writable();
        }
    }

    /** OP_READ fired: reads what is there into the loop's buffer, after the bytes kept from the last read. */
    void readable(ByteBuffer buffer) {
        buffer.clear();
        if (leftover != null) {
            buffer.put(leftover);
            leftover = null;
        }
        int read;
        try {
            read = channel.read(buffer);
        } catch (IOException e) {
            LOG.log(Level.FINE, "event=socket_error", e);
            terminate();
            return;
        }
        boolean drained = buffer.hasRemaining();
        buffer.flip();
        if (read < 0) {
            terminate();
            return;
        }
        consume(buffer);
        // Read before written: every ack passes here, and a session is seldom behind.
        if (drained && parked == null && behindSince != 0) {
            behindSince = 0;
        }
    }

    private void consume(ByteBuffer buffer) {
        try {
            if (state == State.HANDSHAKE) {
                handshake(buffer);
            }
            if (opening != null) {
                // Frames that came with the upgrade wait for the session's delivery; the kernel keeps the rest.
                key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
            } else if (state == State.OPEN || state == State.CLOSING) {
                frames(buffer);
            } else if (state == State.DRAINING) {
                buffer.position(buffer.limit());
            }
        } catch (BadRequest refused) {
            refuse(HttpResponses.error(refused.status(), "bad_request", refused.getMessage(), refused.headers()));
        } catch (ProtocolViolation violation) {
            LOG.info(() -> "event=refused reason=protocol_violation code=" + violation.closeCode() + " "
                    + ids());
            connection.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(violation.closeCode()),
                    violation.getMessage()));
            buffer.position(buffer.limit());
        }
        keep(buffer);
    }

    private void keep(ByteBuffer buffer) {
        if (buffer.hasRemaining() && state != State.CLOSED) {
            leftover = new byte[buffer.remaining()];
            buffer.get(leftover);
        }
    }

    private void handshake(ByteBuffer buffer) {
        UpgradeRequest request = UpgradeParser.parse(buffer);
        if (request == null) {
            return;
        }
        Handshake.Outcome outcome = loop.server().handshake().decide(request);
        if (outcome.refusal() != null) {
            refuse(outcome.refusal());
            return;
        }
        if (!write(HttpResponses.switchingProtocols(request.header("sec-websocket-key")))) {
            return;
        }
        var server = loop.server();
        String device = request.parameter("device");
        connection = new SocketConnection(this, server.nextSessionId(), outcome.user(), Chat.deviceId(device),
                server.chat().outboundQueue(), server.chat().sendWindow(), server.chat().telemetry());
        reader = new FrameReader(server.maxMessageBytes());
        state = State.OPEN;
        deadline = 0;
        loop.opened(this);
        opening = new Chat.Opening(connection, device, request.parameter("resume"));
        loop.upgraded(this);
    }

    Chat.Opening opening() {
        return opening;
    }

    /** The chat opened this session's delivery (null: it refused the session, which is closing). */
    void opened(DeviceSession delivery) {
        this.delivery = delivery;
        opening = null;
        if (state != State.CLOSED) {
            readAgain();
        }
    }

    private void frames(ByteBuffer buffer) {
        while (parked == null && state != State.CLOSED) {
            Message message = reader.next(buffer);
            if (message == null) {
                return;
            }
            if (state == State.CLOSING) {
                if (message instanceof Message.Close) {
                    finish();
                }
                continue;
            }
            dispatch(message);
        }
    }

    private void dispatch(Message message) {
        if (message instanceof Message.Text text) {
            text(text.text());
        } else if (message instanceof Message.Binary) {
            loop.server().chat().binary(connection);
        } else if (message instanceof Message.Ping ping) {
            connection.control(FrameWriter.pong(ping.data()));
        } else if (message instanceof Message.Close close) {
            int code = close.code() == 1005 ? 1000 : close.code();
            closeCode = code;
            connection.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), ""));
        }
    }

    private void text(String text) {
        if (delivery == null) {
            return;
        }
        if (!connection.hasSendSlot()) {
            // Reading stops until an answer is written and frees a place: TCP then pushes back on the client.
            parked = text;
            paused = true;
            if (behindSince == 0) {
                behindSince = System.nanoTime();
            }
            key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
            if (connection.hasSendSlot()) {
                resume();
            }
            return;
        }
        loop.server().chat().text(connection, delivery, text);
    }

    /** An answer went out and gave back its place: a paused session may read again. Any thread. */
    void slotFreed() {
        if (paused) {
            loop.execute(this::resume);
        }
    }

    private void resume() {
        if (parked == null || state == State.CLOSED || !connection.hasSendSlot()) {
            return;
        }
        String text = parked;
        parked = null;
        paused = false;
        this.text(text);
        if (parked == null) {
            readAgain();
        }
    }

    /** Handles the frames kept while reading was off, and turns reading on again unless one of them stops it. */
    private void readAgain() {
        if (leftover != null) {
            ByteBuffer rest = ByteBuffer.wrap(leftover);
            leftover = null;
            consume(rest);
        }
        if (parked == null && opening == null && state != State.CLOSED) {
            key.interestOps(key.interestOps() | SelectionKey.OP_READ);
        }
    }

    /** This side queued a close frame with {@code code}. Any thread. */
    void closeStarted(int code) {
        closeCode = code;
        if (loop.inLoop()) {
            closing();
        } else {
            loop.execute(this::closing);
        }
    }

    /** Reads on only to see the client's close frame; a frame parked for a place in the window is dropped. */
    private void closing() {
        if (state == State.OPEN || state == State.HANDSHAKE) {
            state = State.CLOSING;
            deadline = System.nanoTime() + loop.server().closeTimeout().toNanos();
            loop.watch(this);
            if (parked != null) {
                parked = null;
                paused = false;
                key.interestOps(key.interestOps() | SelectionKey.OP_READ);
            }
        }
    }

    /** The close frame is on its way. Any thread. */
    void closeWritten() {
        loop.execute(this::finish);
    }

    /** The socket failed while writing. Any thread. */
    void writeFailed() {
        loop.execute(this::terminate);
    }

    void wakeup() {
        loop.wakeup();
    }

    private void refuse(ByteBuffer response) {
        LOG.fine(() -> "event=upgrade_refused");
        if (write(response)) {
            finish();
        }
    }

    /** Writes a handshake answer, small enough for a new socket's buffer; false when the socket is gone. */
    private boolean write(ByteBuffer response) {
        try {
            channel.write(response);
            if (!response.hasRemaining()) {
                return true;
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "event=socket_error", e);
        }
        terminate();
        return false;
    }

    /** Nothing more is written: half-close, and read until the client closes too, or the grace period ends. */
    private void finish() {
        if (state == State.CLOSED || state == State.DRAINING) {
            return;
        }
        state = State.DRAINING;
        deadline = System.nanoTime() + loop.server().closeTimeout().toNanos();
        loop.watch(this);
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            terminate();
        }
    }

    /** Its deadline passed: a handshake never finished, or a close was never answered. */
    void expire() {
        terminate();
    }

    /** Closes the socket and ends the session, once. */
    void terminate() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        leftover = null;
        parked = null;
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "event=close_failed", e);
        }
        loop.closed(this);
        if (connection != null) {
            connection.discard();
            loop.server().chat().closed(connection, delivery, closeCode);
        }
    }

    /** The server stops: the client is told to come back, and the session ends now. */
    void shutdown() {
        if (connection != null && state == State.OPEN) {
            connection.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "server shutting down"));
        }
        terminate();
    }

    private String ids() {
        return connection == null ? "session=-" : "user=" + connection.userId() + " session="
                + connection.sessionId();
    }
}
