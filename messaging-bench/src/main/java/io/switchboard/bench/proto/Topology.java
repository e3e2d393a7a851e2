package io.switchboard.bench.proto;

/**
 * How connections are grouped: {@code connections} is rounded down to whole conversations of {@code size}; the
 * first {@code sendersPerConversation} members of each conversation send. Connection {@code i} is member
 * {@code i % size} of conversation {@code i / size}.
 */
public record Topology(String runId, int connections, int size, int sendersPerConversation) {

    public static Topology of(String runId, int requestedConnections, int size, double sendFraction) {
        if (size < 2) {
            throw new IllegalArgumentException("a conversation needs at least 2 members, not " + size);
        }
        int conns = requestedConnections / size * size;
        if (conns == 0) {
            throw new IllegalArgumentException(requestedConnections + " connections make no conversation of " + size);
        }
        int senders = (int) Math.max(1, Math.min(size, Math.round(size * sendFraction)));
        return new Topology(runId, conns, size, senders);
    }

    public int conversations() {
        return connections / size;
    }

    public int conversation(int conn) {
        return conn / size;
    }

    public int position(int conn) {
        return conn % size;
    }

    /** The sending connections in round-robin order: spread over conversations first, so a rate is spread evenly. */
    public int[] senders() {
        int[] out = new int[conversations() * sendersPerConversation];
        int k = 0;
        for (int p = 0; p < sendersPerConversation; p++) {
            for (int c = 0; c < conversations(); c++) {
                out[k++] = c * size + p;
            }
        }
        return out;
    }

    public String user(int conn) {
        return "bench-" + runId + "-" + conn;
    }
}
