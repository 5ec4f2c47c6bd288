#!/usr/bin/env bash
# What the request throttles cost: the production jar (./mvnw package -Dproduction first) started twice on the
# machine's PostgreSQL — A with the anonymous and user rates off, B with them on at rates no load reaches, so that
# every request is counted and none refused — and wrk run against A and B alternately (the order swapped every
# round). Prints, per path, the median requests per second of each with the spread, and B/A. Usage:
#   bench/rates-ab.sh [ROUNDS]          # DURATION=5s CONNECTIONS=16 by default
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}; DURATION=${DURATION:-5s}; CONNECTIONS=${CONNECTIONS:-16}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build the production jar first: ./mvnw package -Dproduction -DskipTests" >&2; exit 2; }
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "needs PostgreSQL on 127.0.0.1:5432" >&2; exit 2; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= PORTCULLIS_JWT_SIGNING_KEY="$WORK/jwt.pem"
export PORTCULLIS_ALLOWED_HOSTS=localhost,127.0.0.1 MALLOC_ARENA_MAX=2 QUARKUS_THREAD_POOL_MAX_THREADS=12
export PORTCULLIS_BOOTSTRAP_ADMIN_USERNAME=bench-admin PORTCULLIS_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password
export QUARKUS_LOG_CATEGORY__DEV_PORTCULLIS_DENIALS__LEVEL=WARN
declare -A PORTS=([a]=18181 [b]=18182) RATES=([a]=none [b]=1000000/s) TOKENS RESULTS
for side in a b; do
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS portcullis_rates_$side" \
    -c "CREATE DATABASE portcullis_rates_$side" postgres 2>/dev/null
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/portcullis_rates_$side \
    QUARKUS_HTTP_PORT=${PORTS[$side]} QUARKUS_MANAGEMENT_PORT=$(( ${PORTS[$side]} + 100 )) \
    PORTCULLIS_THROTTLE_ANON_RATE=${RATES[$side]} PORTCULLIS_THROTTLE_USER_RATE=${RATES[$side]} \
    "$JAVA" -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$JAR" > "$WORK/$side.log" 2>&1 &
done
for side in a b; do
  base="http://127.0.0.1:${PORTS[$side]}"
  until curl -sf "$base/api/public/" >/dev/null; do sleep 0.3; done
  TOKENS[$side]=$(curl -sf -X POST "$base/api/token/" -d "username=bench-admin&password=bench-admin-password" \
    | python3 -c "import json,sys; print(json.load(sys.stdin)['token'])")
done
PATHS=(/api/private/ /api/public/)
for round in $(seq 1 "$ROUNDS"); do
  order="a b"; [ $((round % 2)) = 0 ] && order="b a"
  for path in "${PATHS[@]}"; do
    for side in $order; do
      url="http://127.0.0.1:${PORTS[$side]}$path"
      wrk -t2 -c"$CONNECTIONS" -d1s -H "Authorization: Token ${TOKENS[$side]}" "$url" >/dev/null
      RESULTS["$path|$side"]+="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Authorization: Token ${TOKENS[$side]}" "$url" \
        | awk '/Requests\/sec/ {print $2}') "
    done
  done
  echo "round $round of $ROUNDS done" >&2
done
for path in "${PATHS[@]}"; do
  python3 - "$path" "${RESULTS["$path|a"]}" "${RESULTS["$path|b"]}" <<'PY'
import statistics, sys
path, a, b = sys.argv[1], [float(x) for x in sys.argv[2].split()], [float(x) for x in sys.argv[3].split()]
show = lambda xs: "%.0f (%.0f-%.0f)" % (statistics.median(xs), min(xs), max(xs))
print("%-14s rates off %s, rates on %s, on/off %.2f" % (path, show(a), show(b), statistics.median(b) / statistics.median(a)))
PY
done
