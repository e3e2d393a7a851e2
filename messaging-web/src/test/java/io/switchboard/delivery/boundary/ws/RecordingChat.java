package io.switchboard.delivery.boundary.ws;

import io.switchboard.delivery.control.DeviceSession;
import io.switchboard.monitoring.boundary.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The chat protocol without a database: it records what the transport hands it, greets each session the way the real
 * chat does, and answers text frames as the test scripts it ({@link #onText}). Its queue and window sizes are the
 * inherited package-private fields, which {@link Chat#outboundQueue()} and {@link Chat#sendWindow()} read.
 */
final class RecordingChat extends Chat {

    record Opened(ChatConnection connection, String device, String resume) {
    }

    record Closed(ChatConnection connection, int code) {
    }

    final List<Opened> opened = new CopyOnWriteArrayList<>();
    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<Closed> closed = new CopyOnWriteArrayList<>();
    final AtomicBoolean transportStopped = new AtomicBoolean();
    final AtomicBoolean writtenOnInterruptedThread = new AtomicBoolean();
    final AtomicInteger binaries = new AtomicInteger();
    final AtomicInteger slowConsumers = new AtomicInteger();
    volatile BiConsumer<ChatConnection, String> onText = (connection, text) -> { };

    RecordingChat() {
        outboundQueue = 64;
        sendWindow = 8;
        maxTextLength = 1000;
        maxFrameBytes = 16384;
        telemetry = new Telemetry() {
            @Override
            public void slowConsumer() {
                slowConsumers.incrementAndGet();
            }
        };
    }

    @Override
    public List<DeviceSession> openAll(List<Opening> openings) {
        List<DeviceSession> sessions = new ArrayList<>();
        for (Opening opening : openings) {
            ChatConnection connection = opening.connection();
            opened.add(new Opened(connection, opening.device(), opening.resume()));
            connection.send(new ServerFrame.Hello(connection.sessionId(), connection.userId(),
                    connection.deviceId(), maxTextLength, maxFrameBytes));
            // The transport only asks whether a session opened (not null); nothing here calls into it.
            sessions.add(new DeviceSession(connection, null, null, null, Duration.ZERO, 0));
        }
        return sessions;
    }

    @Override
    public void text(ChatConnection connection, DeviceSession delivery, String text) {
        texts.add(text);
        onText.accept(connection, text);
    }

    @Override
    public void binary(ChatConnection connection) {
        binaries.incrementAndGet();
    }

    @Override
    public void closed(ChatConnection connection, DeviceSession delivery, int code) {
        closed.add(new Closed(connection, code));
    }

    @Override
    public void transportStopped() {
        // A real chat writes the closed devices' last cursors here, which fails on an interrupted thread.
        if (Thread.currentThread().isInterrupted()) {
            writtenOnInterruptedThread.set(true);
        }
        transportStopped.set(true);
    }

    List<Integer> closeCodes() {
        return closed.stream().map(Closed::code).toList();
    }

    SocketConnection connection(int i) {
        return (SocketConnection) opened.get(i).connection();
    }
}
