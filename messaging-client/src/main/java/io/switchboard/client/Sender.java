package io.switchboard.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Gets each send acknowledged: straight onto a live connection, else through the outbox on the next one. Every
 * attempt of one send carries the same clientMessageId, so the server stores it once however often it goes out.
 * A lost connection does not use up a retry: the send goes back to the outbox. Event thread only.
 */
final class Sender {

    private final Outbox outbox;
    private final Connection connection;
    private final ScheduledExecutorService executor;
    private final Duration ackTimeout;
    private final List<Duration> retryDelays;
    private final Map<String, Pending> pending = new HashMap<>();
    private boolean closed;

    Sender(Outbox outbox, Connection connection, ScheduledExecutorService executor, Settings settings) {
        this.outbox = outbox;
        this.connection = connection;
        this.executor = executor;
        this.ackTimeout = settings.ackTimeout();
        this.retryDelays = settings.retryDelays();
        outbox.entries().forEach(entry -> pending.put(entry.clientMessageId(), new Pending()));
    }

    /** The futures of sends that a previous process left in the outbox file. */
    Map<String, CompletableFuture<SentAck>> recovered() {
        Map<String, CompletableFuture<SentAck>> futures = new HashMap<>();
        pending.forEach((id, state) -> futures.put(id, state.future));
        return futures;
    }

    CompletableFuture<SentAck> send(String conversationId, String text, Priority priority) {
        String id = UUID.randomUUID().toString();
        // A send queued on the event thread just before close() runs after it; it must fail, not hang.
        if (closed) {
            return failed(SendFailedException.Reason.CLIENT_CLOSED, id, "the client is closed");
        }
        if (conversationId == null || conversationId.isEmpty() || text == null || text.isEmpty()) {
            return failed(SendFailedException.Reason.INVALID, id, "conversation id and text must not be empty");
        }
        OutboxEntry entry = outbox.add(id, conversationId, text, priority).orElse(null);
        if (entry == null) {
            return failed(SendFailedException.Reason.OUTBOX_FULL, id, "the outbox holds " + outbox.size()
                    + " unacknowledged sends, its capacity");
        }
        Pending state = new Pending();
        pending.put(id, state);
        if (connection.online()) {
            outbox.take(entry);
            transmit(entry);
        }
        return state.future;
    }

    void connected() {
        outbox.takeWaiting().forEach(this::transmit);
    }

    void connectionLost() {
        pending.values().forEach(Pending::cancelTimer);
        outbox.putBackAll();
    }

    /**
     * Completes the send and returns it as the message it now is: the server does not push a device its own
     * message back on the connection that sent it. Empty when the outbox no longer holds the send (an answer
     * repeated after a retry).
     */
    Optional<Message> acknowledged(SentAck ack) {
        Optional<Message> own = outbox.get(ack.clientMessageId()).map(entry -> new Message(ack.messageId(),
                ack.conversationId(), ack.seq(), connection.session().userId(), ack.clientMessageId(), entry.text(),
                entry.priority(), ack.sentAt(), false));
        Pending state = pending.remove(ack.clientMessageId());
        outbox.remove(ack.clientMessageId());
        if (state != null) {
            state.cancelTimer();
            state.future.complete(ack);
        }
        return own;
    }

    /** True when the error answered one of our sends. */
    boolean rejected(ServerErrorException error) {
        if (!pending.containsKey(error.ref())) {
            return false;
        }
        pending.get(error.ref()).cancelTimer();
        if (error.temporary()) {
            retryOrFail(error.ref(), () -> error);
        } else {
            finish(error.ref(), error);
        }
        return true;
    }

    void close() {
        closed = true;
        pending.forEach((id, state) -> {
            state.cancelTimer();
            state.future.completeExceptionally(new SendFailedException(SendFailedException.Reason.CLIENT_CLOSED, id,
                    "the client was closed before the server acknowledged the send"));
        });
        pending.clear();
        outbox.close();
    }

    private void transmit(OutboxEntry entry) {
        String frame = Frames.send(entry);
        Session session = connection.session();
        // The server closes the session for good on an oversized frame; rejecting it here keeps the others flowing.
        if (session != null && session.maxFrameBytes() > 0
                && frame.getBytes(StandardCharsets.UTF_8).length > session.maxFrameBytes()) {
            finish(entry.clientMessageId(), new SendFailedException(SendFailedException.Reason.INVALID,
                    entry.clientMessageId(), "the message exceeds the server's frame limit of "
                    + session.maxFrameBytes() + " bytes"));
            return;
        }
        if (!connection.send(frame)) {
            outbox.putBack(entry.clientMessageId());
            return;
        }
        String id = entry.clientMessageId();
        pending.get(id).timer = schedule(() -> retryOrFail(id, () -> new SendFailedException(
                SendFailedException.Reason.TIMED_OUT, id, "no acknowledgement after " + (retryDelays.size() + 1)
                + " attempts")), ackTimeout);
    }

    private void retryOrFail(String id, Supplier<RuntimeException> failure) {
        Pending state = pending.get(id);
        if (state.retries >= retryDelays.size()) {
            finish(id, failure.get());
            return;
        }
        Duration delay = retryDelays.get(state.retries++);
        state.timer = schedule(() -> resend(id), delay);
    }

    private void resend(String id) {
        outbox.get(id).ifPresent(entry -> {
            if (connection.online()) {
                transmit(entry);
            } else {
                outbox.putBack(id);
            }
        });
    }

    private void finish(String id, RuntimeException failure) {
        Pending state = pending.remove(id);
        outbox.remove(id);
        if (state != null) {
            state.cancelTimer();
            state.future.completeExceptionally(failure);
        }
    }

    private ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static CompletableFuture<SentAck> failed(SendFailedException.Reason reason, String id, String message) {
        return CompletableFuture.failedFuture(new SendFailedException(reason, id, message));
    }

    /** What the sender tracks per unacknowledged send beside its outbox entry. */
    private static final class Pending {
        final CompletableFuture<SentAck> future = new CompletableFuture<>();
        int retries;
        ScheduledFuture<?> timer;

        void cancelTimer() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
    }
}
