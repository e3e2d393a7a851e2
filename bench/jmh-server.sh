#!/usr/bin/env bash
# Runs the JMH micro-benchmarks of the server's hot paths, which sit beside the tests of the modules they measure:
# the fan-out of a stored message, the send transaction and a connect's read on embedded Derby (messaging-ejb), the
# frame codec (messaging-web). Arguments go to JMH, once per module; a module none of whose benchmarks match a filter is skipped.
#
#   bench/jmh-server.sh                        # all of them, about 4 minutes
#   bench/jmh-server.sh FanOut -p members=50   # one benchmark, one parameter value
#   bench/jmh-server.sh -h                     # JMH's own flags
#
# Environment: JMH_RESULTS  a path prefix: each module's results are also written as JMH JSON to
#                           <prefix>-<module>.json (bench/run-all.sh reads them into docs/performance.md)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -pl messaging-ejb,messaging-web -am install -DskipTests
filter=()
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then filter=("$1"); fi
for module in messaging-ejb messaging-web; do
  mvn -q -B -pl "$module" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.classpath
  cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/jmh.classpath")"
  if [ ${#filter[@]} -gt 0 ] && ! java -cp "$cp" org.openjdk.jmh.Main -l "${filter[@]}" | grep -q '^io\.switchboard'; then
    continue
  fi
  out=()
  if [ -n "${JMH_RESULTS:-}" ]; then out=(-rf json -rff "$JMH_RESULTS-$module.json"); fi
  java -cp "$cp" org.openjdk.jmh.Main "$@" "${out[@]}"
done
