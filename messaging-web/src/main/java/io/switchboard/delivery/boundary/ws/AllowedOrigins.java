package io.switchboard.delivery.boundary.ws;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which pages may open a socket with a cookie ({@code switchboard.ws.allowed-origins}): the server's own origin, any
 * origin listed, or every origin when the list holds {@code *}. Both transports ask this one rule.
 */
record AllowedOrigins(Set<String> listed) {

    /** Reads the comma-separated setting; blank entries are ignored. */
    static AllowedOrigins parse(String list) {
        return new AllowedOrigins(Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** @param scheme and host: how the request reached this server, which make up its own origin */
    boolean permit(String origin, String scheme, String host) {
        return origin.equalsIgnoreCase(scheme + "://" + host) || listed.contains(origin) || listed.contains("*");
    }
}
