#!/usr/bin/env bash
# Orders end to end (cart → checkout → sandbox payment → PAID) against pgbench tpcb-like on the same embedded
# PostgreSQL, in one run (see OrderLoad.java). Builds the jar if missing, starts the app on a throw-away database at a
# fixed port with fast sandbox deliveries, and stops both at the end or on Ctrl-C.
# Usage: bench/run-orders.sh [buyers] [seconds]
#   env: APP_PORT (18181), PG_PORT (15481), WARMUP (20 s), POLL_MS (50), SCALE (pgbench -s, 10), DELIVERY_POLL (20ms), DUPLICATES (sandbox duplicate callbacks per payment, 1),
#        APP_JAVA_OPTS (e.g. a JFR recording), DRIVER (OrderLoad; CheckoutAB for bench/run-checkout.sh), DURABLE=1 (data in a temp dir with fsync and synchronous_commit on, instead of the throw-away fsync-off server)
set -euo pipefail
cd "$(dirname "$0")/.."
BUYERS=${1:-4}
SECONDS_=${2:-15}
APP_PORT=${APP_PORT:-18181}
PG_PORT=${PG_PORT:-15481}

find_bin() {
  command -v "$1" 2>/dev/null || ls /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -1
}
PGBENCH=$(find_bin pgbench || true)
if [ -z "$PGBENCH" ]; then
  echo "pgbench not found; installing postgresql-client (Debian puts pgbench there)" >&2
  apt-get install -y -q postgresql-client >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q postgresql-client >/dev/null; }
  PGBENCH=$(find_bin pgbench)
fi
PSQL=$(find_bin psql)

jar=${JAR:-$(ls target/kinshop-*.jar 2>/dev/null | head -1 || true)}
if [ -z "$jar" ]; then
  mvn -q -DskipTests package
  jar=$(ls target/kinshop-*.jar | head -1)
fi

for port in "$APP_PORT" "$PG_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use (another run?); set APP_PORT / PG_PORT" >&2
    exit 1
  fi
done

db_args=(--kinshop.embedded-db.ephemeral=true)
data_dir=""
if [ "${DURABLE:-0}" = 1 ]; then
  data_dir=$(mktemp -d /tmp/kinshop-bench-pg.XXXXXX)
  db_args=(--kinshop.embedded-db.data-dir="$data_dir")
fi

mkdir -p target
launched=$(date +%s.%N)
java ${APP_JAVA_OPTS:-} -jar "$jar" --server.port="$APP_PORT" "${db_args[@]}" --kinshop.embedded-db.port="$PG_PORT" \
  --kinshop.media.dir=target/bench-media --kinshop.payment.sandbox.delivery-poll="${DELIVERY_POLL:-20ms}" --kinshop.payment.sandbox.duplicate-deliveries="${DUPLICATES:-1}" \
  --kinshop.identity.rate-limit.codes-per-ip-per-hour=100000000 --kinshop.identity.rate-limit.login-per-ip=100000000 \
  --logging.level.root=WARN > target/bench-orders-app.log 2>&1 &
app=$!
postmaster=""
pg_data=""

cleanup() {
  trap - EXIT INT TERM
  if kill -0 "$app" 2>/dev/null; then
    kill -TERM "$app" 2>/dev/null || true # Spring closes, then the app's hook stops PostgreSQL (and deletes throw-away data)
    for _ in $(seq 1 60); do kill -0 "$app" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$app" 2>/dev/null && { echo "app did not stop in 30 s; killing it" >&2; kill -KILL "$app" 2>/dev/null || true; }
  fi
  wait "$app" 2>/dev/null || true
  for _ in $(seq 1 10); do [ -n "$postmaster" ] && kill -0 "$postmaster" 2>/dev/null || break; sleep 0.5; done
  if [ -n "$postmaster" ] && kill -0 "$postmaster" 2>/dev/null; then
    echo "stopping PostgreSQL left running (pid $postmaster)" >&2
    kill -INT "$postmaster" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$postmaster" 2>/dev/null || break; sleep 0.5; done
    case "$pg_data" in */kinshop-embedded-pg/data-*) rm -rf "$pg_data" ;; esac # the throw-away data the app did not get to delete
  fi
  [ -n "$data_dir" ] && rm -rf "$data_dir"
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for _ in $(seq 1 900); do
  curl -sf "http://localhost:$APP_PORT/actuator/health" >/dev/null && break
  kill -0 "$app" 2>/dev/null || { echo "the app did not start; see target/bench-orders-app.log" >&2; exit 1; }
  sleep 0.2
done
curl -sf "http://localhost:$APP_PORT/actuator/health" >/dev/null || { echo "the app did not become healthy; see target/bench-orders-app.log" >&2; exit 1; }
# start to ready: launch until the health check answers (fresh throw-away database: migrations and demo data included)
echo "Start to ready: $(awk -v from="$launched" -v to="$(date +%s.%N)" 'BEGIN { printf "%.1f", to - from }') s (JVM launch until /actuator/health answered, with demo data)"
pg_data=$("$PSQL" -X -At -h localhost -p "$PG_PORT" -U postgres -d postgres -c "show data_directory")
postmaster=$(head -1 "$pg_data/postmaster.pid")

echo "App $jar on port $APP_PORT (pid $app): sandbox delivery poll ${DELIVERY_POLL:-20ms}, ${DUPLICATES:-1} duplicate callback(s) per payment; log in target/bench-orders-app.log"
if [ "${DRIVER:-OrderLoad}" = OrderLoad ]; then
  java bench/OrderLoad.java "http://localhost:$APP_PORT" "$BUYERS" "$SECONDS_" --pg-port="$PG_PORT" --app-pid="$app" \
    --warmup="${WARMUP:-20}" --poll-ms="${POLL_MS:-50}" --scale="${SCALE:-10}" --pgbench="$PGBENCH" --psql="$PSQL"
else # another driver built on OrderLoad's buyers and meters (bench/run-checkout.sh)
  javac -d target/bench bench/OrderLoad.java "bench/$DRIVER.java"
  java -cp target/bench "$DRIVER" "http://localhost:$APP_PORT" "$BUYERS" "$SECONDS_" --pg-port="$PG_PORT" --app-pid="$app" --psql="$PSQL"
fi
