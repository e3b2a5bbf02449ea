#!/usr/bin/env bash
# Runs a benchmark driver that boots the app in its own JVM (run-distribution.sh, run-scores.sh): builds the jar if
# missing, extracts it (the driver loads the app from the jar's classes, on a throw-away embedded PostgreSQL at a fixed
# port, with the web server on a fixed port), and makes sure the app and PostgreSQL are gone at the end or on Ctrl-C.
# Usage: bench/in-app.sh NAME Driver [driver options]   (the driver writes its PostgreSQL data dir to target/bench-NAME-pg.txt)
#   env: APP_PORT, PG_PORT (set by the caller), JAR (default target/kinshop-*.jar), BENCH_JAVA_OPTS (heap, a JFR recording…)
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1 driver=$2; shift 2

jar=${JAR:-$(ls target/kinshop-*.jar 2>/dev/null | head -1 || true)} # JAR: another build (bench/run-ab.sh A.jar B.jar distribution)
if [ -z "$jar" ]; then
  mvn -q -B -DskipTests package
  jar=$(ls target/kinshop-*.jar | head -1)
fi
app_dir=target/bench-app
if [ ! -f "$app_dir/$(basename "$jar")" ] || [ "$jar" -nt "$app_dir/$(basename "$jar")" ]; then
  rm -rf "$app_dir"
  java -Djarmode=tools -jar "$jar" extract --destination "$app_dir" >/dev/null
fi

for port in "$APP_PORT" "$PG_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use (another run?); set APP_PORT / PG_PORT" >&2
    exit 1
  fi
done

rm -f "target/bench-$name-pg.txt"
java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$app_dir/$(basename "$jar"):$app_dir/lib/*" "bench/$driver.java" \
  --app-port="$APP_PORT" --pg-port="$PG_PORT" "$@" &
bench=$!

cleanup() {
  trap - EXIT INT TERM
  if kill -0 "$bench" 2>/dev/null; then
    kill -TERM "$bench" 2>/dev/null || true # Spring closes, then the app's hook stops PostgreSQL and deletes its throw-away data
    for _ in $(seq 1 60); do kill -0 "$bench" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$bench" 2>/dev/null && { echo "the benchmark did not stop in 30 s; killing it" >&2; kill -KILL "$bench" 2>/dev/null || true; }
  fi
  wait "$bench" 2>/dev/null || true
  # a PostgreSQL the JVM did not get to stop (killed): its data directory names its postmaster
  pg_data=$(cat "target/bench-$name-pg.txt" 2>/dev/null || true)
  if [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then
    postmaster=$(head -1 "$pg_data/postmaster.pid")
    for _ in $(seq 1 10); do kill -0 "$postmaster" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$postmaster" 2>/dev/null; then
      echo "stopping PostgreSQL left running (pid $postmaster)" >&2
      kill -INT "$postmaster" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$postmaster" 2>/dev/null || break; sleep 0.5; done
    fi
  fi
  case "$pg_data" in */kinshop-embedded-pg/data-*) rm -rf "$pg_data" ;; esac
  rm -f "target/bench-$name-pg.txt"
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

status=0
wait "$bench" || status=$?
exit "$status"
