#!/usr/bin/env bash
# Start to ready, against a bare Spring Boot app (bench/bare) started the same way in the same run: the JVM is launched
# and the clock stops when the health check (bare: GET /hello) first answers. Kinshop starts on a fresh throw-away
# embedded PostgreSQL with its demo data, as `mvn spring-boot:run` does on a first start. Three launches of each:
#   jar       java -jar (classes read from the nested jars)
#   extracted the jar extracted once (java -Djarmode=tools -jar … extract), then java -jar of the extracted one
#   cds       extracted, plus a class-data-sharing archive written by a training start (Spring Boot's recommended setup)
# Prints seconds (median of ROUNDS) and Kinshop ÷ bare for each; also the app's CPU seconds until ready.
# Usage: bench/run-startup.sh   env: ROUNDS (3), APP_PORT (18581), PG_PORT (15881), BARE_PORT (18591), JAR
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
APP_PORT=${APP_PORT:-18581}
PG_PORT=${PG_PORT:-15881}
BARE_PORT=${BARE_PORT:-18591}

jar=${JAR:-$(ls target/kinshop-*.jar 2>/dev/null | head -1 || true)}
[ -n "$jar" ] || { mvn -q -DskipTests package; jar=$(ls target/kinshop-*.jar | head -1); }
bare_jar=bench/bare/target/bare-boot-1.jar
[ -f "$bare_jar" ] || mvn -q -o -f bench/bare/pom.xml -DskipTests package

work=$(mktemp -d /tmp/kinshop-startup.XXXXXX)
trap 'pkill -f "server.port=($APP_PORT|$BARE_PORT)" 2>/dev/null || true; rm -rf "$work"' EXIT
for which in app bare; do
  src=$([ $which = app ] && echo "$jar" || echo "$bare_jar")
  java -Djarmode=tools -jar "$src" extract --destination "$work/$which" >/dev/null
done
app_args=(--server.port="$APP_PORT" --kinshop.embedded-db.ephemeral=true --kinshop.embedded-db.port="$PG_PORT"
  --kinshop.media.dir="$work/media" --logging.level.root=WARN)
bare_args=(--server.port="$BARE_PORT" --logging.level.root=WARN)

# one start: prints "seconds cpu-seconds", then stops the process (SIGTERM, so the app stops its PostgreSQL)
start() { # url java-args...
  local url=$1; shift
  local from; from=$(date +%s.%N)
  java "$@" > "$work/start.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 1500); do
    curl -sf "$url" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || { echo "did not start: $*" >&2; tail -20 "$work/start.log" >&2; exit 1; }
    sleep 0.05
  done
  local to; to=$(date +%s.%N)
  local cpu; cpu=$(awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$pid/stat")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  awk -v from="$from" -v to="$to" -v cpu="$cpu" 'BEGIN { printf "%.2f %s\n", to - from, cpu }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# CDS archives: a training start that exits once the context is refreshed (no demo data, no traffic needed)
java -XX:ArchiveClassesAtExit="$work/app.jsa" -Dspring.context.exit=onRefresh -jar "$work/app/$(basename "$jar")" "${app_args[@]}" \
  --kinshop.demo.enabled=false > "$work/train-app.log" 2>&1 || true
java -XX:ArchiveClassesAtExit="$work/bare.jsa" -Dspring.context.exit=onRefresh -jar "$work/bare/$(basename "$bare_jar")" "${bare_args[@]}" \
  > "$work/train-bare.log" 2>&1 || true

printf "%-10s %12s %12s %10s %16s\n" launch "kinshop s" "bare s" "÷ bare" "kinshop CPU s"
for launch in jar extracted cds; do
  app_times=(); bare_times=(); cpus=()
  for _ in $(seq 1 "$ROUNDS"); do
    case $launch in
      jar) a=(-jar "$jar"); b=(-jar "$bare_jar") ;;
      extracted) a=(-jar "$work/app/$(basename "$jar")"); b=(-jar "$work/bare/$(basename "$bare_jar")") ;;
      cds) a=(-XX:SharedArchiveFile="$work/app.jsa" -jar "$work/app/$(basename "$jar")")
           b=(-XX:SharedArchiveFile="$work/bare.jsa" -jar "$work/bare/$(basename "$bare_jar")") ;;
    esac
    read -r t c < <(start "http://localhost:$APP_PORT/actuator/health/readiness" "${a[@]}" "${app_args[@]}")
    app_times+=("$t"); cpus+=("$c")
    read -r t _ < <(start "http://localhost:$BARE_PORT/hello" "${b[@]}" "${bare_args[@]}")
    bare_times+=("$t")
  done
  app_s=$(printf "%s\n" "${app_times[@]}" | median); bare_s=$(printf "%s\n" "${bare_times[@]}" | median)
  cpu_s=$(printf "%s\n" "${cpus[@]}" | median)
  printf "%-10s %12s %12s %10s %16s\n" "$launch" "$app_s" "$bare_s" "$(awk -v a="$app_s" -v b="$bare_s" 'BEGIN { printf "%.1f", a / b }')" "$cpu_s"
done
echo "(median of $ROUNDS starts each; Kinshop ready = /actuator/health/readiness answers, i.e. after the demo data is in, on a fresh database)"
