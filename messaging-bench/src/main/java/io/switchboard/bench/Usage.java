package io.switchboard.bench;

/** The {@code --help} text; the flag table is generated from {@link Flag#ALL}. */
final class Usage {

    private static final String HEAD = """
            Switchboard load generator: C authenticated WebSocket connections in conversations of S members, a share
            of them sending at an aggregate open-loop rate R for D seconds per step, every message followed to each
            other member. Targets 127.0.0.1 only.

            usage: java -jar messaging-bench.jar [flags]        (or bench/loadgen.sh [flags])

            modes:
              (default)       one step per rate in --rates, else one step at --rate
              --search        raise R by --growth from --start-rate until a step fails (p99 > --p99-limit-ms, a loss,
                              a duplicate, an idempotency mismatch, or the generator reaching < 95 % of R), bisect
                              --refine times, report the highest sustainable R
              --idle          open --idle-steps idle connections, report server RSS and heap per connection
              --connect-only  open and join the connections, report setup rate and latency

            examples:
              --adapter socketio --conns 10000 --conversation-size 2 --search --server-pid 1234 --out results/sio
              --adapter switchboard --url http://127.0.0.1:9080 --conns 1000 --conversation-size 50 \\
                  --send-fraction 0.1 --rates 200,400 --server-pid 5678
            """;

    private Usage() {
    }

    /** Wraps a description at about 80 columns, continuation lines aligned under its first line. */
    private static String wrap(String text) {
        StringBuilder b = new StringBuilder();
        int column = 0;
        for (String word : text.split(" ")) {
            if (column > 0 && column + word.length() > 80) {
                b.append('\n').append(" ".repeat(37));
                column = 0;
            } else if (column > 0) {
                b.append(' ');
                column++;
            }
            b.append(word);
            column += word.length();
        }
        return b.toString();
    }

    static String text() {
        StringBuilder b = new StringBuilder(HEAD);
        String group = "";
        for (Flag f : Flag.ALL) {
            if (!f.group().equals(group)) {
                group = f.group();
                b.append('\n').append(group).append(":\n");
            }
            String name = "--" + f.name() + (f.isSwitch() ? "" : f.defaultValue().isEmpty() ? " <value>"
                    : " <" + f.defaultValue() + ">");
            b.append(String.format("  %-34s %s%n", name, wrap(f.description())));
        }
        b.append("\nResult: JSON on stdout, or <out>.json and <out>.md with --out. Exit status: 0 done, 1 setup or run"
                + " failed, 2 bad flags, 3 hard stop (--max-seconds).\n");
        return b.toString();
    }
}
