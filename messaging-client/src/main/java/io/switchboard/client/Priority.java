package io.switchboard.client;

import java.util.Locale;

/** Send priority: HIGH messages leave the outbox before NORMAL ones after a reconnect. */
public enum Priority {
    HIGH,
    NORMAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Unknown or missing names read as NORMAL, the protocol's default. */
    public static Priority ofWireName(String name) {
        return "high".equals(name) ? HIGH : NORMAL;
    }
}
