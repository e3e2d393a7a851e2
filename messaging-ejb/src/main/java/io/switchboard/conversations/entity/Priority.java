package io.switchboard.conversations.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum Priority {
    NORMAL, HIGH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Priority> parse(String wire) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(wire)).findFirst();
    }

    static Priority fromWire(String wire) {
        return parse(wire).orElse(NORMAL);
    }
}
