package io.switchboard.bench.proto;

import java.util.Map;

/**
 * One connection's identity as an adapter prepared it: the user, the conversation (or room) it sends to, and how its
 * WebSocket upgrade looks (path with query, extra headers such as the bearer token).
 */
public record Member(int index, String user, String conversationId, String pathAndQuery, Map<String, String> headers,
                     String token) {
}
