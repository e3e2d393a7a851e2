package io.switchboard.delivery.boundary;

import io.switchboard.conversations.boundary.MessageStored;
import io.switchboard.delivery.control.Connection;
import io.switchboard.delivery.control.SessionRegistry;
import io.switchboard.monitoring.boundary.Telemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Pushes a message to every connected device of every member, the sender's own devices included. */
@ApplicationScoped
public class Fanout {

    @Inject
    SessionRegistry registry;

    @Inject
    Telemetry telemetry;

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageStored stored) {
        for (String member : stored.members()) {
            for (Connection connection : registry.of(member)) {
                connection.push(stored.message());
            }
        }
        telemetry.messageStored();
    }
}
