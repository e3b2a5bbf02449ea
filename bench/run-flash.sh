#!/usr/bin/env bash
# Flash-sale load (see FlashLoad.java): Redis, node 1 (embedded PostgreSQL on a fixed port, fresh data with fsync on,
# demo data), node 2 (the same PostgreSQL as an external datasource), both with the Redis hot counters; then the driver
# measures the baselines and the sales in one run and prints the ratios.
# Usage: mvn -q -DskipTests package && bench/run-flash.sh [clients] [units] [seconds]
#   env: NODE1_PORT (18300), NODE2_PORT (18301), PG_PORT (15440), REDIS_PORT (6380), JAR (target/kinshop-*.jar),
#        ONLY=baseline (trivial endpoint and hot row only), SESSION_STORE=jdbc|redis (where the nodes keep sessions; jdbc)
set -euo pipefail
cd "$(dirname "$0")/.."
NODE1_PORT=${NODE1_PORT:-18300}
NODE2_PORT=${NODE2_PORT:-18301}
PG_PORT=${PG_PORT:-15440}
REDIS_PORT=${REDIS_PORT:-6380}
jar=${JAR:-$(ls target/kinshop-*.jar | head -1)}
pgjdbc=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
for port in "$NODE1_PORT" "$NODE2_PORT" "$PG_PORT" "$REDIS_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use (another run?); set NODE1_PORT / NODE2_PORT / PG_PORT / REDIS_PORT" >&2
    exit 1
  fi
done
mkdir -p target
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done # SIGTERM: node 1's hook stops its PostgreSQL
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no > target/bench-flash-redis.log 2>&1 &
pids+=($!)
common=(--kinshop.redis.enabled=true --spring.data.redis.host=127.0.0.1 --spring.data.redis.port="$REDIS_PORT" --kinshop.session.store="${SESSION_STORE:-jdbc}"
  --kinshop.identity.code-secret=bench-flash --kinshop.media.dir=target/bench-media
  --kinshop.identity.rate-limit.login-per-phone=100000000 --kinshop.identity.rate-limit.login-per-ip=100000000
  --kinshop.identity.rate-limit.codes-per-ip-per-hour=100000000 --kinshop.demo.orders=false --logging.level.root=WARN)
wait_ready() {
  for _ in $(seq 1 180); do
    curl -sf "http://localhost:$1/actuator/health/readiness" >/dev/null && return 0
    sleep 1
  done
  echo "node on port $1 not ready; see target/bench-flash-*.log" >&2
  exit 1
}
# a kept data directory, so PostgreSQL flushes every commit to disk (a throw-away one skips fsync): "durably sold" and
# the hot-row baseline both pay what production pays for a commit
rm -rf target/bench-flash-pg
java ${NODE1_JAVA_OPTS:-} -jar "$jar" --server.port="$NODE1_PORT" --kinshop.embedded-db.data-dir=target/bench-flash-pg --kinshop.embedded-db.port="$PG_PORT" "${common[@]}" \
  > target/bench-flash-node1.log 2>&1 &
pids+=($!)
export NODE1_PID=$! # CPU per attempt, read from /proc
wait_ready "$NODE1_PORT"
java -jar "$jar" --server.port="$NODE2_PORT" --spring.datasource.url="jdbc:postgresql://localhost:$PG_PORT/kinshop" \
  --spring.datasource.username=postgres --spring.datasource.password= --kinshop.demo.enabled=false "${common[@]}" \
  > target/bench-flash-node2.log 2>&1 &
pids+=($!)
wait_ready "$NODE2_PORT"
java -cp "$pgjdbc" bench/FlashLoad.java "jdbc:postgresql://localhost:$PG_PORT/kinshop" "http://localhost:$NODE1_PORT" "http://localhost:$NODE2_PORT" \
  "${1:-16}" "${2:-1000}" "${3:-10}"
