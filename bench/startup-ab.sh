#!/usr/bin/env bash
# Start-up A/B: the production jar of two revisions (default: the merge base with the previous stop, and HEAD),
# started alternately (A, B, A, B, …) on the machine's PostgreSQL with an existing schema, each timed to its first
# answered request. Prints the median and the spread (min–max) of each, and B/A. Usage:
#   bench/startup-ab.sh [REV_A] [REV_B] [ROUNDS]
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth, as on these machines) and a JDK (BENCH_JAVA, else java on the
# PATH); uses the JVM settings of bench/run.sh, with no AOT cache (so that both sides start alike) unless AOT=1 gives
# each side a cache of its own, as the Kubernetes image has:
#   AOT=1 BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/startup-ab.sh REV_A REV_B 7
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/first-answer.sh
A=${1:-HEAD~1}; B=${2:-HEAD}; ROUNDS=${3:-5}
WORK=$(mktemp -d); PORT=${PORT:-18089}
trap 'kill $(jobs -p) 2>/dev/null || true; git worktree remove --force "$WORK/a" 2>/dev/null; git worktree remove --force "$WORK/b" 2>/dev/null; rm -rf "$WORK"' EXIT
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "needs PostgreSQL on 127.0.0.1:5432" >&2; exit 2; }
JAVA_OPTS=${JAVA_OPTS:--Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
JAVA=${BENCH_JAVA:-java}
export MALLOC_ARENA_MAX=2 QUARKUS_THREAD_POOL_MAX_THREADS=12 QUARKUS_HTTP_PORT=$PORT
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null
export PORTCULLIS_JWT_SIGNING_KEY="$WORK/jwt.pem"
export PORTCULLIS_ALLOWED_HOSTS=localhost,127.0.0.1
# One client address drives the load: the production request rates would answer it 429.
export PORTCULLIS_THROTTLE_ANON_RATE=none PORTCULLIS_THROTTLE_USER_RATE=none PORTCULLIS_THROTTLE_RATES_REGISTER=none

for side in a b; do
  rev=$A; [ "$side" = b ] && rev=$B
  git worktree add -q --detach "$WORK/$side" "$rev"
  echo "building $side ($(git rev-parse --short "$rev"))…" >&2
  (cd "$WORK/$side" && ./mvnw -q -B -ntp package -DskipTests -Dproduction)
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS portcullis_ab_$side" -c "CREATE DATABASE portcullis_ab_$side" postgres
done

start() {  # side [extra JVM options…] → milliseconds to the first answered request
  local side=$1 begin pid elapsed; shift
  begin=$(date +%s%N)
  # shellcheck disable=SC2086
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/portcullis_ab_$side \
    "$JAVA" $JAVA_OPTS "$@" -jar "$WORK/$side/target/quarkus-app/quarkus-run.jar" > "$WORK/$side.log" 2>&1 &
  pid=$!
  await_first_answer "http://127.0.0.1:$PORT/api/public/" "$pid" "$WORK/$side.log"
  elapsed=$(ms_since "$begin")
  [ -z "$TRAINING" ] || for _ in $(seq 1 20); do curl -s -o /dev/null "http://127.0.0.1:$PORT/api/public/"; done
  echo "$elapsed"
  kill $pid; wait $pid 2>/dev/null || true
}

# The first start of each migrates an empty database: not counted. With AOT=1 (BENCH_JAVA a JDK 25 or newer) it is
# also the training run of an AOT cache of the side's own (JEP 483/514/515), which every counted start then uses.
TRAINING=${AOT:-}
CACHE_A=() CACHE_B=()
if [ -n "$TRAINING" ]; then
  CACHE_A=(-XX:AOTCache="$WORK/a.aot") CACHE_B=(-XX:AOTCache="$WORK/b.aot")
  start a -XX:AOTCacheOutput="$WORK/a.aot" >/dev/null; start b -XX:AOTCacheOutput="$WORK/b.aot" >/dev/null
else
  start a >/dev/null; start b >/dev/null
fi
TRAINING=
declare -a TA TB
for ((i = 0; i < ROUNDS; i++)); do
  TA+=("$(start a "${CACHE_A[@]}")"); TB+=("$(start b "${CACHE_B[@]}")")
done
python3 - "${TA[*]}" "${TB[*]}" "$(git rev-parse --short "$A")" "$(git rev-parse --short "$B")" <<'PY'
import statistics, sys
a = [int(x) for x in sys.argv[1].split()]; b = [int(x) for x in sys.argv[2].split()]
ma, mb = statistics.median(a), statistics.median(b)
print(f"A {sys.argv[3]}: median {ma:.0f} ms (min {min(a)}, max {max(a)}) over {len(a)} starts")
print(f"B {sys.argv[4]}: median {mb:.0f} ms (min {min(b)}, max {max(b)}) over {len(b)} starts")
print(f"B/A: {mb / ma:.2f}")
PY
