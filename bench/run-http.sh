#!/usr/bin/env bash
# Starts the packaged app on a throw-away embedded PostgreSQL, and a bare Spring Boot app (bench/bare: same Boot
# version, one trivial endpoint), and drives the same HTTP load at both in one run (see HttpLoad.java), so Kinshop's
# figures read as ratios to what the framework itself answers on this machine.
# Usage: mvn -q -DskipTests package && bench/run-http.sh [clients] [seconds]
#   env: APP_PORT (18080), PG_PORT (15480), BARE_PORT (18090), JAR (target/kinshop-*.jar), APP_JAVA_OPTS (e.g. a JFR recording)
set -euo pipefail
cd "$(dirname "$0")/.."
APP_PORT=${APP_PORT:-18080}
PG_PORT=${PG_PORT:-15480}
BARE_PORT=${BARE_PORT:-18090}
jar=${JAR:-$(ls target/kinshop-*.jar | head -1)}
bare_jar=bench/bare/target/bare-boot-1.jar
if [ ! -f "$bare_jar" ] || [ bench/bare/src/main/java/bare/BareApplication.java -nt "$bare_jar" ] || [ bench/bare/pom.xml -nt "$bare_jar" ]; then
  mvn -q -o -f bench/bare/pom.xml -DskipTests package
fi
for port in "$APP_PORT" "$PG_PORT" "$BARE_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use (another run?); set APP_PORT / PG_PORT / BARE_PORT" >&2
    exit 1
  fi
done
mkdir -p target
java ${APP_JAVA_OPTS:-} -jar "$jar" --server.port="$APP_PORT" --kinshop.embedded-db.ephemeral=true --kinshop.embedded-db.port="$PG_PORT" \
  --kinshop.media.dir=target/bench-media \
  --kinshop.identity.rate-limit.login-per-phone=100000000 --kinshop.identity.rate-limit.login-per-ip=100000000 \
  --logging.level.root=WARN > target/bench-app.log 2>&1 &
app=$!
# the same JVM flags Boot gets by default; WARN logging as for Kinshop
java -jar "$bare_jar" --server.port="$BARE_PORT" --logging.level.root=WARN > target/bench-bare.log 2>&1 &
bare=$!
cleanup() {
  kill "$app" "$bare" 2>/dev/null || true # SIGTERM: Spring closes, the app's hook stops its PostgreSQL
  wait "$app" "$bare" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$APP_PORT/actuator/health" >/dev/null && curl -sf "http://localhost:$BARE_PORT/hello" >/dev/null && break
  sleep 1
done
APP_PID=$app BARE_PID=$bare java bench/HttpLoad.java "http://localhost:$APP_PORT" "${1:-8}" "${2:-10}" "http://localhost:$BARE_PORT"
