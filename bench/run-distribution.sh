#!/usr/bin/env bash
# Distribution engine benchmarks (see DistributionBench.java): commission settlement of 100,000 order lines against
# plain ledger postings, and the team figures of a member with 100,000 people in two levels against a team of 10.
# The app runs inside the driver's JVM on a throw-away PostgreSQL: see bench/in-app.sh.
# Usage: bench/run-distribution.sh [driver options, e.g. --lines=20000 --rounds=2 --skip-team]
#   env: APP_PORT (18182), PG_PORT (15482), JAR (default target/kinshop-*.jar), BENCH_JAVA_OPTS (heap, a JFR recording…)
APP_PORT=${APP_PORT:-18182} PG_PORT=${PG_PORT:-15482} exec "$(dirname "$0")/in-app.sh" distribution DistributionBench "$@"
