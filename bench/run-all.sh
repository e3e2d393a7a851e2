#!/usr/bin/env bash
# The performance set behind docs/performance.md, run against the Socket.IO reference peer and/or a running
# Switchboard server, with the same connections, conversation sizes and rates for both.
#
#   PEER_DIR=/path/to/peer bench/run-all.sh                                  # the peer only
#   SWITCHBOARD_URL=http://127.0.0.1:9080 SWITCHBOARD_PID=1234 bench/run-all.sh   # Switchboard only
#   PEER_DIR=... SWITCHBOARD_URL=... SWITCHBOARD_PID=... bench/run-all.sh     # both, interleaved run by run
#   PEER_DIR=... SWITCHBOARD_START=1 bench/run-all.sh                         # both, a fresh Switchboard each round
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
#   PEER_DURABLE     1: also run the peer's durable variant (every message appended to a journal with group-commit
#                    fsync before its ack and broadcast; a new journal under OUT for each run), after the in-memory
#                    peer in each round, without idle runs; its rows are labelled "Socket.IO peer (durable)"
#   SWITCHBOARD_URL  base URL of a Switchboard server already running on 127.0.0.1 with the development token
#                    issuer on. Neither started nor stopped here: start it yourself, pinned the way you want it
#                    measured (e.g. `taskset -c 0`), with a fixed heap, warmed up.
#   SWITCHBOARD_PID  its process id (for CPU, RSS, and jcmd heap figures)
#   SWITCHBOARD_START  1: instead of a running server, start a fresh one for every round and stop it by its PID
#                    after the round: the Liberty server that bin/dev-server builds (SWITCHBOARD_WLP, default
#                    messaging-ear/target/liberty/wlp), on CPU 0 when PIN=1, with a fixed heap of SWITCHBOARD_HEAP
#                    (default 1g) and a new embedded Derby data directory under OUT; its chat sockets on the own
#                    transport (port 9081). SWITCHBOARD_URL, _PID and _SOCKET_PORT are then set here.
#   SWITCHBOARD_POSTGRES  1 (with SWITCHBOARD_START=1): also run Switchboard on PostgreSQL, after the Derby server in
#                    each round and without idle runs: a fresh server whose database PG_DATABASE (default
#                    switchboard_bench) is dropped and created again through PSQL first, with SWITCHBOARD_SEND_WRITERS
#                    writers (default 4, as operations.md advises for PostgreSQL); the database's CPU is counted beside
#                    the server's. Its rows are labelled "Switchboard (PostgreSQL)".
#   PSQL             how to reach PostgreSQL as a user that may create databases (default
#                    "psql -h 127.0.0.1 -U postgres"); PG_URL_BASE the JDBC URL without the database (default
#                    jdbc:postgresql://127.0.0.1:5432/), PG_USER / PG_PASSWORD the server's login (default postgres / empty)
#   SWITCHBOARD_SOCKET_PORT  port of the chat sockets when they are not on SWITCHBOARD_URL's: Switchboard's own
#                    transport (9081 by default); empty: the sockets go through Liberty's, on SWITCHBOARD_URL
#   DATABASE_PID     the main process of the PostgreSQL server that Switchboard uses (optional; with
#                    SWITCHBOARD_POSTGRES=1 read from the server's postmaster.pid): its CPU and its children's is
#                    reported beside the server's (databaseCpuPct, serverAndDatabaseCpuMicrosPerMessage)
# Other settings:
#   RUNS (3)  CONNS ("1000 10000")  GROUP_CONNS ("10000"; empty: no group runs)  IDLE (1; 0: no idle runs)
#   JMH (1; 0: no micro-benchmarks)
#   PIN (1: server on CPU 0, generator on CPU 1; 0: both unpinned)  OUT (bench/results: result files, ignored by git)
#   DOC (docs/performance.md; empty: do not write it)  EXTRA (more generator flags for every run)
#   PEER_EXTRA, SWITCHBOARD_EXTRA (more generator flags for one server's runs, after EXTRA: a JVM needs a longer
#   --warmup than Node before its JIT has settled)
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
read -r -a PEER_ARGS <<< "${PEER_EXTRA:-}"
read -r -a SWITCHBOARD_ARGS <<< "${SWITCHBOARD_EXTRA:-}"
SWITCHBOARD_WLP=${SWITCHBOARD_WLP:-messaging-ear/target/liberty/wlp}
if [ "${SWITCHBOARD_START:-0}" = 1 ]; then
  if [ ! -x "$SWITCHBOARD_WLP/bin/server" ]; then
    echo "no Liberty server in $SWITCHBOARD_WLP: build it with" >&2
    echo "  mvn -DskipTests install && mvn -pl messaging-ear liberty:create liberty:deploy" >&2
    exit 2
  fi
  SWITCHBOARD_URL=http://127.0.0.1:9080 SWITCHBOARD_PID=none SWITCHBOARD_SOCKET_PORT=9081
fi

if [ "${SWITCHBOARD_POSTGRES:-0}" = 1 ]; then
  if [ "${SWITCHBOARD_START:-0}" != 1 ]; then
    echo "SWITCHBOARD_POSTGRES=1 needs SWITCHBOARD_START=1: each round starts its server on a new database" >&2
    exit 2
  fi
  read -r -a PSQL_CMD <<< "${PSQL:-psql -h 127.0.0.1 -U postgres}"
  PG_DATABASE=${PG_DATABASE:-switchboard_bench} PG_URL_BASE=${PG_URL_BASE:-jdbc:postgresql://127.0.0.1:5432/}
  PG_USER=${PG_USER:-postgres} PG_PASSWORD=${PG_PASSWORD:-}
  if [ -z "${DATABASE_PID:-}" ]; then
    pg_data=$("${PSQL_CMD[@]}" -At -d postgres -c 'SHOW data_directory') \
      && DATABASE_PID=$(head -1 "$pg_data/postmaster.pid") || {
      echo "could not read PostgreSQL's postmaster.pid through PSQL: set DATABASE_PID" >&2
      exit 2
    }
  fi
fi
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
# start_peer [durable]: the in-memory peer, or its durable variant with a new, empty journal under OUT.
start_peer() {
  local log="$OUT/peer-server.log" args=()
  if [ "${1:-}" = durable ]; then
    rm -f "$OUT/peer-journal.jsonl"
    args=(--durable "$OUT/peer-journal.jsonl")
  fi
  "${SERVER_PIN[@]}" node "$PEER_DIR/peer-socketio/server.js" --port "$PEER_PORT" "${args[@]}" > "$log" 2>&1 &
  PEER_PID=$!
  for _ in $(seq 1 100); do grep -q LISTENING "$log" && return 0; sleep 0.1; done
  echo "the peer did not start:" >&2; cat "$log" >&2; stop_peer; exit 1
}
stop_peer() {
  if [ -n "$PEER_PID" ]; then kill "$PEER_PID" 2>/dev/null || true; wait "$PEER_PID" 2>/dev/null || true; fi
  PEER_PID=
}

SWITCHBOARD_STARTED=
# start_switchboard <round> [postgres]: a fresh Switchboard server for a round, new data directory (and, on
# PostgreSQL, a new database), pinned, fixed heap; waits for its banner.
start_switchboard() {
  local round=$1 db=${2:-derby} name=switchboard log data
  [ "$db" = postgres ] && name=switchboard-pg
  log="$OUT/$name-server-$round.log"
  data=$(cd "$OUT" && pwd)/$name-data-$round
  rm -rf "$data"
  if [ "$db" = postgres ]; then fresh_database; fi
  # Each connection is a file descriptor: raise the server's limit as the generator's launcher does its own.
  (ulimit -n "$(ulimit -Hn | sed 's/unlimited/65536/')"
   if [ "$db" = postgres ]; then
     export SWITCHBOARD_DB=postgres SWITCHBOARD_DB_URL="$PG_URL_BASE$PG_DATABASE" SWITCHBOARD_DB_USER="$PG_USER" \
       SWITCHBOARD_DB_PASSWORD="$PG_PASSWORD" SWITCHBOARD_SEND_WRITERS="${SWITCHBOARD_SEND_WRITERS:-4}"
   fi
   JVM_ARGS="-Xms${SWITCHBOARD_HEAP:-1g} -Xmx${SWITCHBOARD_HEAP:-1g}" exec "${SERVER_PIN[@]}" \
     "$SWITCHBOARD_WLP/bin/server" run switchboard -- "--switchboard.data.dir=$data") > "$log" 2>&1 &
  SWITCHBOARD_STARTED=$!
  for _ in $(seq 1 240); do
    if grep -q 'Switchboard is ready' "$log"; then
      SWITCHBOARD_PID=$(pgrep -P "$SWITCHBOARD_STARTED" java || echo "$SWITCHBOARD_STARTED")
      return 0
    fi
    kill -0 "$SWITCHBOARD_STARTED" 2>/dev/null || break
    sleep 0.5
  done
  echo "Switchboard did not start:" >&2; tail -20 "$log" >&2; stop_switchboard; exit 1
}
stop_switchboard() {
  if [ -n "$SWITCHBOARD_STARTED" ]; then
    kill "$SWITCHBOARD_STARTED" 2>/dev/null || true; wait "$SWITCHBOARD_STARTED" 2>/dev/null || true
  fi
  SWITCHBOARD_STARTED=
}
# Drops and creates the benchmark database, so that every PostgreSQL round starts from an empty schema.
fresh_database() {
  "${PSQL_CMD[@]}" -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $PG_DATABASE" \
    -c "CREATE DATABASE $PG_DATABASE" > /dev/null
}
trap 'stop_peer; stop_switchboard' EXIT
# Whether a server has idle runs: the durable peer idles like the in-memory one, the PostgreSQL server like the
# Derby one, so they have none of their own.
idles() {
  [ "$IDLE" = 1 ] && [ "$1" != peer-durable ] && [ "$1" != switchboard-pg ]
}
# Whether every run of a round of one server has its result file already (a resumed set skips them).
round_done() {
  local s=$1 r=$2 c
  if idles "$s" && [ ! -s "$OUT/$s-idle-$r.json" ]; then return 1; fi
  for c in $CONNS; do [ -s "$OUT/$s-direct-$c-$r.json" ] || return 1; done
  for c in $GROUP_CONNS; do [ -s "$OUT/$s-group50-$c-$r.json" ] || return 1; done
}

# run <server: peer|peer-durable|switchboard> <result name> <label> <generator flags...>
run() {
  local server=$1 name=$2 label=$3; shift 3
  local file="$OUT/$name"
  if [ -s "$file.json" ]; then echo "== $name: already there, skipped" >&2; return 0; fi
  wait_quiet
  echo "== $(date +%T) $name" >&2
  if [[ $server != switchboard* ]]; then
    if [ "$server" = peer-durable ]; then start_peer durable; else start_peer; fi
    bench/loadgen.sh --adapter socketio --url "http://127.0.0.1:$PEER_PORT" --server-pid "$PEER_PID" \
      --label "$label" --out "$file" "$@" "${EXTRA_ARGS[@]}" "${PEER_ARGS[@]}" \
      || echo "== $name failed (status $?)" >&2
    stop_peer
  else
    local database=${DATABASE_PID:-0}
    # A Derby server keeps its database inside: no database process to count beside it.
    [ "$server" = switchboard ] && [ "${SWITCHBOARD_START:-0}" = 1 ] && database=0
    bench/loadgen.sh --adapter switchboard --url "$SWITCHBOARD_URL" --server-pid "$SWITCHBOARD_PID" \
      --socket-port "${SWITCHBOARD_SOCKET_PORT:-0}" \
      --database-pid "$database" --label "$label" --out "$file" "$@" "${EXTRA_ARGS[@]}" \
      "${SWITCHBOARD_ARGS[@]}" \
      || echo "== $name failed (status $?)" >&2
  fi
}

SERVERS=()
[ -n "${PEER_DIR:-}" ] && SERVERS+=(peer)
[ -n "${PEER_DIR:-}" ] && [ "${PEER_DURABLE:-0}" = 1 ] && SERVERS+=(peer-durable)
[ -n "${SWITCHBOARD_URL:-}" ] && SERVERS+=(switchboard)
[ "${SWITCHBOARD_POSTGRES:-0}" = 1 ] && SERVERS+=(switchboard-pg)
for r in $(seq 1 "$RUNS"); do
  for s in "${SERVERS[@]}"; do
    case $s in
      peer) title="Socket.IO peer" ;;
      peer-durable) title="Socket.IO peer (durable)" ;;
      switchboard-pg) title="Switchboard (PostgreSQL)" ;;
      *) title="Switchboard" ;;
    esac
    case $s in
      switchboard) if [ "${SWITCHBOARD_START:-0}" = 1 ]; then round_done "$s" "$r" || start_switchboard "$r"; fi ;;
      switchboard-pg) round_done "$s" "$r" || start_switchboard "$r" postgres ;;
    esac
    # Idle first: a Switchboard server runs the whole round, and a JVM keeps the heap pages that a load run
    # touched, so an idle run after one would see a baseline RSS that already holds them.
    if idles "$s"; then
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
    stop_switchboard
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
