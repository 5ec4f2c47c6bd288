#!/usr/bin/env bash
# Request-path A/B: the production jars of two revisions (default: HEAD~1 and HEAD), started side by side on the
# machine's PostgreSQL (a database each, seeded alike: a user, a token, OBJECTS posts (200) and, where the revision has
# object grants, OBJECTS documents the user created, so was granted), each scenario driven by wrk
# against A and B alternately (the order swapped every round), so that the machine's drift falls on both. Prints,
# per scenario, the median requests per second of each with the spread (min–max), and B/A; and the server's own CPU
# time per request (user + system, from /proc), which the machine's drift moves far less than the rate. Usage:
#   bench/request-ab.sh [REV_A] [REV_B] [ROUNDS]          # DURATION=5s CONNECTIONS=16 by default
#   ONLY='documents' bench/request-ab.sh HEAD~1 HEAD 7    # some scenarios only (a regex on their names)
#   OBJECTS=1000 CROWD=99000 bench/request-ab.sh A B 3  # bench/run.sh's scale: 1,000 posts, and 100,000 documents
#                                       # of which the user may view 1,000 (CROWD more, granted to another user)
#   URL_PARAMETERS_B='options=-c%20random_page_cost=1.1%20-c%20plan_cache_mode=force_generic_plan' \
#     bench/request-ab.sh HEAD HEAD 5   # one revision, two settings: JDBC URL parameters of one side (options given
#                                       # here replace the service's own, so repeat random_page_cost)
#   ENV_B='QUARKUS_THREAD_POOL_MAX_THREADS=6' bench/request-ab.sh HEAD HEAD 5   # one revision, two settings:
#                                       # environment variables of one side (NAME=value, space-separated)
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth, as on these machines), wrk, and a JDK; JVM settings of the
# ConfigMap (small heap, serial collector, C1), as bench/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/cpu-time.sh
A=${1:-HEAD~1}; B=${2:-HEAD}; ROUNDS=${3:-5}
DURATION=${DURATION:-5s}; CONNECTIONS=${CONNECTIONS:-16}
OBJECTS=${OBJECTS:-200}; CROWD=${CROWD:-0}  # the user's posts and documents; other users' documents
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; git worktree remove --force "$WORK/a" 2>/dev/null; git worktree remove --force "$WORK/b" 2>/dev/null; rm -rf "$WORK"' EXIT
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "needs PostgreSQL on 127.0.0.1:5432" >&2; exit 2; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
JAVA_OPTS=${JAVA_OPTS:--Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
export MALLOC_ARENA_MAX=2 QUARKUS_THREAD_POOL_MAX_THREADS=12 QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=
export PORTCULLIS_BOOTSTRAP_ADMIN_USERNAME=bench-admin PORTCULLIS_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password
export PORTCULLIS_ALLOWED_HOSTS=localhost,127.0.0.1
# One client address drives the load: the production request rates would answer it 429. A revision whose
# production profile sets them knows "none" for off; an older one has them off already (and refuses "none").
rates_off() {
  grep -q '"none"' "$1/src/main/java/dev/portcullis/security/throttle/Rate.java" 2>/dev/null \
    && echo PORTCULLIS_THROTTLE_ANON_RATE=none PORTCULLIS_THROTTLE_USER_RATE=none PORTCULLIS_THROTTLE_RATES_REGISTER=none
}
export QUARKUS_LOG_CATEGORY__DEV_PORTCULLIS_DENIALS__LEVEL=WARN
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null
export PORTCULLIS_JWT_SIGNING_KEY="$WORK/jwt.pem" PORTCULLIS_JWT_ACCESS_TOKEN_LIFETIME=1H

url_parameters() {  # side -> "?…" from URL_PARAMETERS_A or URL_PARAMETERS_B, or nothing
  local name="URL_PARAMETERS_${1^^}"
  [ -z "${!name:-}" ] || echo "?${!name}"
}
side_environment() {  # side -> NAME=value… from ENV_A or ENV_B
  local name="ENV_${1^^}"
  echo "${!name:-}"
}
declare -A PORTS=([a]=18181 [b]=18182) PIDS
for side in a b; do
  rev=$A; [ "$side" = b ] && rev=$B
  git worktree add -q --detach "$WORK/$side" "$rev"
  echo "building $side ($(git rev-parse --short "$rev"))…" >&2
  (cd "$WORK/$side" && ./mvnw -q -B -ntp package -DskipTests -Dproduction)
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS portcullis_rab_$side" -c "CREATE DATABASE portcullis_rab_$side" postgres
  # shellcheck disable=SC2046,SC2086
  env $(rates_off "$WORK/$side") $(side_environment "$side") QUARKUS_HTTP_PORT=${PORTS[$side]} QUARKUS_MANAGEMENT_PORT=$(( ${PORTS[$side]} + 100 )) \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/portcullis_rab_$side$(url_parameters "$side")" \
    java $JAVA_OPTS -jar "$WORK/$side/target/quarkus-app/quarkus-run.jar" > "$WORK/$side.log" 2>&1 &
  PIDS[$side]=$!
done
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
declare -A TOKENS JWTS POSTS WRITERS
for side in a b; do
  base="http://127.0.0.1:${PORTS[$side]}"
  until curl -sf "$base/api/public/" >/dev/null; do sleep 0.2; done
  admin=$(curl -sf -X POST "$base/api/token/" -d "username=bench-admin&password=bench-admin-password" | json token)
  curl -sf -X POST "$base/api/admin/users/" -H "Authorization: Token $admin" -H 'Content-Type: application/json' \
       -d '{"username": "bench", "password": "bench-password"}' >/dev/null
  TOKENS[$side]=$(curl -sf -X POST "$base/api/token/" -d "username=bench&password=bench-password" | json token)
  # The POST scenario writes drafts as another user, deleted after each run (forget_drafts).
  curl -sf -X POST "$base/api/admin/users/" -H "Authorization: Token $admin" -H 'Content-Type: application/json' \
       -d '{"username": "bench-writer", "password": "bench-password"}' >/dev/null
  WRITERS[$side]=$(curl -sf -X POST "$base/api/token/" -d "username=bench-writer&password=bench-password" | json token)
  JWTS[$side]=$(curl -sf -X POST "$base/api/jwt/create/" -d "username=bench&password=bench-password" | json access)
  python3 - "${PORTS[$side]}" "${TOKENS[$side]}" "$OBJECTS" <<'PY'
import http.client, json, sys
connection = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]))
for i in range(int(sys.argv[3])):
    body = json.dumps({"title": f"Post {i}", "body": "Lorem ipsum " * 20, "published": i % 4 != 0})
    connection.request("POST", "/api/posts/", body, {"Authorization": "Token " + sys.argv[2], "Content-Type": "application/json"})
    response = connection.getresponse(); response.read()
    assert response.status == 201, response.status
PY
  POSTS[$side]=$(curl -sf "$base/api/posts/" | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['id'])")
  # A page scoped to the user's object grants: its documents, each granted to it as their creator.
  curl -sf -X POST "$base/api/admin/grants/" -H "Authorization: Token $admin" -H 'Content-Type: application/json' \
       -d '{"username": "bench", "permission": "add_document"}' >/dev/null || true
  python3 - "${PORTS[$side]}" "${TOKENS[$side]}" "$OBJECTS" <<'PY'
import http.client, json, sys
connection = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]))
for i in range(int(sys.argv[3])):
    connection.request("POST", "/api/documents/", json.dumps({"title": f"Document {i}", "content": "Lorem ipsum " * 20}),
                       {"Authorization": "Token " + sys.argv[2], "Content-Type": "application/json"})
    response = connection.getresponse(); response.read()
    if response.status != 201:  # a revision without object grants
        break
PY
  if [ "$CROWD" -gt 0 ]; then  # documents the user may not view, each granted to someone else
    psql -q -h 127.0.0.1 -U postgres "portcullis_rab_$side" <<SQL
INSERT INTO users (username, password_hash) VALUES ('bench-crowd', '!');
INSERT INTO documents (title, content) SELECT 'Document ' || g, repeat('Lorem ipsum ', 8) FROM generate_series(1, $CROWD) g;
INSERT INTO object_grants (user_id, model, codename, object_id)
  SELECT u.id, 'document', 'view_document', d.id FROM documents d, users u
  WHERE u.username = 'bench-crowd' AND NOT EXISTS (SELECT 1 FROM object_grants g WHERE g.model = 'document' AND g.object_id = d.id);
VACUUM ANALYZE;
SQL
  fi
done

SCENARIOS=("GET /api/public/ (anonymous)|/api/public/|"
           "GET /api/private/ (Token)|/api/private/|token"
           "GET /api/private/ (JWT)|/api/private/|jwt"
           "GET /api/posts/?limit=20 (anonymous)|/api/posts/?limit=20|"
           "GET /api/posts/{id}/ (Token)|/api/posts/{id}/|token"
           "GET /api/posts/ all $OBJECTS (Token)|/api/posts/|token"
           "GET /api/posts/?limit=20&offset=$(( OBJECTS * 3 / 4 - 10 )) (anonymous, the last 10)|/api/posts/?limit=20&offset=$(( OBJECTS * 3 / 4 - 10 ))|"
           "GET /api/posts/?search=Post+1&limit=20 (anonymous, searched)|/api/posts/?search=Post+1&limit=20|"
           "GET /api/documents/?limit=20 (Token, granted)|/api/documents/?limit=20|token"
           "GET /api/documents/ all $OBJECTS (Token, granted)|/api/documents/|token"
           "GET /api/documents/?limit=20&offset=$(( OBJECTS - 10 )) (Token, granted, the last 10)|/api/documents/?limit=20&offset=$(( OBJECTS - 10 ))|token"
           "POST /api/posts/ (Token, a draft in JSON)|/api/posts/|draft"
           "POST /api/token/ (a sign-in, 2 connections)|/api/token/|sign-in")
cat > "$WORK/draft.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"title": "A draft", "body": "Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "published": false}'
wrk.headers["Content-Type"] = "application/json"
LUA
# A sign-in's password check takes a core for its whole time: two connections keep both cores busy.
cat > "$WORK/sign-in.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "username=bench&password=bench-password"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
LUA
forget_drafts() {  # side: the POST scenario's drafts deleted, so that every page still counts the same rows
  psql -q -h 127.0.0.1 -U postgres "portcullis_rab_$1" \
    -c "DELETE FROM posts WHERE owner_id = (SELECT id FROM users WHERE username = 'bench-writer')" -c 'VACUUM ANALYZE posts'
}
rate() {  # side, path, token, jwt or sign-in? → requests per second, the server's and its database's CPU µs per request
  local side=$1 path=${2//\{id\}/${POSTS[$1]}} options=(-c"$CONNECTIONS") before after
  [ "$3" = token ] && options+=(-H "Authorization: Token ${TOKENS[$1]}")
  [ "$3" = jwt ] && options+=(-H "Authorization: Bearer ${JWTS[$1]}")
  [ "$3" = sign-in ] && options=(-c2 --timeout 10s -s "$WORK/sign-in.lua")
  [ "$3" = draft ] && options+=(-H "Authorization: Token ${WRITERS[$1]}" -s "$WORK/draft.lua")
  wrk -t2 -d1s "${options[@]}" "http://127.0.0.1:${PORTS[$side]}$path" >/dev/null  # warm-up
  before=$(process_ticks "${PIDS[$side]}") database_before=$(database_ticks "portcullis_rab_$side")
  wrk -t2 -d"$DURATION" "${options[@]}" "http://127.0.0.1:${PORTS[$side]}$path" > "$WORK/wrk.out"
  after=$(process_ticks "${PIDS[$side]}") database_after=$(database_ticks "portcullis_rab_$side")
  [ "$3" != draft ] || forget_drafts "$side"
  awk -v ticks=$((after - before)) -v database=$((database_after - database_before)) -v hz="$(getconf CLK_TCK)" \
    '/requests in/ {n = $1} /Requests\/sec/ {rps = $2}
     END {if (!n) {print "0 0 0"; exit}  # nothing answered (a server out of memory, say): a rate of 0, not a crash
          printf "%s %.1f %.1f\n", rps, ticks / hz * 1e6 / n, database / hz * 1e6 / n}' "$WORK/wrk.out"
}
if [ -n "${ONLY:-}" ]; then  # ONLY=regex: just the scenarios whose names match
  mapfile -t SCENARIOS < <(printf '%s\n' "${SCENARIOS[@]}" | grep -E "^[^|]*(${ONLY})")
fi
declare -A RESULTS CPU DATABASE
for round in $(seq 1 "$ROUNDS"); do
  order="a b"; [ $((round % 2)) = 0 ] && order="b a"
  for scenario in "${SCENARIOS[@]}"; do
    IFS='|' read -r name path auth <<< "$scenario"
    for side in $order; do
      read -r rps cpu database < <(rate "$side" "$path" "$auth")
      RESULTS["$name|$side"]+="$rps "
      CPU["$name|$side"]+="$cpu "
      DATABASE["$name|$side"]+="$database "
    done
  done
  echo "round $round of $ROUNDS done" >&2
done
echo "A = $(git rev-parse --short "$A")${ENV_A:+ with $ENV_A}, B = $(git rev-parse --short "$B")${ENV_B:+ with $ENV_B}; $ROUNDS alternating rounds of $DURATION, $CONNECTIONS connections"
printf '| %-38s | %-26s | %-26s | %-5s | %-12s | %-12s | %-16s | %-14s | %-16s |\n' scenario "A req/s, median (min–max)" \
  "B req/s, median (min–max)" "B/A" "A CPU µs/req" "B CPU µs/req" "B/A CPU (spread)" "database µs A/B" \
  "B/A database"
for scenario in "${SCENARIOS[@]}"; do
  IFS='|' read -r name _ _ <<< "$scenario"
  python3 - "$name" "${RESULTS["$name|a"]}" "${RESULTS["$name|b"]}" "${CPU["$name|a"]}" "${CPU["$name|b"]}" \
    "${DATABASE["$name|a"]}" "${DATABASE["$name|b"]}" <<'PY'
import statistics, sys
name = sys.argv[1]
a, b, cpu_a, cpu_b, database_a, database_b = ([float(x) for x in argument.split()] for argument in sys.argv[2:])
# A few requests a second (a sign-in) need their first decimal.
show = lambda xs: ("%.0f (%.0f–%.0f)" if statistics.median(xs) >= 100 else "%.1f (%.1f–%.1f)") % (
    statistics.median(xs), min(xs), max(xs))
# A and B of a round ran next to each other, so the CPU ratio is the median of the rounds' own ratios.
cpu_ratios = [y / x for x, y in zip(cpu_a, cpu_b)]
# The database's CPU: its backends for this side's database (none for an answer that reads nothing).
database_ratios = [y / x for x, y in zip(database_a, database_b) if x > 0 and y > 0]
database_ratio = "%.2f (%.2f–%.2f)" % (statistics.median(database_ratios), min(database_ratios), max(database_ratios)) \
    if database_ratios and statistics.median(database_a) >= 1 else "—"
print("| %-38s | %-26s | %-26s | %.2f  | %-12.1f | %-12.1f | %.2f (%.2f–%.2f) | %-14s | %-16s |" % (
    name, show(a), show(b), statistics.median(b) / statistics.median(a), statistics.median(cpu_a),
    statistics.median(cpu_b), statistics.median(cpu_ratios), min(cpu_ratios), max(cpu_ratios),
    "%.0f / %.0f" % (statistics.median(database_a), statistics.median(database_b)), database_ratio))
PY
done
