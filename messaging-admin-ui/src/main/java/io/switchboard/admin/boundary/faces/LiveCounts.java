package io.switchboard.admin.boundary.faces;

import io.switchboard.conversations.boundary.Conversations;
import io.switchboard.monitoring.boundary.Telemetry;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The dashboard's figures, read afresh on every (polled) request. */
@Named
@RequestScoped
public class LiveCounts {

    @Inject
    Telemetry telemetry;

    @EJB
    Conversations conversations;

    public int getConnections() {
        return telemetry.connectionsActive();
    }

    public long getConnectionsOpened() {
        return telemetry.connectionsOpenedSinceStart();
    }

    public long getMessagesSinceStart() {
        return telemetry.messagesStoredSinceStart();
    }

    public long getMessagesStored() {
        return conversations.storedMessages();
    }
}
