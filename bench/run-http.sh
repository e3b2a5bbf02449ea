#!/usr/bin/env bash
# Starts the packaged app on a throw-away embedded PostgreSQL and drives HTTP load at it (see HttpLoad.java).
# Usage: mvn -q -DskipTests package && bench/run-http.sh [clients] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=18080
jar=${JAR:-$(ls target/kinshop-*.jar | head -1)}
java -jar "$jar" --server.port=$PORT --kinshop.embedded-db.ephemeral=true --kinshop.media.dir=target/bench-media \
  --kinshop.identity.rate-limit.login-per-phone=100000000 --kinshop.identity.rate-limit.login-per-ip=100000000 \
  --logging.level.root=WARN > target/bench-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$PORT/actuator/health" >/dev/null && break
  sleep 1
done
java bench/HttpLoad.java "http://localhost:$PORT" "${1:-8}" "${2:-10}"
