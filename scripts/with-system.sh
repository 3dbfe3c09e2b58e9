#!/usr/bin/env bash
# Runs a command against the packaged system, the way `make test` (so CI) needs it on a machine without
# Docker: starts `SKIP_BUILD=1 scripts/up.sh` in the background (moto + provisioning + every service + the
# gateway on their fixed ports), waits until it is ready, runs the command, and always stops the system
# again (trap), whatever happens. The command's exit status is this script's.
#   scripts/with-system.sh <command> [args...]
# Needs the jars that `./mvnw verify` (or package) built. Bounded: START_TIMEOUT (300 s) for start-up,
# STOP_TIMEOUT (30 s) per service for shutdown.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
(($# > 0)) || { echo "usage: $0 <command> [args...]" >&2; exit 2; }
start_timeout="${START_TIMEOUT:-300}"
log_dir="$root/.run/logs"
mkdir -p "$log_dir"
up_log="$log_dir/with-system-up.log"
t0=$SECONDS

say() { printf '[with-system] %s\n' "$*"; }

up_pid=""
stop_system() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n "$up_pid" ]] && kill -0 "$up_pid" 2>/dev/null; then
    say "stopping the system (scripts/up.sh pid $up_pid)"
    kill -TERM "$up_pid" 2>/dev/null || true
    local deadline=$((SECONDS + 120))
    while kill -0 "$up_pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
  fi
  # Whatever is still listed in .run/pids (e.g. up.sh was killed) is stopped here.
  "$root/scripts/down.sh" >/dev/null 2>&1 || true
  say "done in $((SECONDS - t0)) s (exit $status)"
  exit "$status"
}
trap stop_system EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "starting the system: SKIP_BUILD=1 scripts/up.sh (log: .run/logs/with-system-up.log)"
# Empty the log first: the background job truncates it only once it runs, and the wait below must not find
# the `[up] ready:` line of the previous run in the meantime.
: >"$up_log"
SKIP_BUILD=1 START_TIMEOUT="$start_timeout" "$root/scripts/up.sh" >"$up_log" 2>&1 &
up_pid=$!
deadline=$((SECONDS + start_timeout + 60))
until grep -q '^\[up\] ready:' "$up_log" 2>/dev/null; do
  if ! kill -0 "$up_pid" 2>/dev/null; then
    say "scripts/up.sh exited before the system was ready:"
    tail -n 30 "$up_log" >&2
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    say "the system was not ready within $((start_timeout + 60)) s:"
    tail -n 30 "$up_log" >&2
    exit 1
  fi
  sleep 1
done
say "system ready after $((SECONDS - t0)) s; running: $*"
"$@"
