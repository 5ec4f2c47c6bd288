#!/usr/bin/env bash
# The container image's start-up with and without its AOT cache: the image's own runtime and files, as
# `./mvnw package -Dproduction -Dimage` left them unpacked (target/image-aot/rootfs, the cache target/image-aot/app.aot),
# with the ConfigMap's JVM options, started alternately (with, without, …) on the machine's PostgreSQL with a migrated
# schema, each timed to its first answered request; then its resident memory after 200 requests for a page of posts.
# Prints each side's median and spread (min–max). Usage:
#   bench/image-startup.sh [ROUNDS]      # default 5
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth, as on these machines); no container runtime.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/first-answer.sh
ROUNDS=${1:-5}
ROOT=target/image-aot/rootfs CACHE=$PWD/target/image-aot/app.aot
[ -x "$ROOT/opt/java/bin/java" ] && [ -f "$CACHE" ] || { echo "build the image first: ./mvnw package -Dproduction -Dimage" >&2; exit 2; }
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "needs PostgreSQL on 127.0.0.1:5432" >&2; exit 2; }
WORK=$(mktemp -d); PORT=${PORT:-18090}
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

JDK_JAVA_OPTIONS=$(sed -n 's/^ *JDK_JAVA_OPTIONS: "\(.*\)"$/\1/p' k8s/base/configmap.yaml)
export JDK_JAVA_OPTIONS MALLOC_ARENA_MAX=2 QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=0
export QUARKUS_FLYWAY_MIGRATE_AT_START=false QUARKUS_SHUTDOWN_DELAY=0S
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/portcullis_image_bench
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=
export PORTCULLIS_ALLOWED_HOSTS=localhost,127.0.0.1
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null
export PORTCULLIS_JWT_SIGNING_KEY="$WORK/jwt.pem"
psql -q -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS portcullis_image_bench' \
  -c 'CREATE DATABASE portcullis_image_bench' postgres
JAVA=("$ROOT/opt/java/bin/java" -Djava.util.logging.manager=org.jboss.logmanager.LogManager)
"${JAVA[@]}" -jar "$ROOT/app/quarkus-run.jar" migrate > "$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log"; exit 1; }

run() {  # with|without → "milliseconds resident-MB"
  local begin pid elapsed cache=()
  [ "$1" = with ] && cache=(-XX:AOTCache="$CACHE")
  begin=$(date +%s%N)
  "${JAVA[@]}" "${cache[@]}" -jar "$ROOT/app/quarkus-run.jar" > "$WORK/$1.log" 2>&1 &
  pid=$!
  await_first_answer "http://127.0.0.1:$PORT/api/public/" "$pid" "$WORK/$1.log"
  elapsed=$(ms_since "$begin")
  for _ in $(seq 1 200); do curl -s -o /dev/null "http://127.0.0.1:$PORT/api/posts/?limit=20"; done
  echo "$elapsed $(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$pid/status)"
  kill $pid; wait $pid 2>/dev/null || true
}

for round in $(seq 1 "$ROUNDS"); do
  for side in with without; do
    [ $((round % 2)) -eq 0 ] && side=$([ "$side" = with ] && echo without || echo with)  # each first in turn
    echo "$side $(run "$side")" | tee -a "$WORK/results" >&2
  done
done
python3 - "$WORK/results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
for side in ("with", "without"):
    ms = [int(r[1]) for r in rows if r[0] == side]; mb = [int(r[2]) for r in rows if r[0] == side]
    print(f"{side} the AOT cache: start-up {statistics.median(ms):,.0f} ms ({min(ms):,}–{max(ms):,}), "
          f"resident {statistics.median(mb):.0f} MB ({min(mb)}–{max(mb)}), {len(ms)} starts")
PY
