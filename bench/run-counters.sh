#!/usr/bin/env bash
# The hot counters' take (Redis Lua script and in-process) against PING on the same Redis connection, same run
# (CountersBench.java). Starts its own redis-server (6390–6399) through the test harness.
# Usage: bench/run-counters.sh [threads (64)] [seconds per run (5)] [slots per pool (100000)]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" bench/CountersBench.java "${1:-64}" "${2:-5}" "${3:-100000}"
