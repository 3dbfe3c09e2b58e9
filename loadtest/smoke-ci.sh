#!/usr/bin/env bash
# The load-test smoke as part of `make test` (so CI, on a fresh machine without Docker):
# installs the load generator if needed, starts the packaged system with `SKIP_BUILD=1 scripts/up.sh`
# in the background (moto + provisioning + every service + the gateway), waits until it is ready, runs
# loadtest/run.sh smoke against the gateway, and always stops the system again (trap), whatever happens.
# Needs the jars that `./mvnw verify` (or package) built. Bounded: START_TIMEOUT (300 s) for start-up,
# SMOKE_MAX_SECONDS (180 s) for the smoke, STOP_TIMEOUT (30 s) per service for shutdown.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
start_timeout="${START_TIMEOUT:-300}"
log_dir="$root/.run/logs"
mkdir -p "$log_dir"
up_log="$log_dir/smoke-up.log"
t0=$SECONDS

say() { printf '[smoke-ci] %s\n' "$*"; }

"$root/loadtest/install.sh" >/dev/null
say "load generator ready after $((SECONDS - t0)) s"

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

say "starting the system: SKIP_BUILD=1 scripts/up.sh (log: .run/logs/smoke-up.log)"
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
say "system ready after $((SECONDS - t0)) s"

BASE_URL=http://127.0.0.1:8080 MAX_SECONDS="${SMOKE_MAX_SECONDS:-180}" "$root/loadtest/run.sh" smoke
