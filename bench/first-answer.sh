# Sourced by the benchmarks that time a start-up to its first answered request (run.sh, startup-ab.sh,
# startup-steps.sh, image-startup.sh), so that they all time it alike.

# await_first_answer URL PID LOG: polls URL every 20 ms until it answers 2xx; if the server PID stops first, prints
# its LOG and exits.
await_first_answer() {
  until curl -sf "$1" >/dev/null; do
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; exit 1; }
    sleep 0.02
  done
}

# ms_since NANOSECONDS: the milliseconds since that `date +%s%N`.
ms_since() {
  echo $(( ($(date +%s%N) - $1) / 1000000 ))
}
