# Sourced by the benchmarks that read CPU time around a run (run.sh, request-ab.sh), so that they all read it alike:
# a process's user + system time from /proc, in clock ticks (`getconf CLK_TCK` a second).

# process_ticks PID: the CPU clock ticks the process has used.
process_ticks() {
  awk '{print $14 + $15}' "/proc/$1/stat"
}

# database_ticks DATABASE: the CPU clock ticks used by the PostgreSQL backends connected to DATABASE now (the
# service's pool keeps its connections open, so a run's backends are there before and after it).
database_ticks() {
  local ticks=0 backend
  for backend in $(pgrep -f "postgres: .* $1 "); do
    ticks=$(( ticks + $(process_ticks "$backend" 2>/dev/null || echo 0) ))  # a backend may have just ended
  done
  echo "$ticks"
}
