#!/usr/bin/env bash
# Scores benchmarks (see ScoresBench.java): search sorted by composite score over 100,000 counted reviews on 2,000
# products against the same search sorted by newest, and score recomputation per review event against a plain insert.
# The app runs inside the driver's JVM on a throw-away PostgreSQL: see bench/in-app.sh.
# Usage: bench/run-scores.sh [driver options, e.g. --products=2000 --reviews=100000 --events=1000]
#   env: APP_PORT (18183), PG_PORT (15483), JAR (default target/kinshop-*.jar), BENCH_JAVA_OPTS (heap, a JFR recording…)
APP_PORT=${APP_PORT:-18183} PG_PORT=${PG_PORT:-15483} exec "$(dirname "$0")/in-app.sh" scores ScoresBench "$@"
