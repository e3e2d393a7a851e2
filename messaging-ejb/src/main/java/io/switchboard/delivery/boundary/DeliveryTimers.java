package io.switchboard.delivery.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The clocks of delivery. Non-persistent: a missed tick is made up by the next one, and a persistent timer would be
 * dropped under enterpriseBeansLite anyway.
 */
@Singleton
public class DeliveryTimers {

    @Inject
    DeliveryHub hub;

    @EJB
    Deliveries deliveries;

    /** Outside a transaction: each chunk of the cursor flush commits on its own. */
    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void redeliverAndSaveCursors() {
        hub.tick();
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void expire() {
        deliveries.expire();
    }
}
