#!/usr/bin/env bash
# Lambda cold start: target/function.zip (./mvnw package -Dlambda) run as Lambda's Java runtime runs it — AWS's
# runtime client loading the handler from the unpacked zip — against a local Runtime API (bench/lambda_runtime.py),
# timed from the JVM's start to its first answered event (GET /api/public/) and to its first sign-in
# (POST /api/token/: the database and the password hash). Variants, run alternately, ROUNDS times each:
#   jdk17            Java 17 as it is
#   jdk17+appcds     Java 17 with a dynamic AppCDS archive of a training run (-XX:SharedArchiveFile)
#   jdk25            Java 25 as it is
#   jdk25+aot        Java 25 with the AOT cache of a training run (-XX:AOTCache, JEP 483/514/515)
#   jdk25+aot+migration-check   the same, checking the migrations at start-up (WITH_MIGRATION_CHECK=1 only)
#   bare-jdk25+aot   a bare Quarkus function with the same extensions (bench/bare-app.sh), its own AOT
#                    cache, answering GET /bare/public/ (WITH_BARE=1 only)
# The function does not migrate at start-up: the database is migrated once, before the runs.
# Every variant gets the options AWS advises for cold starts (serial GC, C1 only), as JAVA_TOOL_OPTIONS, the one
# way to give the Lambda runtime JVM options. Prints medians and spreads (min–max) in milliseconds.
#
#   bench/lambda-cold-start.sh                 # 5 rounds
#   ROUNDS=9 SKIP_BUILD=1 bench/lambda-cold-start.sh
#   WITH_MIGRATION_CHECK=1 bench/lambda-cold-start.sh
#
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth, as on these machines), python3, and JDKs 17 and 25 (found on the
# PATH or under /usr/lib/jvm; a variant whose JDK is missing is left out).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "needs PostgreSQL on 127.0.0.1:5432" >&2; exit 2; }

java_feature() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }
find_jdk() {  # feature version → a java of exactly that version, or nothing
  local candidate
  for candidate in "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] && [ "$(java_feature "$candidate")" = "$1" ] && { echo "$candidate"; return; }
  done
  true
}
JAVA17=$(find_jdk 17); JAVA25=$(find_jdk 25)

[ -n "${SKIP_BUILD:-}" ] || { echo "Building the function…" >&2; ./mvnw -q -B -ntp package -Dlambda -DskipTests; }
unzip -q target/function.zip -d "$WORK/task"
psql -q -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS portcullis_lambda_bench' \
  -c 'CREATE DATABASE portcullis_lambda_bench' postgres
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/portcullis_lambda_bench
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=
export PORTCULLIS_JWT_SIGNING_KEY="$WORK/jwt.pem"
export PORTCULLIS_BOOTSTRAP_ADMIN_USERNAME=bench-admin PORTCULLIS_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password
export _HANDLER=io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest LAMBDA_TASK_ROOT="$WORK/task"
RUNTIME_CLASSPATH="$PWD/target/lambda-runtime/*"
BASE_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"

event() {  # method path [body] → one payload format 2.0 event
  python3 - "$@" <<'PY'
import json, sys
method, path = sys.argv[1], sys.argv[2]
event = {"version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": "",
         "headers": {"host": "bench.execute-api.local", "x-forwarded-proto": "https", "accept": "application/json"},
         "requestContext": {"http": {"method": method, "path": path, "sourceIp": "203.0.113.9"}},
         "isBase64Encoded": False}
if len(sys.argv) > 3:
    event["headers"]["content-type"] = "application/json"
    event["body"] = sys.argv[3]
print(json.dumps(event))
PY
}
{ echo "["; event GET /api/public/; echo ","
  event POST /api/token/ '{"username": "bench-admin", "password": "bench-admin-password"}'; echo "]"; } > "$WORK/events.json"

run() {  # java, JAVA_TOOL_OPTIONS[, settings as VAR=value...] → one JSON line of bench/lambda_runtime.py
  # (TASK=bare among the settings: the bare function, its own database, its one event)
  local task=task events=events.json setting
  for setting in "${@:3}"; do [ "$setting" = TASK=bare ] && task=bare-task events=bare-events.json; done
  (cd "$WORK/$task" && env "${@:3}" JAVA_TOOL_OPTIONS="$2" python3 "$OLDPWD/bench/lambda_runtime.py" --events "$WORK/$events" \
    --log "$WORK/function.log" -- "$1" -cp "$RUNTIME_CLASSPATH" com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$_HANDLER")
}

# The function does not migrate at start-up: the deployment migrates first, once (here, one run told to migrate).
run "${JAVA25:-$JAVA17}" "$BASE_OPTS" QUARKUS_FLYWAY_MIGRATE_AT_START=true >/dev/null

# A bare function with the same extensions (bench/bare-app.sh), its own database, migrated first as well.
BARE=()
if [ -n "${WITH_BARE:-}" ] && [ -n "$JAVA25" ]; then
  echo "Building the bare function…" >&2
  unzip -q "$(LAMBDA=1 bench/bare-app.sh "$WORK/bare-app")" -d "$WORK/bare-task"
  psql -q -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS portcullis_lambda_bare' \
    -c 'CREATE DATABASE portcullis_lambda_bare' postgres
  BARE=(TASK=bare "QUARKUS_DATASOURCE_JDBC_URL=${QUARKUS_DATASOURCE_JDBC_URL%/*}/portcullis_lambda_bare")
  { echo "["; event GET /bare/public/; echo "]"; } > "$WORK/bare-events.json"
  run "$JAVA25" "$BASE_OPTS" "${BARE[@]}" >/dev/null
fi

variants=()
if [ -n "$JAVA17" ]; then
  echo "Training the AppCDS archive (Java 17)…" >&2
  run "$JAVA17" "$BASE_OPTS -XX:ArchiveClassesAtExit=$WORK/app.jsa" >/dev/null
  variants+=("jdk17|$JAVA17|$BASE_OPTS" "jdk17+appcds|$JAVA17|$BASE_OPTS -XX:SharedArchiveFile=$WORK/app.jsa")
fi
if [ -n "$JAVA25" ]; then
  echo "Training the AOT cache (Java 25)…" >&2
  run "$JAVA25" "$BASE_OPTS -XX:AOTCacheOutput=$WORK/app.aot" >/dev/null
  variants+=("jdk25|$JAVA25|$BASE_OPTS" "jdk25+aot|$JAVA25|$BASE_OPTS -XX:AOTCache=$WORK/app.aot")
  # What a start costs that still checks the migrations (every start did, before the function left them to migrate).
  [ -z "${WITH_MIGRATION_CHECK:-}" ] || variants+=("jdk25+aot+migration-check|$JAVA25|$BASE_OPTS -XX:AOTCache=$WORK/app.aot|QUARKUS_FLYWAY_MIGRATE_AT_START=true")
  if [ ${#BARE[@]} -gt 0 ]; then  # its migrations are checked at start, as its application.properties says
    echo "Training the bare function's AOT cache…" >&2
    run "$JAVA25" "$BASE_OPTS -XX:AOTCacheOutput=$WORK/bare.aot" "${BARE[@]}" QUARKUS_FLYWAY_MIGRATE_AT_START=false >/dev/null
    variants+=("bare-jdk25+aot|$JAVA25|$BASE_OPTS -XX:AOTCache=$WORK/bare.aot|${BARE[*]} QUARKUS_FLYWAY_MIGRATE_AT_START=false")
  fi
fi
[ ${#variants[@]} -gt 0 ] || { echo "no JDK 17 or 25 found" >&2; exit 2; }

: > "$WORK/results"
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!variants[@]}"; do  # a different variant first in each round
    IFS='|' read -r name java opts settings <<< "${variants[$(( (i + round) % ${#variants[@]} ))]}"
    # shellcheck disable=SC2086
    line=$(run "$java" "$opts" $settings)
    echo "round $round $name $line" >&2
    echo "$name $line" >> "$WORK/results"
  done
done

python3 - "$WORK/results" <<'PY'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, result = line.split(" ", 1)
    answers = json.loads(result)["answers"]
    assert all(a["status"] == 200 for a in answers), answers
    rows.setdefault(name, []).append([a["ms"] for a in answers])
def cell(values):
    return "%.0f (%.0f–%.0f)" % (statistics.median(values), min(values), max(values))
print("| variant | first answer, ms: median (min–max) | first sign-in answer, ms | runs |")
print("|---|---|---|---|")
for name, runs in sorted(rows.items(), key=lambda row: (row[0].split("+")[0], "+" in row[0])):
    print("| %s | %s | %s | %d |" % (name, cell([r[0] for r in runs]),
                                     cell([r[1] for r in runs]) if len(runs[0]) > 1 else "–", len(runs)))
PY
