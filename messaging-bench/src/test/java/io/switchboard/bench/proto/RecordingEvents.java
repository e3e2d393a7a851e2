package io.switchboard.bench.proto;

import io.switchboard.bench.ws.TextChannel;
import java.util.ArrayList;
import java.util.List;

/** Test double for both ends of a session: records what the session reports and what it writes to the socket. */
public final class RecordingEvents implements SessionEvents, TextChannel {

    public final List<String> events = new ArrayList<>();
    public final List<String> written = new ArrayList<>();
    private final List<Runnable> later = new ArrayList<>();
    public boolean open = true;

    @Override
    public void onReady(int conn) {
        events.add("ready " + conn);
    }

    @Override
    public void onJoined(int conn, String error) {
        events.add("joined " + conn + (error == null ? "" : " " + error));
    }

    @Override
    public void onSent(int conn, String clientMessageId, String messageId) {
        events.add("sent " + clientMessageId + " " + messageId);
    }

    @Override
    public void onSendFailed(int conn, String clientMessageId, String reason) {
        events.add("failed " + clientMessageId + " " + reason);
    }

    @Override
    public void onDelivered(int conn, String conversationId, String clientMessageId, String text,
                            boolean redelivery) {
        events.add("delivered " + conversationId + " " + clientMessageId + " " + text + (redelivery ? " again" : ""));
    }

    @Override
    public void onProtocolError(int conn, String what) {
        events.add("protocol error " + what);
    }

    @Override
    public void onClosed(int conn, int code, String reason) {
        events.add("closed " + code + " " + reason);
    }

    @Override
    public boolean sendText(String text) {
        if (open) {
            written.add(text);
        }
        return open;
    }

    @Override
    public void close(int code, String reason) {
        open = false;
        written.add("close " + code + " " + reason);
    }

    @Override
    public void later(long delayNanos, Runnable task) {
        later.add(task);
    }

    /** Runs what was scheduled for later, as if its time had come. */
    public void runLater() {
        List<Runnable> due = new ArrayList<>(later);
        later.clear();
        due.forEach(Runnable::run);
    }
}
