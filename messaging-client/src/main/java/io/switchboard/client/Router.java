package io.switchboard.client;

import java.lang.System.Logger.Level;

/** Routes what the connection hears to the sender, the receiver and the application. Event thread only. */
final class Router implements Connection.Events {

    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    private final Listeners listeners;
    private Sender sender;
    private Receiver receiver;
    private GapListener gaps;

    Router(Listeners listeners) {
        this.listeners = listeners;
    }

    /** Completes the construction cycle: the connection needs the router before the sender can exist. */
    void wire(Sender sender, Receiver receiver, GapListener gaps) {
        this.sender = sender;
        this.receiver = receiver;
        this.gaps = gaps;
    }

    @Override
    public void connected(Session session) {
        sender.connected();
    }

    @Override
    public void lost(Disconnect reason) {
        sender.connectionLost();
    }

    @Override
    public void frame(ServerFrame frame) {
        if (frame instanceof ServerFrame.Sent sent) {
            sender.acknowledged(sent.ack()).ifPresent(receiver::sentHere);
        } else if (frame instanceof ServerFrame.New incoming) {
            receiver.received(incoming.message());
        } else if (frame instanceof ServerFrame.SyncCursors syncCursors) {
            syncCursors.cursors().forEach(receiver::skipTo);
        } else if (frame instanceof ServerFrame.SyncGap syncGap) {
            gap(syncGap.gap());
        } else if (frame instanceof ServerFrame.Error error && !sender.rejected(error.error())) {
            unmatched(error);
        }
    }

    private void gap(Gap gap) {
        receiver.gap(gap);
        try {
            gaps.onGap(gap);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The gap listener failed on " + gap, e);
        }
    }

    private void unmatched(ServerFrame.Error error) {
        try {
            listeners.errors().accept(error.error());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The error listener failed on " + error.error().code(), e);
        }
    }
}
