#!/usr/bin/env bash
# Stops whatever `make up` started (called by `make down`): asks a running scripts/up.sh to shut down,
# then SIGTERMs every process in .run/pids (services first, moto last), waits, SIGKILLs the rest and
# removes the pid files. Safe to run when nothing runs. Env: STOP_TIMEOUT (s, default 30).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run_dir="$root/.run"
pid_dir="$run_dir/pids"
stop_timeout="${STOP_TIMEOUT:-30}"

say() { printf '[down] %s\n' "$*"; }

alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

# Only signal a pid that still runs what we started (pids get reused).
ours() {
  local cmdline
  cmdline="$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true)"
  [[ "$cmdline" == *java* || "$cmdline" == *moto* || "$cmdline" == *up.sh* ]]
}

# stop <seconds> <pid>...: SIGTERM, wait up to <seconds>, then SIGKILL.
stop() {
  local timeout="$1" deadline pid
  shift
  (($# > 0)) || return 0
  kill -TERM "$@" 2>/dev/null || true
  deadline=$((SECONDS + timeout))
  for pid in "$@"; do
    while alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
    if alive "$pid"; then
      say "pid $pid did not stop within ${timeout}s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}

up_pid="$(cat "$run_dir/up.pid" 2>/dev/null || true)"
if alive "$up_pid" && ours "$up_pid"; then
  say "asking scripts/up.sh (pid $up_pid) to stop everything"
  stop $((stop_timeout + 15)) "$up_pid"
fi
rm -f "$run_dir/up.pid"

services=()
moto=()
shopt -s nullglob
for file in "$pid_dir"/*.pid; do
  pid="$(cat "$file" 2>/dev/null || true)"
  name="$(basename "$file" .pid)"
  if alive "$pid" && ours "$pid"; then
    say "stopping $name (pid $pid)"
    if [[ "$name" == moto ]]; then moto+=("$pid"); else services+=("$pid"); fi
  fi
done
stop "$stop_timeout" "${services[@]}"
stop 5 "${moto[@]}"
rm -f "$pid_dir"/*.pid
say "nothing from 'make up' is running"
