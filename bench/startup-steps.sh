#!/usr/bin/env bash
# Start-up, step by step: the production jar (target/quarkus-app, built here when missing) started with each start-up
# step that a setting switches off (or moves onto start-up's path) changed in turn, next to the full start-up, in
# rotating order, on the machine's PostgreSQL with an existing schema and the ConfigMap's JVM options (no AOT cache,
# so that every start loads alike). Prints each configuration's median time to the first answered request, its
# spread, and its difference to the full start-up. Usage:
#   bench/startup-steps.sh [ROUNDS]           # 5 by default
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/first-answer.sh
ROUNDS=${1:-5}
PORT=${PORT:-18095}
WORK=$(mktemp -d)
SERVER=
trap '[ -z "$SERVER" ] || kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "needs PostgreSQL on 127.0.0.1:5432" >&2; exit 2; }
JAVA=${BENCH_JAVA:-$(command -v java)}
JAVA_OPTS=${JAVA_OPTS:--Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
# A production build: no embedded PostgreSQL among its dependencies.
[ -f target/quarkus-app/quarkus-run.jar ] && ! grep -q embedded-postgresql target/quarkus-app/quarkus-app-dependencies.txt \
  || ./mvnw -q -B -ntp package -DskipTests -Dproduction
psql -q -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS portcullis_steps' -c 'CREATE DATABASE portcullis_steps' postgres
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/portcullis_steps QUARKUS_DATASOURCE_USERNAME=postgres
export QUARKUS_DATASOURCE_PASSWORD= QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 100))
export PORTCULLIS_JWT_SIGNING_KEY="$WORK/jwt.pem" PORTCULLIS_ALLOWED_HOSTS=localhost,127.0.0.1
export MALLOC_ARENA_MAX=2 QUARKUS_THREAD_POOL_MAX_THREADS=12

start() {  # env assignments... -> prints ms to the first answered request
  local begin; begin=$(date +%s%N)
  env "$@" "$JAVA" $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar > "$WORK/server.log" 2>&1 &
  SERVER=$!
  await_first_answer "http://127.0.0.1:$PORT/api/public/" "$SERVER" "$WORK/server.log"
  ms_since "$begin"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
}
start >/dev/null  # migrates the empty database: every measured start finds the schema

# what the configuration changes | the setting that does it
STEPS=("every step|"
       "without Flyway's migration check at start|QUARKUS_FLYWAY_MIGRATE_AT_START=false"
       "without the credential cache and its LISTEN connection|PORTCULLIS_CREDENTIAL_CACHE_ENABLED=false"
       "without the pool's connections opened at start (min-size 2)|QUARKUS_DATASOURCE_JDBC_MIN_SIZE=0"
       "with the viewsets' queryset checks before start-up ends (as in dev mode)|PORTCULLIS_QUERYSET_CHECKS_BESIDE_REQUESTS=false")
: > "$WORK/times.tsv"
for round in $(seq 1 "$ROUNDS"); do
  for i in $(seq 0 $((${#STEPS[@]} - 1))); do
    step=${STEPS[$(( (i + round) % ${#STEPS[@]} ))]}
    IFS='|' read -r name switch <<< "$step"
    # shellcheck disable=SC2086
    echo -e "$name\t$(start $switch)" >> "$WORK/times.tsv"
  done
  echo "round $round of $ROUNDS done" >&2
done
python3 - "$WORK/times.tsv" "$("$JAVA" -version 2>&1 | head -1)" "$ROUNDS" <<'PY'
import statistics, sys
from collections import defaultdict
times = defaultdict(list)
for line in open(sys.argv[1]):
    name, ms = line.rstrip('\n').split('\t')
    times[name].append(int(ms))
full = statistics.median(times['every step'])
print(f"Start-up to the first answer, {sys.argv[3]} rotating rounds, {sys.argv[2]}, existing schema, no AOT cache:")
print("| configuration | median ms | spread | against every step |")
print("|---|---:|---:|---:|")
for name, ms in times.items():
    median = statistics.median(ms)
    difference = "" if name == 'every step' else f"{median - full:+.0f} ms"
    print(f"| {name} | {median:.0f} | {min(ms)}–{max(ms)} | {difference} |")
PY
