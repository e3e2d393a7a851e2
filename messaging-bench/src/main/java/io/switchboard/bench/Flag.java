package io.switchboard.bench;

import java.util.List;

/**
 * One command-line flag. A flag whose default is {@code "false"} is a switch and takes no value. The list is the
 * single source of the defaults and of the help text.
 */
record Flag(String name, String defaultValue, String group, String description) {

    static final List<Flag> ALL = List.of(
            new Flag("adapter", "switchboard", "target", "switchboard | socketio"),
            new Flag("url", "", "target", "server base URL, 127.0.0.1 or localhost only; default "
                    + "http://127.0.0.1:9080 (switchboard) or http://127.0.0.1:3001 (socketio); a path is kept "
                    + "as the context root"),
            new Flag("socket-port", "0", "target", "port of the chat sockets when it is not --url's: Switchboard's "
                    + "own transport (switchboard.socket.port, 9081 by default); REST stays on --url"),
            new Flag("server-pid", "0", "target", "pid of the server process: its CPU and RSS are read from /proc "
                    + "(and, for a JVM, its heap through jcmd in --idle)"),
            new Flag("database-pid", "0", "target", "pid of the database server's main process (PostgreSQL's "
                    + "postmaster): its CPU and its children's is counted apart from the server's and beside it"),
            new Flag("peer-secret", "", "target", "HMAC secret of the Socket.IO peer's tokens; default: $PEER_SECRET, "
                    + "else the peer's development secret"),
            new Flag("token-ttl-s", "7200", "target", "lifetime of the tokens the run asks for or signs"),
            new Flag("http-concurrency", "16", "target", "REST requests in flight while preparing users and "
                    + "conversations (switchboard)"),
            new Flag("ack-delay-ms", "0", "target", "how long a device gathers its acks of one conversation before "
                    + "it sends the highest (switchboard); 0: an ack for every message"),
            new Flag("conns", "1000", "topology", "connections C, one user and one device each; rounded down "
                    + "to whole conversations"),
            new Flag("conversation-size", "2", "topology", "members per conversation S: 2 for direct chats, "
                    + "e.g. 50 for groups"),
            new Flag("send-fraction", "0.5", "topology", "share of each conversation's members that send "
                    + "(round(S x f), at least 1)"),
            new Flag("connect-concurrency", "200", "topology", "WebSocket handshakes (and joins) in flight"),
            new Flag("connect-timeout-s", "30", "topology", "a connection not ready by then counts as failed"),
            new Flag("rate", "1000", "load", "aggregate open-loop send rate R, messages per second"),
            new Flag("rates", "", "load", "comma-separated list of rates, one step each (instead of --rate)"),
            new Flag("duration", "10", "load", "seconds D of sending per step"),
            new Flag("warmup", "10", "load", "seconds of sending at half the first rate before measuring (0: none)"),
            new Flag("drain-ms", "3000", "load", "after a step, how long to wait for missing acks and deliveries "
                    + "before the step's books close"),
            new Flag("late-ms", "30000", "load", "when the drain ends with deliveries missing, how much longer to "
                    + "wait: what arrives by then counts as late, what does not as lost (0: no late window)"),
            new Flag("cooldown-ms", "1000", "load", "pause between steps"),
            new Flag("msg-bytes", "100", "load", "message text length, time stamp included"),
            new Flag("retry-fraction", "0.01", "load", "share of acknowledged sends re-sent with the same "
                    + "clientMessageId (idempotency check)"),
            new Flag("p99-limit-ms", "100", "load", "end-to-end p99 above this fails a step"),
            new Flag("noise-limit-pct", "40", "load", "CPU (percent of one core) other processes may use before a "
                    + "step counts as disturbed"),
            new Flag("quiet-wait-s", "20", "load", "before each step, wait up to this long for other processes to "
                    + "fall below --noise-limit-pct"),
            new Flag("search", "false", "search", "find the highest sustainable rate (see below)"),
            new Flag("start-rate", "500", "search", "first rate of the search"),
            new Flag("growth", "1.5", "search", "factor between search steps while they pass"),
            new Flag("refine", "3", "search", "bisection steps after the first failure"),
            new Flag("max-steps", "14", "search", "steps in all, bisection included"),
            new Flag("max-rate", "1000000", "search", "stop ramping above this rate"),
            new Flag("attempts", "2", "search", "runs of a failing step before it counts as failed "
                    + "(the last run decides)"),
            new Flag("noise-attempts", "4", "search", "runs allowed in all for a failing step whose failures were "
                    + "all disturbed by other processes"),
            new Flag("idle", "false", "idle", "open idle connections step by step and report server memory per "
                    + "connection"),
            new Flag("idle-steps", "1000,5000,10000", "idle", "connection counts of the idle test"),
            new Flag("idle-wait-s", "10", "idle", "seconds to wait at each idle step before measuring"),
            new Flag("connect-only", "false", "mode", "open (and join) the connections, report, and stop"),
            new Flag("out", "", "output", "prefix of the result files: <out>.json and <out>.md"),
            new Flag("label", "", "output", "free text stored in the result (used to group runs in reports)"),
            new Flag("max-seconds", "900", "output", "hard stop: the process exits with status 3 after this"),
            new Flag("seed", "1", "output", "seed of the retry choice and of WebSocket masks"),
            new Flag("help", "false", "output", "print this help"));

    static Flag named(String name) {
        for (Flag f : ALL) {
            if (f.name.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown flag --" + name + " (see --help)");
    }

    boolean isSwitch() {
        return defaultValue.equals("false");
    }
}
