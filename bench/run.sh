#!/usr/bin/env bash
# Benchmark: builds the service with the benchmark endpoints, starts it in a production-like setting, seeds
# users, tokens and 1,000 posts (a training run for the JDK's AOT cache, or AppCDS on a JDK older than 25),
# restarts it (measuring start-up with an existing schema, on that cache), drives every scenario with wrk from
# a second process on loopback, and prints one table, also written to bench/RESULTS.md. Throughput is shown as
# a ratio to a reference measured next to it: the unguarded baseline, or the scenario it replaces.
#
#   bench/run.sh                              # 3 rounds, 5 s per scenario and its reference, 32 connections
#   ROUNDS=5 DURATION=10s CONNECTIONS=64 bench/run.sh
#   STARTUP_ROUNDS=20 bench/run.sh            # pairs of starts, the service's and the bare application's (10)
#   ONLY='identity provider|introspected' bench/run.sh   # some scenarios only (RESULTS.md is not written then)
#
# Java: $BENCH_JAVA, else the first JDK 25 or newer found (java on the PATH, then /usr/lib/jvm), else java.
# Database: the machine's PostgreSQL on 127.0.0.1:5432 when it answers (database portcullis_bench, made
# here), else the embedded PostgreSQL of the default build.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/first-answer.sh
. bench/cpu-time.sh

DURATION=${DURATION:-5s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-8900}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
SERVER=
PROVIDER=
stop_server() {  # SIGTERM, and SIGKILL after 30 s (a JVM out of memory may not handle the signal)
  [ -n "$SERVER" ] || return 0
  kill "$SERVER" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  SERVER=
}
trap 'stop_server; [ -z "$PROVIDER" ] || kill "$PROVIDER" 2>/dev/null; rm -rf "$WORK"' EXIT

java_feature() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }
find_java() {
  local candidate
  for candidate in "${BENCH_JAVA:-}" "$(command -v java)" /usr/lib/jvm/*/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    [ -n "${BENCH_JAVA:-}" ] || [ "$(java_feature "$candidate")" -ge 25 ] 2>/dev/null || continue
    echo "$candidate"; return
  done
  command -v java
}
JAVA=$(find_java)
# The settings of k8s/base/configmap.yaml: a small heap, the serial collector, C1 only (start-up and footprint
# over peak throughput), glibc's heap trimmed, and worker threads in proportion to two cores.
if [ "$(java_feature "$JAVA")" -ge 25 ]; then  # the AOT cache (JEP 483/514/515): classes linked, methods profiled
  TRAIN_OPTS="-XX:AOTCacheOutput=$WORK/app.aot" CACHE_OPTS="-XX:AOTCache=$WORK/app.aot" CACHE_NAME="the AOT cache"
  JAVA_OPTS=${JAVA_OPTS:--Xmx64m -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -XX:TieredStopAtLevel=1 -XX:TrimNativeHeapInterval=2000}
else
  TRAIN_OPTS="-XX:ArchiveClassesAtExit=$WORK/app.jsa" CACHE_OPTS="-XX:SharedArchiveFile=$WORK/app.jsa" CACHE_NAME="the AppCDS archive"
  JAVA_OPTS=${JAVA_OPTS:--Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
fi
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} QUARKUS_THREAD_POOL_MAX_THREADS=${QUARKUS_THREAD_POOL_MAX_THREADS:-12}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v openssl >/dev/null || { apt-get update -qq && apt-get install -y -qq openssl; }

BUILD_FLAGS="-Dquarkus.profile=bench"
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  DATABASE="PostgreSQL on 127.0.0.1:5432"
  BENCH_DATABASE=portcullis_bench  # whose backends' CPU time is read around each run
  psql -q -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS portcullis_bench' -c 'CREATE DATABASE portcullis_bench' postgres
  export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/portcullis_bench
  export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=
  BUILD_FLAGS="$BUILD_FLAGS -Dproduction"
else
  DATABASE="embedded PostgreSQL"
  BENCH_DATABASE='[^ ]+'  # every process of the embedded server
  export QUARKUS_EMBEDDED_POSTGRESQL_DATA_DIR="$WORK/pgdata"
fi
echo "Database: $DATABASE. Building…"
./mvnw -q -B -ntp package -DskipTests $BUILD_FLAGS

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null
openssl pkey -in "$WORK/jwt.pem" -pubout -out "$WORK/jwt.pub.pem"
export PORTCULLIS_JWT_SIGNING_KEY="$WORK/jwt.pem" PORTCULLIS_JWT_ACCESS_TOKEN_LIFETIME=1H
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/jwt.pub.pem"
export PORTCULLIS_BOOTSTRAP_ADMIN_USERNAME=bench-admin PORTCULLIS_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password
export PORTCULLIS_ALLOWED_HOSTS=localhost,127.0.0.1
# One client address drives the load: the production request rates would answer it 429.
export PORTCULLIS_THROTTLE_ANON_RATE=none PORTCULLIS_THROTTLE_USER_RATE=none PORTCULLIS_THROTTLE_RATES_REGISTER=none
export QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_CATEGORY__DEV_PORTCULLIS_DENIALS__LEVEL=WARN

start_server() {  # extra JVM options...; sets SERVER and STARTUP_MS (to the first answered request)
  start_jar target/quarkus-app/quarkus-run.jar /api/public/ "$JAVA" $JAVA_OPTS "$@"
}
start_jar() {  # jar, path answered once started, java and its options...
  local jar=$1 path=$2 start; shift 2
  start=$(date +%s%N)
  "$@" -jar "$jar" > "$WORK/server.log" 2>&1 &
  SERVER=$!
  await_first_answer "$BASE$path" "$SERVER" "$WORK/server.log"
  STARTUP_MS=$(ms_since "$start")
}
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

# First run: migrations, seed data, and the training for the cache (written at exit).
# shellcheck disable=SC2086
start_server $TRAIN_OPTS
FIRST_START_MS=$STARTUP_MS
ADMIN=$(curl -sf -X POST "$BASE/api/token/" -d "username=bench-admin&password=bench-admin-password" | json token)
curl -sf -X POST "$BASE/api/admin/users/" -H "Authorization: Token $ADMIN" -H 'Content-Type: application/json' \
     -d '{"username": "bench", "password": "bench-password"}' >/dev/null
OPAQUE=$(curl -sf -X POST "$BASE/api/token/" -d "username=bench&password=bench-password" | json token)
# The POST scenario writes as another user, drafts only, so that the lists measured after it do not grow.
curl -sf -X POST "$BASE/api/admin/users/" -H "Authorization: Token $ADMIN" -H 'Content-Type: application/json' \
     -d '{"username": "bench-writer", "password": "bench-password"}' >/dev/null
python3 - "$PORT" "$OPAQUE" <<'PY'
import http.client, json, sys
connection = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]))
for i in range(1000):
    body = json.dumps({"title": f"Post {i}", "body": "Lorem ipsum " * 20, "published": i % 4 != 0})
    connection.request("POST", "/api/posts/", body, {"Authorization": "Token " + sys.argv[2], "Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    assert response.status == 201, response.status
PY
# 100,000 documents; the bench user may view 1% of them, 100 other users the rest.
curl -sf -X POST "$BASE/bench/documents/seed/?count=100000&user=bench&every=100" >/dev/null
# A million more documents; bench-million may view 1% of them (10,000): the same page, ten times the size.
curl -sf -X POST "$BASE/api/admin/users/" -H "Authorization: Token $ADMIN" -H 'Content-Type: application/json' \
     -d '{"username": "bench-million", "password": "bench-password"}' >/dev/null
MILLION=$(curl -sf -X POST "$BASE/api/token/" -d "username=bench-million&password=bench-password" | json token)
for _ in $(seq 1 $(( ${MILLION_DOCUMENTS:-1000000} / 100000 ))); do  # each request well under the idle timeout
  curl -sf -X POST "$BASE/bench/documents/seed/?count=100000&user=bench-million&every=100" >/dev/null
done
curl -sf -X POST "$BASE/bench/documents/vacuum/" >/dev/null
for _ in $(seq 1 50); do  # the reads, so that the cache knows their classes too
  for path in /bench/baseline/ /api/public/ /api/private/ /api/posts/ /api/documents/; do
    curl -s -o /dev/null -H "Authorization: Token $OPAQUE" "$BASE$path"
  done
done
stop_server

# An identity provider on the loopback (the bench build trusts it: application.properties' %bench settings), its
# JWT for the user bench-oidc and an opaque token it introspects as active.
b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/provider.pem" 2>/dev/null
PROVIDER_OPAQUE=$(openssl rand -hex 24)
python3 bench/oidc_provider.py 8099 "$(openssl rsa -in "$WORK/provider.pem" -noout -modulus | cut -d= -f2)" \
        "$PROVIDER_OPAQUE" bench-oidc &
PROVIDER=$!
JWT_HEADER=$(printf '{"alg":"RS256","kid":"bench-key","typ":"JWT"}' | b64url)
JWT_CLAIMS=$(printf '{"iss":"http://127.0.0.1:8099/realms/bench","aud":"bench","sub":"bench-oidc-subject","preferred_username":"bench-oidc","iat":%d,"exp":%d}' \
             "$(date +%s)" "$(( $(date +%s) + 7200 ))" | b64url)
PROVIDER_JWT="$JWT_HEADER.$JWT_CLAIMS.$(printf '%s.%s' "$JWT_HEADER" "$JWT_CLAIMS" | openssl dgst -sha256 -sign "$WORK/provider.pem" | b64url)"

# Second run, as a restarted replica would: existing schema, the cache.
# shellcheck disable=SC2086
start_server $CACHE_OPTS
CACHED_START_MS=$STARTUP_MS
JWT=$(curl -sf -X POST "$BASE/api/jwt/create/" -d "username=bench&password=bench-password" | json access)
WRITER=$(curl -sf -X POST "$BASE/api/token/" -d "username=bench-writer&password=bench-password" | json token)
POST_ID=$(curl -sf "$BASE/api/posts/" | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['id'])")
curl -sf "$BASE/api/posts/" | curl -sf -X PUT -H 'Content-Type: application/json' --data-binary @- "$BASE/bench/posts-from-memory/"
cat > "$WORK/POST.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"title": "Benchmark post", "body": "written under load"}'
wrk.headers["Content-Type"] = "application/json"
LUA
cat > "$WORK/SIGN-IN.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "username=bench&password=bench-password"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
LUA

# The JIT compiles the hot paths first, so that the first scenario is not measured on a cold JVM.
for path in /bench/baseline/ /api/public/ /api/private/; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "Authorization: Token $OPAQUE" "$BASE$path" >/dev/null
done

# name | method | path | Authorization header (empty: none) | the scenario it is compared with (empty: the baseline)
HAND_WRITTEN="GET /api/posts/{id}/ hand-written, same guard (reference)"
HUNDRED_THOUSAND_PAGE="GET /api/documents/?limit=20 (1,000 of 100,000 granted)"
MILLION_PAGE="GET /api/documents/?limit=20 (10,000 of 1,000,000 granted)"
# A password check takes a core for its whole time: two connections keep both cores busy, more would only queue.
SIGN_IN="POST /api/token/ (a sign-in: a password check of 260,000 iterations), 2 connections"
# The guard's own cost: a credential's header costs the HTTP server and wrk something whoever reads it, so the
# guarded answers are also compared with the baseline sent the same header.
BASELINE_TOKEN_HEADER="unguarded baseline sent the opaque token's header"
BASELINE_JWT_HEADER="unguarded baseline sent the JWT's header"
SCENARIOS=(
  "GET /api/public/ anonymous|GET|/api/public/||"
  "GET /api/private/ opaque token|GET|/api/private/|Token $OPAQUE|"
  "GET /api/private/ JWT|GET|/api/private/|Bearer $JWT|"
  "$BASELINE_TOKEN_HEADER|GET|/bench/baseline/|Token $OPAQUE|"
  "GET /api/private/ opaque token, against the baseline with its header|GET|/api/private/|Token $OPAQUE|$BASELINE_TOKEN_HEADER"
  "$BASELINE_JWT_HEADER|GET|/bench/baseline/|Bearer $JWT|"
  "GET /api/private/ JWT, against the baseline with its header|GET|/api/private/|Bearer $JWT|$BASELINE_JWT_HEADER"
  "Quarkus @Authenticated + smallrye-jwt, JWT|GET|/bench/quarkus-jwt/|Bearer $JWT|"
  "an identity provider's JWT (OidcAuthentication, cached)|GET|/bench/provider-private/|Bearer $PROVIDER_JWT|"
  "an introspected opaque token (IntrospectionAuthentication, cached)|GET|/bench/provider-private/|Bearer $PROVIDER_OPAQUE|"
  "GET /api/posts/ anonymous (750 posts)|GET|/api/posts/||"
  "GET /api/posts/ as owner (1,000 posts)|GET|/api/posts/|Token $OPAQUE|"
  "the 750 posts' JSON from memory (no database, no serializer)|GET|/bench/posts-from-memory/||"
  "GET /api/posts/?limit=20 anonymous|GET|/api/posts/?limit=20||"
  "GET /api/posts/?limit=20&offset=900 as owner (deep page)|GET|/api/posts/?limit=20&offset=900|Token $OPAQUE|"
  "$HAND_WRITTEN|GET|/bench/hand-written-posts/$POST_ID/||"
  "GET /api/posts/{id}/ anonymous (generic viewset)|GET|/api/posts/$POST_ID/||$HAND_WRITTEN"
  "GET /api/documents/ (1,000 of 100,000 granted)|GET|/api/documents/|Token $OPAQUE|"
  "the same 1,000 documents, no restriction|GET|/bench/documents/?limit=1000||"
  "$HUNDRED_THOUSAND_PAGE|GET|/api/documents/?limit=20|Token $OPAQUE|"
  "GET /api/documents/?limit=20&offset=900 (deep page)|GET|/api/documents/?limit=20&offset=900|Token $OPAQUE|"
  "$MILLION_PAGE|GET|/api/documents/?limit=20|Token $MILLION|$HUNDRED_THOUSAND_PAGE"
  "GET /api/documents/?limit=20&offset=900 (10,000 of 1,000,000 granted, deep page)|GET|/api/documents/?limit=20&offset=900|Token $MILLION|GET /api/documents/?limit=20&offset=900 (deep page)"
  "JWT sent with the wrong keyword (denied, 401)|GET|/api/private/|Token $JWT|"
  "POST /api/posts/ opaque token (a draft)|POST|/api/posts/|Token $WRITER|"
  "$SIGN_IN|SIGN-IN|/api/token/||"
)
BASELINE_SCENARIO="unguarded baseline|GET|/bench/baseline/||"
ALL_SCENARIOS=("${SCENARIOS[@]}")
if [ -n "${ONLY:-}" ]; then  # ONLY=regex: just the scenarios whose names match (and what they are compared with)
  mapfile -t SCENARIOS < <(printf '%s\n' "${SCENARIOS[@]}" | grep -E "^[^|]*(${ONLY})")
fi
for token in "$PROVIDER_JWT" "$PROVIDER_OPAQUE"; do
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "$BASE/bench/provider-private/" \
    || { echo "The identity provider's token is refused:"; curl -s -H "Authorization: Bearer $token" "$BASE/bench/provider-private/"; exit 1; }
done

run() {  # method (GET, POST, SIGN-IN) path header -> "rps p50 p99 non2xx socket_errors server_cpu_µs database_cpu_µs"
  local args=(-t"$THREADS" --latency) before after database_before database_after
  if [ "$1" = SIGN-IN ]; then args+=(-c2 --timeout 10s); else args+=(-c"$CONNECTIONS"); fi
  [ -n "$3" ] && args+=(-H "Authorization: $3")
  [ "$1" = GET ] || args+=(-s "$WORK/$1.lua")
  wrk "${args[@]}" -d1s "$BASE$2" >/dev/null  # warm-up
  before=$(process_ticks "$SERVER") database_before=$(database_ticks "$BENCH_DATABASE")
  wrk "${args[@]}" -d"$DURATION" "$BASE$2" > "$WORK/wrk.txt"
  after=$(process_ticks "$SERVER") database_after=$(database_ticks "$BENCH_DATABASE")
  python3 - "$WORK/wrk.txt" "$((after - before))" "$(getconf CLK_TCK)" "$((database_after - database_before))" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
requests = int(re.search(r'(\d+) requests in', text).group(1))
cpu_us = int(sys.argv[2]) / int(sys.argv[3]) * 1e6 / max(requests, 1)
database_us = int(sys.argv[4]) / int(sys.argv[3]) * 1e6 / max(requests, 1)
def latency(p):
    m = re.search(r'^\s*%s%%\s+([\d.]+)(us|ms|s)\b' % p, text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == 'us' else value * 1000 if unit == 's' else value
rps = float(re.search(r'Requests/sec:\s+([\d.]+)', text).group(1))
non2xx = re.search(r'Non-2xx or 3xx responses:\s+(\d+)', text)
errors = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', text)
socket = sum(int(g) for g in errors.groups()) if errors else 0
shown = f"{rps:.0f}" if rps >= 100 else f"{rps:.1f}"  # a few requests a second (a sign-in) need their first decimal
print(f"{shown} {latency(50):.2f} {latency(99):.2f} {int(non2xx.group(1)) if non2xx else 0} {socket} {cpu_us:.1f} "
      f"{database_us:.1f}")
PY
}

# Each scenario is measured next to the one it is compared with (A/B, then B/A the next round, so that the
# machine's drift falls on both alike), ROUNDS times; the table gives medians and the spread of the ratio.
find_scenario() {  # name -> the scenario's line
  local scenario
  for scenario in "$BASELINE_SCENARIO" "${ALL_SCENARIOS[@]}"; do
    [ "${scenario%%|*}" = "$1" ] && { echo "$scenario"; return; }
  done
}
measure() {  # pair role scenario-line -> appends "pair<TAB>role<TAB>rps p50 p99 non2xx socket" to the results
  local name method path header compare
  IFS='|' read -r name method path header compare <<< "$3"
  echo -e "$1\t$2\t$(run "$method" "$path" "$header")" >> "$WORK/results.tsv"
  # What a POST scenario wrote goes, so that every round measures the lists on the same data.
  [ "$method" = POST ] && curl -sf -X DELETE "$BASE/bench/documents/drafts/?user=bench-writer" >/dev/null
  return 0
}
: > "$WORK/results.tsv"
for round in $(seq 1 "$ROUNDS"); do
  for scenario in "${SCENARIOS[@]}"; do
    IFS='|' read -r name method path header compare <<< "$scenario"
    reference=$(find_scenario "${compare:-unguarded baseline}")
    echo "Round $round/$ROUNDS: $name"
    pair="$round|$name"
    if [ $((round % 2)) -eq 1 ]; then measure "$pair" A "$reference"; measure "$pair" B "$scenario"
    else measure "$pair" B "$scenario"; measure "$pair" A "$reference"; fi
  done
done
COMPARED=$(for scenario in "${SCENARIOS[@]}"; do IFS='|' read -r name _ _ _ compare <<< "$scenario"; echo -e "$name\t${compare:-unguarded baseline}"; done)
TABLE=$(python3 - "$WORK/results.tsv" "$COMPARED" <<'PY'
import statistics, sys
from collections import defaultdict
pairs = defaultdict(dict)                # (round, name) -> {"A": reference run, "B": scenario run}
for line in open(sys.argv[1]):
    pair, role, numbers = line.rstrip('\n').split('\t')
    round_, name = pair.split('|', 1)
    rps, p50, p99, non2xx, socket, cpu, database = numbers.split()
    pairs[(round_, name)][role] = (float(rps), float(p50), float(p99), int(non2xx), int(socket), float(cpu),
                                   float(database))
compared = dict(line.split('\t') for line in sys.argv[2].splitlines())
print('| scenario | requests/s | × compared with: median (spread) | compared with | p50 ms | p99 ms | non-2xx | socket errors '
      '| server CPU µs per request | CPU × compared with: median (spread) | PostgreSQL CPU µs per request |')
print('|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|')
median = statistics.median
def figure(x, places):  # a small figure (a sign-in's rate, and its ratio to the baseline) keeps two digits that count
    return f"{x:.{places}f}" if x >= 10 ** (1 - places) else f"{x:.2g}"
for name, reference in compared.items():
    runs = [pair for (r, n), pair in sorted(pairs.items()) if n == name]
    ratios = [pair['B'][0] / pair['A'][0] for pair in runs]
    cpu_ratios = [pair['B'][5] / pair['A'][5] for pair in runs]
    own = [pair['B'] for pair in runs]
    print(f"| {name} | {figure(median([m[0] for m in own]), 0)} | {figure(median(ratios), 2)} "
          f"({figure(min(ratios), 2)}–{figure(max(ratios), 2)}) "
          f"| {reference} | {median([m[1] for m in own]):.2f} | {median([m[2] for m in own]):.2f} "
          f"| {sum(m[3] for m in own)} | {sum(m[4] for m in own)} | {median([m[5] for m in own]):.0f} "
          f"| {median(cpu_ratios):.2f} ({min(cpu_ratios):.2f}–{max(cpu_ratios):.2f}) "
          f"| {median([m[6] for m in own]):.0f} |")
PY
)
if [ -n "${ONLY:-}" ]; then echo; echo "$TABLE"; exit 0; fi
RSS_MB=$(( $(awk '/VmRSS/ {print $2}' /proc/$SERVER/status) / 1024 ))

# Where a guarded request's time goes: Java Flight Recorder over 10 s of GET /api/private/ with the opaque token and
# of the unguarded baseline; CPU samples per 1,000 requests, by what their stacks pass through.
JDK_BIN=$(dirname "$(readlink -f "$JAVA")")
profile() {  # name path [Authorization header] -> requests/s; the samples in $WORK/name.json
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d10s) rps
  [ -n "${3:-}" ] && args+=(-H "Authorization: $3")
  "$JDK_BIN/jcmd" "$SERVER" JFR.start name="$1" settings=profile filename="$WORK/$1.jfr" >/dev/null
  rps=$(wrk "${args[@]}" "$BASE$2" | awk '/Requests\/sec/ {print $2}')
  "$JDK_BIN/jcmd" "$SERVER" JFR.stop name="$1" >/dev/null
  "$JDK_BIN/jfr" print --json --events jdk.ExecutionSample "$WORK/$1.jfr" > "$WORK/$1.json"
  echo "$rps"
}
BREAKDOWN="(No JDK tools next to $JAVA: no profile.)"
if [ -x "$JDK_BIN/jcmd" ] && [ -x "$JDK_BIN/jfr" ]; then
  GUARDED_RPS=$(profile guarded /api/private/ "Token $OPAQUE")
  BASELINE_RPS=$(profile baseline /bench/baseline/)
  BREAKDOWN=$(python3 - "$WORK" "$GUARDED_RPS" "$BASELINE_RPS" <<'PY'
import json, sys
work, guarded_rps, baseline_rps = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
# What a stack passes through, first match of each; a sample counts once in every area its stack holds.
AREAS = [("the guard (dev.portcullis.security)", ("dev.portcullis.security", "dev/portcullis/security")),
         ("identity providers and accounts (dev.portcullis.accounts)", ("dev.portcullis.accounts", "dev/portcullis/accounts")),
         ("the service's web filters (dev.portcullis.web)", ("dev.portcullis.web", "dev/portcullis/web")),
         ("Mutiny", ("io.smallrye.mutiny", "io/smallrye/mutiny")),
         ("context propagation", ("io.smallrye.context", "io/smallrye/context")),
         ("CDI (ArC)", ("io.quarkus.arc", "io/quarkus/arc")),
         ("Quarkus REST", ("org.jboss.resteasy", "org/jboss/resteasy", "io.quarkus.resteasy", "io/quarkus/resteasy")),
         ("Jackson", ("com.fasterxml.jackson", "com/fasterxml/jackson")),
         ("Micrometer", ("io.micrometer", "io/micrometer", "io.quarkus.micrometer", "io/quarkus/micrometer")),
         ("Vert.x and Netty", ("io.vertx", "io/vertx", "io.netty", "io/netty"))]
def per_thousand(name, rps):
    events = json.load(open(f"{work}/{name}.json"))["recording"]["events"]
    counts, total = {area: 0 for area, _ in AREAS}, 0
    for event in events:
        frames = [f["method"]["type"]["name"] for f in event["values"]["stackTrace"]["frames"]]
        if not frames or "park" in event["values"]["stackTrace"]["frames"][0]["method"]["name"]:
            continue
        total += 1
        for area, prefixes in AREAS:
            if any(frame.startswith(prefixes) for frame in frames):
                counts[area] += 1
    requests = rps * 10 / 1000
    return total / requests, {area: n / requests for area, n in counts.items()}
guarded_total, guarded = per_thousand("guarded", guarded_rps)
baseline_total, baseline = per_thousand("baseline", baseline_rps)
print(f"Where a guarded request's time goes (Java Flight Recorder, 10 s each at {guarded_rps:.0f} and {baseline_rps:.0f} "
      f"requests/s; CPU samples per 1,000 requests, a sample counted in every area its stack passes through):")
print()
print("| | GET /api/private/, opaque token | unguarded baseline | difference |")
print("|---|---:|---:|---:|")
print(f"| every sample | {guarded_total:.2f} | {baseline_total:.2f} | {guarded_total - baseline_total:+.2f} |")
for area, _ in AREAS:
    print(f"| {area} | {guarded[area]:.2f} | {baseline[area]:.2f} | {guarded[area] - baseline[area]:+.2f} |")
PY
)
fi

# SQL statements per request, from Hibernate's statistics over 100 requests (the token is cached by now).
statements() {  # path [Authorization header]
  local before after args=(-sf -o /dev/null)
  [ -n "${2:-}" ] && args+=(-H "Authorization: $2")
  before=$(curl -sf -X POST "$BASE/bench/documents/statements/" | json prepared)
  for _ in $(seq 1 100); do curl "${args[@]}" "$BASE$1"; done
  after=$(curl -sf "$BASE/bench/documents/statements/" | json prepared)
  python3 -c "print(($after - $before) / 100)"
}
STATEMENTS=$(statements /api/documents/ "Token $OPAQUE")
PAGE_STATEMENTS="\`GET /api/documents/?limit=20&offset=900\` $(statements '/api/documents/?limit=20&offset=900' "Token $OPAQUE"),
\`GET /api/posts/?limit=20\` $(statements '/api/posts/?limit=20'), \`GET /api/posts/{id}/\` $(statements "/api/posts/$POST_ID/")"
RATIOS=$(python3 - "$TABLE" "$MILLION_PAGE" <<'PY'
import re, sys
rows = {r.split('|')[1].strip(): r.split('|') for r in sys.argv[1].splitlines() if r.startswith('| ')}
restricted = rows['GET /api/documents/ (1,000 of 100,000 granted)']
plain = rows['the same 1,000 documents, no restriction']
print(f"{float(plain[2]) / float(restricted[2]):.2f}× the time per request of the unrestricted list "
      f"(p50 {restricted[5].strip()} ms against {plain[5].strip()} ms)")
# The million-document page against the 100,000-document one: the time ratio is the inverse of the rate ratio.
median, low, high = (float(x) for x in re.findall(r'[\d.]+', rows[sys.argv[2]][3]))
print(f"The page of 10,000 grants among 1,000,000 documents takes {1 / median:.2f}× the time of the page of 1,000 "
      f"among 100,000 ({1 / high:.2f}–{1 / low:.2f}).")
PY
)
DOCUMENTS_RATIO=$(head -1 <<< "$RATIOS") MILLION_RATIO=$(tail -1 <<< "$RATIOS")

# Start-up and memory against a bare Quarkus application with the same extensions (bench/bare-app.sh) and against
# a plain `java -jar` (the PATH's java, no options), on the same PostgreSQL server, alternating: each start timed
# to its first answer, then the same load (5 s of a small JSON answer, 5 s of a 20-row list) and its resident memory.
stop_server
echo "Building the bare application…"
BARE_JAR=$(bench/bare-app.sh "$WORK/bare-app")
psql -q -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS portcullis_bench_bare' -c 'CREATE DATABASE portcullis_bench_bare' postgres
start_bare() {  # extra JVM options...
  QUARKUS_DATASOURCE_JDBC_URL=${QUARKUS_DATASOURCE_JDBC_URL%/*}/portcullis_bench_bare start_jar "$BARE_JAR" /bare/public/ "$JAVA" $JAVA_OPTS "$@"
}
# shellcheck disable=SC2086
start_bare ${TRAIN_OPTS/app.aot/bare.aot}  # its own cache, trained as the service's was
for _ in $(seq 1 50); do curl -s -o /dev/null "$BASE/bare/public/"; curl -s -o /dev/null "$BASE/bare/items/"; done
stop_server
loaded_rss() {  # small-answer path, list path -> resident MB after 5 s of each
  local path
  for path in "$1" "$2"; do wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$BASE$path" >/dev/null; done
  echo $(( $(awk '/VmRSS/ {print $2}' /proc/$SERVER/status) / 1024 ))
}
: > "$WORK/footprint.tsv"
SIDES=(service bare plain)
for round in $(seq 1 "$ROUNDS"); do
  # The order turns every round, so that no side always starts just after the same one has stopped (a plain JVM's
  # half a gigabyte being given back, say).
  for i in 0 1 2; do
    side=${SIDES[$(( (i + round) % 3 ))]}
    case $side in
      # shellcheck disable=SC2086
      service) start_server $CACHE_OPTS; rss=$(loaded_rss /api/public/ '/api/posts/?limit=20') ;;
      # shellcheck disable=SC2086
      bare) start_bare ${CACHE_OPTS/app.aot/bare.aot}; rss=$(loaded_rss /bare/public/ /bare/items/) ;;
      plain) start_jar target/quarkus-app/quarkus-run.jar /api/public/ env -u MALLOC_ARENA_MAX -u QUARKUS_THREAD_POOL_MAX_THREADS "$(command -v java)"
             rss=$(loaded_rss /api/public/ '/api/posts/?limit=20') ;;
    esac
    echo -e "$side\t$STARTUP_MS\t$rss" >> "$WORK/footprint.tsv"
    stop_server
  done
  echo "Start-up round $round/$ROUNDS done"
done
# Start-up alone, in more pairs than the loaded rounds: a start takes seconds, and on a shared machine one start in
# a few is seconds slower for either application. Each pair is the service and the bare application started one
# after the other, in turn first.
STARTUP_ROUNDS=${STARTUP_ROUNDS:-10}
: > "$WORK/startup.tsv"
for round in $(seq 1 "$STARTUP_ROUNDS"); do
  order=(service bare)
  [ $((round % 2)) -eq 1 ] || order=(bare service)
  for side in "${order[@]}"; do
    # shellcheck disable=SC2086
    if [ "$side" = service ]; then start_server $CACHE_OPTS; else start_bare ${CACHE_OPTS/app.aot/bare.aot}; fi
    echo -e "$round\t$side\t$STARTUP_MS" >> "$WORK/startup.tsv"
    stop_server
  done
done
echo "Start-up pairs done: $STARTUP_ROUNDS"
# The stack's floor for a page: the bare application's 20 rows, read by Hibernate ORM as entities in a transaction
# (as an application's first endpoint reads them), by Hibernate ORM as a projection with no transaction (as the
# service reads a page) and by JDBC alone (one statement, no ORM, no transaction), each next to the bare
# application's own small answer, alternating, as the service's page is measured next to its baseline.
# shellcheck disable=SC2086
start_bare ${CACHE_OPTS/app.aot/bare.aot}
for path in /bare/public/ /bare/items/ /bare/items-hql/ /bare/items-jdbc/; do wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "$BASE$path" >/dev/null; done
: > "$WORK/floor.tsv"
for round in $(seq 1 "$ROUNDS"); do
  for page in /bare/items/ /bare/items-hql/ /bare/items-jdbc/; do
    order=(/bare/public/ "$page")
    [ $((round % 2)) -eq 1 ] || order=("$page" /bare/public/)
    for path in "${order[@]}"; do echo -e "$round\t$page\t$path\t$(run GET "$path" "")" >> "$WORK/floor.tsv"; done
  done
done
stop_server
FLOOR=$(python3 - "$WORK/floor.tsv" "$TABLE" <<'PY'
import statistics, sys
from collections import defaultdict
runs = defaultdict(dict)                 # (round, page) -> {path: requests/s}
for line in open(sys.argv[1]):
    round_, page, path, numbers = line.rstrip('\n').split('\t')
    runs[(round_, page)][path] = float(numbers.split()[0])
def floor(page):
    ratios = [run[page] / run['/bare/public/'] for (_, p), run in runs.items() if p == page]
    rps = statistics.median(run[page] for (_, p), run in runs.items() if p == page)
    return f"{rps:.0f} requests/s, {statistics.median(ratios):.2f}× ({min(ratios):.2f}–{max(ratios):.2f})"
rows = {r.split('|')[1].strip(): r.split('|') for r in sys.argv[2].splitlines() if r.startswith('| ')}
posts = rows.get('GET /api/posts/?limit=20 anonymous')
print("The floor of the stack for a page of 20 rows, in the bare application (no guard, no count, no links), each "
      "next to its own small answer: read by Hibernate ORM as entities in a transaction, " + floor('/bare/items/') +
      "; by Hibernate ORM as a projection with no transaction (as the service reads a page), " +
      floor('/bare/items-hql/') + "; by JDBC alone, " + floor('/bare/items-jdbc/') + "." +
      (f" The service's counted, guarded page of 20 posts: {posts[2].strip()} requests/s, {posts[3].strip()} of its "
       "baseline." if posts else ""))
PY
)
# PostgreSQL runs on the same cores: its own CPU time per answer bounds how fast the answer can be, whatever the
# service costs.
CEILING=$(python3 - "$TABLE" "$(nproc)" <<'PY'
import sys
rows = {r.split('|')[1].strip(): [c.strip() for c in r.split('|')] for r in sys.argv[1].splitlines() if r.startswith('| ')}
cores = int(sys.argv[2])
# Columns: 2 requests/s, 3 ratio, 9 the server's CPU µs per request, 10 its ratio, 11 PostgreSQL's CPU µs per request.
def ceiling(name, against, goal, reference_rps, least_us, least_what):
    """Two bounds on an answer that reads PostgreSQL: its CPU time alone, then with the least the service could spend."""
    row = rows.get(name)
    if not row or float(row[11]) <= 0:
        return None
    database_us = float(row[11])
    most, least = cores * 1e6 / database_us, cores * 1e6 / (database_us + least_us)
    return (f"{name}: {database_us:.0f} µs, so at most {most:,.0f} answers/s even if nothing else ran, "
            f"{most / reference_rps:.2f}× {against}; and at most {least:,.0f}/s, {least / reference_rps:.2f}×, even "
            f"if the service spent on it no more than on {least_what} ({least_us:.0f} µs) (the goal: {goal})")
memory, page = (rows.get(n) for n in ("the 750 posts' JSON from memory (no database, no serializer)",
                                     "GET /api/posts/?limit=20 anonymous"))
bounds = [b for b in (
    memory and ceiling("GET /api/posts/ anonymous (750 posts)", "the same bytes from memory", "0.25×", float(memory[2]),
                       float(memory[9]), "writing the same bytes from memory"),
    page and ceiling("GET /api/posts/?limit=20 anonymous", "the unguarded baseline", "0.35×",
                     float(page[2]) / float(page[3].split()[0]), float(page[9]) / float(page[10].split()[0]),
                     "the baseline's small answer")) if b]
if bounds:
    print(f"PostgreSQL shares the {cores} cores with the service and wrk, so its own CPU time per answer bounds the "
          "rate of an answer that reads it: " + "; ".join(bounds) + ".")
PY
)
FOOTPRINT=$(python3 - "$WORK/footprint.tsv" "$("$(command -v java)" -version 2>&1 | head -1)" "$WORK/startup.tsv" <<'PY'
import statistics, sys
from collections import defaultdict
runs = defaultdict(list)
for line in open(sys.argv[1]):
    side, startup, rss = line.split()
    runs[side].append((int(startup), int(rss)))
pairs = defaultdict(dict)                # round -> {side: start-up ms}, the start-up pairs without load
for line in open(sys.argv[3]):
    round_, side, startup = line.split()
    pairs[round_][side] = int(startup)
median = lambda xs: statistics.median(xs)
spread = lambda xs: f"{min(xs)}–{max(xs)}"
start = {side: [pair[side] for pair in pairs.values()] for side in ("service", "bare")}
ratios = [pair["service"] / pair["bare"] for pair in pairs.values()]
rss = {side: [r[1] for r in rs] for side, rs in runs.items()}
print(f"Against a bare Quarkus application with the same extensions (bench/bare-app.sh), same JVM options and an AOT "
      f"cache of its own: start-up to the first answer, {len(ratios)} pairs of starts one after the other (in turn "
      f"first), {median(start['service']):.0f} ms ({spread(start['service'])}) against {median(start['bare']):.0f} ms "
      f"({spread(start['bare'])}): {median(ratios):.2f}× as the median of the pairs' ratios "
      f"({min(ratios):.2f}–{max(ratios):.2f}). Resident memory after the same load (5 s of a small answer, 5 s of a "
      f"20-row list), {len(rss['service'])} rounds alternating: {median(rss['service']):.0f} MB ({spread(rss['service'])}) "
      f"against {median(rss['bare']):.0f} MB ({spread(rss['bare'])}), {median(rss['service']) / median(rss['bare']):.2f}×.")
plain = [r[0] for r in runs['plain']]
print(f"A plain `java -jar` of the service with no options ({sys.argv[2]}): start-up {median(plain):.0f} ms "
      f"({spread(plain)}), resident memory after the same load {median(rss['plain']):.0f} MB ({spread(rss['plain'])}).")
PY
)

REPORT="# Benchmark results

$(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) cores · $("$JAVA" -version 2>&1 | head -1) · JVM options \`$JAVA_OPTS\`, \`MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX\`, \`QUARKUS_THREAD_POOL_MAX_THREADS=$QUARKUS_THREAD_POOL_MAX_THREADS\` · $DATABASE
wrk: $THREADS threads, $CONNECTIONS connections, on the same machine as the server. Each scenario ran $ROUNDS times for
$DURATION (after 1 s of warm-up) next to the scenario it is compared with — A then B, and B then A the next round — so
the ratio is a median of $ROUNDS paired runs, with its spread; requests/s, p50 and p99 are medians too. The server's
CPU time per request (user and system, read from /proc around each run) is compared the same way: it moves far less
with the machine's drift than the rate does, since wrk's share of the two cores does not enter it.

$TABLE

Start-up to the first answered request: ${CACHED_START_MS} ms with an existing schema and $CACHE_NAME
(${FIRST_START_MS} ms on the first start, which migrates an empty database). Resident memory after the run: ${RSS_MB} MB.
The denied scenario answers 401 by design, so all its answers are non-2xx.
The document list restricted to the user's grants takes ${DOCUMENTS_RATIO}, in ${STATEMENTS} SQL statement(s)
per request (Hibernate statistics over 100 requests). Statements per request of the paginated lists (a page that
counts the list as it reads; a page of documents reads the ids its grants give, their objects and their count in one)
and of a retrieve:
$PAGE_STATEMENTS.
$MILLION_RATIO

$BREAKDOWN

$FOOTPRINT

$FLOOR

$CEILING

Produced by \`bench/run.sh\`."
echo
echo "$REPORT"
echo "$REPORT" > bench/RESULTS.md
