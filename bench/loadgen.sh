#!/usr/bin/env bash
# Runs the Switchboard load generator (the shaded jar of messaging-bench) with a file-descriptor limit high enough
# for ten thousand connections, optionally pinned to given CPUs.
#
#   bench/loadgen.sh [generator flags...]          e.g. bench/loadgen.sh --help
#
# Environment:
#   GEN_CPUS   CPU list for taskset, e.g. 1 (server on CPU 0, generator on CPU 1); empty: not pinned
#   JAVA_OPTS  JVM flags of the generator (default: fixed 1 GB heap, parallel GC)
#   JAR        the shaded jar (default: messaging-bench/target/messaging-bench.jar; build it with
#              `mvn -q -pl messaging-bench package`)
#   FD_LIMIT   wanted open-file limit (default 65536, capped at the hard limit)
#   TIMEOUT_S  outer time limit in seconds (default 1000); the generator's own --max-seconds (900) ends it first
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/messaging-bench/target/messaging-bench.jar}
if [ ! -f "$JAR" ]; then
  echo "no $JAR: build it with: mvn -q -pl messaging-bench package" >&2
  exit 2
fi
# Each connection is one file descriptor; the default soft limit (often 1024) would stop a run at ~1,000.
want=${FD_LIMIT:-65536}
hard=$(ulimit -Hn)
if [ "$hard" != unlimited ] && [ "$hard" -lt "$want" ]; then want=$hard; fi
ulimit -n "$want"
PIN=()
if [ -n "${GEN_CPUS:-}" ]; then PIN=(taskset -c "$GEN_CPUS"); fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
exec "${PIN[@]}" timeout "${TIMEOUT_S:-1000}" java ${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC} -jar "$JAR" "$@"
