#!/usr/bin/env bash
# The performance set behind docs/performance.md, run against the Socket.IO reference peer and/or a running
# Switchboard server, with the same connections, conversation sizes and rates for both.
#
#   PEER_DIR=/path/to/peer bench/run-all.sh                                  # the peer only
#   SWITCHBOARD_URL=http://127.0.0.1:9080 SWITCHBOARD_PID=1234 bench/run-all.sh   # Switchboard only
#   PEER_DIR=... SWITCHBOARD_URL=... SWITCHBOARD_PID=... bench/run-all.sh     # both, interleaved run by run
#
# For each server and each of RUNS rounds:
#   idle          connections in steps of 1,000 / 5,000 / 10,000: server RSS (and heap for a JVM) per connection
#   direct chats  S=2, one sender per pair (--send-fraction 0.5), --search, for each C in CONNS
#   groups        S=50, five senders per group (--send-fraction 0.1), --search, at each C in GROUP_CONNS
# then, once, the JMH micro-benchmarks: the server's hot paths (bench/jmh-server.sh) and the generator's codec,
# on the generator's CPU when PIN=1, with the server left idle; the medians of the rounds and the micro-benchmark
# results replace the figures section of DOC (between the "figures" markers).
#
# Servers:
#   PEER_DIR         directory of the Socket.IO peer (the one holding peer-socketio/server.js) with its
#                    dependencies installed (npm install). Started here for every run, server on CPU 0 when
#                    PIN=1, and stopped by its PID afterwards.
#   PEER_PORT        its port (default 3001; must be free)
#   SWITCHBOARD_URL  base URL of a Switchboard server already running on 127.0.0.1 with the development token
#                    issuer on. Neither started nor stopped here: start it yourself, pinned the way you want it
#                    measured (e.g. `taskset -c 0`), with a fixed heap, warmed up.
#   SWITCHBOARD_PID  its process id (for CPU, RSS, and jcmd heap figures)
#   SWITCHBOARD_SOCKET_PORT  port of the chat sockets when they are not on SWITCHBOARD_URL's: Switchboard's own
#                    transport (9081 by default); empty: the sockets go through Liberty's, on SWITCHBOARD_URL
#   DATABASE_PID     the main process of the PostgreSQL server that Switchboard uses (optional): its CPU and its
#                    children's is reported beside the server's (databaseCpuPct, serverAndDatabaseCpuMicrosPerMessage)
# Other settings:
#   RUNS (3)  CONNS ("1000 10000")  GROUP_CONNS ("10000"; empty: no group runs)  IDLE (1; 0: no idle runs)
#   JMH (1; 0: no micro-benchmarks)
#   PIN (1: server on CPU 0, generator on CPU 1; 0: both unpinned)  OUT (bench/results: result files, ignored by git)
#   DOC (docs/performance.md; empty: do not write it)  EXTRA (more generator flags for every run)
#
# Every run is bounded: the generator stops itself (--max-seconds, default 900) and runs under `timeout`.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
CONNS=${CONNS:-1000 10000}
GROUP_CONNS=${GROUP_CONNS-10000}
IDLE=${IDLE:-1}
JMH=${JMH:-1}
PIN=${PIN:-1}
OUT=${OUT:-bench/results}
DOC=${DOC-docs/performance.md}
PEER_PORT=${PEER_PORT:-3001}
JAR=${JAR:-messaging-bench/target/messaging-bench.jar}
read -r -a EXTRA_ARGS <<< "${EXTRA:-}"

if [ -z "${PEER_DIR:-}" ] && [ -z "${SWITCHBOARD_URL:-}" ]; then
  echo "set PEER_DIR (Socket.IO peer) and/or SWITCHBOARD_URL + SWITCHBOARD_PID (see the head of $0)" >&2
  exit 2
fi
if [ -n "${SWITCHBOARD_URL:-}" ] && [ -z "${SWITCHBOARD_PID:-}" ]; then
  echo "SWITCHBOARD_PID is needed with SWITCHBOARD_URL: server CPU and memory are half of the figures" >&2
  exit 2
fi
if [ -n "${PEER_DIR:-}" ] && [ ! -d "$PEER_DIR/node_modules/socket.io" ]; then
  echo "$PEER_DIR has no node_modules/socket.io: copy the peer somewhere writable and run npm install there" >&2
  exit 2
fi
[ -f "$JAR" ] || mvn -q -pl messaging-bench package -DskipTests
mkdir -p "$OUT"
if [ "$PIN" = 1 ]; then SERVER_PIN=(taskset -c 0); export GEN_CPUS=1; else SERVER_PIN=(); export GEN_CPUS=; fi

# The machine may be shared: wait (at most 30 s) until less than a quarter of it is busy before each run.
wait_quiet() {
  local b0 t0 b1 t1 pct i
  for i in $(seq 1 15); do
    read -r _ a b c d e f g h _ < /proc/stat; b0=$((a+b+c+f+g+h)); t0=$((a+b+c+d+e+f+g+h))
    sleep 2
    read -r _ a b c d e f g h _ < /proc/stat; b1=$((a+b+c+f+g+h)); t1=$((a+b+c+d+e+f+g+h))
    pct=$(( (b1-b0)*100 / (t1-t0 > 0 ? t1-t0 : 1) ))
    [ "$pct" -lt 25 ] && return 0
  done
  echo "machine still ${pct}% busy after 30 s: running anyway (each step records other processes' CPU)" >&2
}

PEER_PID=
start_peer() {
  local log="$OUT/peer-server.log"
  "${SERVER_PIN[@]}" node "$PEER_DIR/peer-socketio/server.js" --port "$PEER_PORT" > "$log" 2>&1 &
  PEER_PID=$!
  for _ in $(seq 1 100); do grep -q LISTENING "$log" && return 0; sleep 0.1; done
  echo "the peer did not start:" >&2; cat "$log" >&2; stop_peer; exit 1
}
stop_peer() {
  if [ -n "$PEER_PID" ]; then kill "$PEER_PID" 2>/dev/null || true; wait "$PEER_PID" 2>/dev/null || true; fi
  PEER_PID=
}
trap stop_peer EXIT

# run <server: peer|switchboard> <result name> <label> <generator flags...>
run() {
  local server=$1 name=$2 label=$3; shift 3
  local file="$OUT/$name"
  if [ -s "$file.json" ]; then echo "== $name: already there, skipped" >&2; return 0; fi
  wait_quiet
  echo "== $(date +%T) $name" >&2
  if [ "$server" = peer ]; then
    start_peer
    bench/loadgen.sh --adapter socketio --url "http://127.0.0.1:$PEER_PORT" --server-pid "$PEER_PID" \
      --label "$label" --out "$file" "$@" "${EXTRA_ARGS[@]}" || echo "== $name failed (status $?)" >&2
    stop_peer
  else
    bench/loadgen.sh --adapter switchboard --url "$SWITCHBOARD_URL" --server-pid "$SWITCHBOARD_PID" \
      --socket-port "${SWITCHBOARD_SOCKET_PORT:-0}" \
      --database-pid "${DATABASE_PID:-0}" --label "$label" --out "$file" "$@" "${EXTRA_ARGS[@]}" \
      || echo "== $name failed (status $?)" >&2
  fi
}

SERVERS=()
[ -n "${PEER_DIR:-}" ] && SERVERS+=(peer)
[ -n "${SWITCHBOARD_URL:-}" ] && SERVERS+=(switchboard)
for r in $(seq 1 "$RUNS"); do
  for s in "${SERVERS[@]}"; do
    if [ "$s" = peer ]; then title="Socket.IO peer"; else title="Switchboard"; fi
    # Idle first: a Switchboard server runs the whole round, and a JVM keeps the heap pages that a load run
    # touched, so an idle run after one would see a baseline RSS that already holds them.
    if [ "$IDLE" = 1 ]; then
      run "$s" "$s-idle-$r" "$title, idle" --idle --idle-steps 1000,5000,10000
    fi
    for c in $CONNS; do
      run "$s" "$s-direct-$c-$r" "$title, direct chats, C=$c" \
        --conns "$c" --conversation-size 2 --send-fraction 0.5 --search --start-rate 1000
    done
    for c in $GROUP_CONNS; do
      run "$s" "$s-group50-$c-$r" "$title, groups of 50, C=$c" \
        --conns "$c" --conversation-size 50 --send-fraction 0.1 --search --start-rate 100
    done
  done
done

if [ "$JMH" = 1 ]; then
  if [ "$PIN" = 1 ]; then JMH_PIN=(taskset -c 1); else JMH_PIN=(); fi
  wait_quiet
  JMH_RESULTS="$OUT/jmh-server" "${JMH_PIN[@]}" bench/jmh-server.sh || echo "== server micro-benchmarks failed" >&2
  "${JMH_PIN[@]}" java -cp "$JAR" org.openjdk.jmh.Main -rf json -rff "$OUT/jmh-generator.json" \
    || echo "== generator micro-benchmarks failed" >&2
fi

if [ -n "$DOC" ]; then
  note="Measured $(date -u +%Y-%m-%d) on $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)),\
 medians of $RUNS runs; pinned: $([ "$PIN" = 1 ] && echo "server on CPU 0, generator on CPU 1" || echo no)."
  java -cp "$JAR" io.switchboard.bench.report.PerformanceReport --doc "$DOC" --note "$note" "$OUT"/*.json
fi
echo "== done: results in $OUT/" >&2
