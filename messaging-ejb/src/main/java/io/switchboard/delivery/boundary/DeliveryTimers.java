package io.switchboard.delivery.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
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

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void redeliverAndSaveCursors() {
        hub.tick();
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void expire() {
        deliveries.expire();
    }
}
