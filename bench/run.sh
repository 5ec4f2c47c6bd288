#!/usr/bin/env bash
# Benchmark: builds the service, starts it in the production profile, seeds a user, drives load with wrk
# from a second process on loopback, prints one table and writes it to bench/RESULTS.md.
#
#   bench/run.sh                 # 15 s per scenario, 32 connections
#   DURATION=30s CONNECTIONS=64 bench/run.sh
#
# Database: the machine's PostgreSQL on 127.0.0.1:5432 when it answers (database portcullis_bench, made
# here), else the embedded PostgreSQL of the default build.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-8900}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v openssl >/dev/null || { apt-get update -qq && apt-get install -y -qq openssl; }

if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "Database: PostgreSQL on 127.0.0.1:5432 (database portcullis_bench)"
  psql -q -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS portcullis_bench' -c 'CREATE DATABASE portcullis_bench' postgres
  export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/portcullis_bench
  export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=
  BUILD_FLAGS=-Dproduction
else
  echo "Database: embedded PostgreSQL"
  BUILD_FLAGS=
fi

echo "Building…"
./mvnw -q -B -ntp package -DskipTests $BUILD_FLAGS

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null
export PORTCULLIS_JWT_SIGNING_KEY="$WORK/jwt.pem" PORTCULLIS_JWT_ACCESS_TOKEN_LIFETIME=1H
export PORTCULLIS_BOOTSTRAP_ADMIN_USERNAME=bench-admin PORTCULLIS_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password
export QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_CATEGORY__DEV_PORTCULLIS_DENIALS__LEVEL=WARN

START=$(date +%s%N)
java -jar target/quarkus-app/quarkus-run.jar > "$WORK/server.log" 2>&1 &
SERVER=$!
until curl -sf "$BASE/q/health/ready" >/dev/null; do
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 0.1
done
STARTUP_MS=$(( ($(date +%s%N) - START) / 1000000 ))

json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
ADMIN=$(curl -sf -X POST "$BASE/api/token/" -d "username=bench-admin&password=bench-admin-password" | json token)
curl -sf -X POST "$BASE/api/admin/users/" -H "Authorization: Token $ADMIN" -H 'Content-Type: application/json' \
     -d '{"username": "bench", "password": "bench-password"}' >/dev/null
OPAQUE=$(curl -sf -X POST "$BASE/api/token/" -d "username=bench&password=bench-password" | json token)
JWT=$(curl -sf -X POST "$BASE/api/jwt/create/" -d "username=bench&password=bench-password" | json access)

# name | path | Authorization header (empty: none)
SCENARIOS=(
  "GET /api/public/ anonymous|/api/public/|"
  "GET /api/private/ opaque token|/api/private/|Token $OPAQUE"
  "GET /api/private/ JWT|/api/private/|Bearer $JWT"
  "GET /api/private/ JWT with the wrong keyword (denied)|/api/private/|Token $JWT"
)

run() {  # name path header -> "rps p50 p99 errors"
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)
  [ -n "$3" ] && args+=(-H "Authorization: $3")
  wrk "${args[@]}" -d3s "$BASE$2" >/dev/null  # warm-up
  wrk "${args[@]}" "$BASE$2" > "$WORK/wrk.txt"
  python3 - "$WORK/wrk.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def latency(p):
    m = re.search(r'^\s*%s%%\s+([\d.]+)(us|ms|s)' % p, text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == 'us' else value * 1000 if unit == 's' else value
rps = float(re.search(r'Requests/sec:\s+([\d.]+)', text).group(1))
non2xx = re.search(r'Non-2xx or 3xx responses:\s+(\d+)', text)
errors = re.search(r'Socket errors:.*?(\d+).*?(\d+).*?(\d+).*?(\d+)', text)
socket = sum(int(g) for g in errors.groups()) if errors else 0
print(f"{rps:.0f} {latency(50):.2f} {latency(99):.2f} {int(non2xx.group(1)) if non2xx else 0} {socket}")
PY
}

TABLE="| scenario | requests/s | p50 ms | p99 ms | non-2xx | socket errors |
|---|---:|---:|---:|---:|---:|"
for scenario in "${SCENARIOS[@]}"; do
  IFS='|' read -r name path header <<< "$scenario"
  echo "Running: $name"
  read -r rps p50 p99 non2xx socket < <(run "$name" "$path" "$header")
  TABLE+=$'\n'"| $name | $rps | $p50 | $p99 | $non2xx | $socket |"
done
RSS_MB=$(( $(awk '/VmRSS/ {print $2}' /proc/$SERVER/status) / 1024 ))

REPORT="# Benchmark results

$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1), wrk $THREADS threads, $CONNECTIONS connections, $DURATION per scenario (after a 3 s warm-up), server and wrk on the same machine.

$TABLE

Start-up to first ready answer: ${STARTUP_MS} ms (includes migrations). Resident memory after the run: ${RSS_MB} MB.
The denied scenario answers 401 by design: its non-2xx count is every request.

Produced by \`bench/run.sh\`."
echo
echo "$REPORT"
echo "$REPORT" > bench/RESULTS.md
