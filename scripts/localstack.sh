#!/usr/bin/env bash
# LocalStack 4.14.0 on the host, without Docker: SQS and EventBridge are LocalStack's own; DynamoDB is
# answered by the moto fork bundled in LocalStack (tools/localstack/dynamodb-moto), because LocalStack's default
# DynamoDB provider downloads Amazon's DynamoDB Local at run time.
#
# Usage: scripts/localstack.sh run   [--port N] [--dir D]  in the foreground (the tests use this)
#        scripts/localstack.sh start [--port N]            in the background for `make up`: waits until healthy;
#                                                          log .run/logs/localstack.log, pid .run/localstack.pid
#        scripts/localstack.sh stop                        stops what `start` started (safe when nothing runs)
#        scripts/localstack.sh env   [--port N]            prints the export lines for `make up` / the tests
#        scripts/localstack.sh venv                        creates the virtualenv if needed, prints its python
# Defaults: port 4566 on 127.0.0.1; D (state, temp files, caches) .run/localstack-<port>.
# Env:   LOCALSTACK_PYTHON  a Python 3.13 to build the virtualenv with (else python3.13 on PATH, else pyenv's)
#        LOCALSTACK_VENV    where the virtualenv lives (default: a per-user cache, see below)
set -euo pipefail

readonly LOCALSTACK_VERSION=4.14.0
readonly HOST=127.0.0.1

usage() {
  sed -n '2,15s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

die() {
  echo "localstack.sh: $*" >&2
  exit 1
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/tools/localstack"
constraints="$tools/constraints.txt"
plugin="$tools/dynamodb-moto"

command="${1:-}"
[[ -n "$command" ]] || { usage >&2; die "no command given"; }
shift
port=4566
dir=""
while (($# > 0)); do
  case "$1" in
    --port) [[ $# -ge 2 ]] || die "--port needs a value"; port="$2"; shift 2 ;;
    --dir) [[ $# -ge 2 ]] || die "--dir needs a value"; dir="$2"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
if ! [[ "$port" =~ ^[0-9]+$ ]] || ((port < 1 || port > 65535)); then
  die "invalid port: $port"
fi
endpoint="http://$HOST:$port"
run_dir="$root/.run"

# The virtualenv (~500 MB, about a minute to install) is cached per user, not per clone: CI starts from a fresh
# clone on the same machine every run, and each worktree would otherwise build its own. The key is the hash of
# everything that goes into it (pinned dependencies, our provider plugin, this install recipe), so a change to any
# of them builds a new one next to the old, and clones on different commits never share a wrong one.
venv_key() {
  {
    cat "$constraints"
    cat "$plugin/pyproject.toml" "$plugin"/swn_localstack_dynamodb/*.py
    sed -n '/^install_venv()/,/^}/p' "${BASH_SOURCE[0]}"
  } | sha256sum | cut -c1-16
}
venv="${LOCALSTACK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/swn-shop/localstack-$LOCALSTACK_VERSION-$(venv_key)}"

# LocalStack 4.14.0 needs Python 3.13 (3.11 fails with syntax errors, 3.12.1 with an import error).
find_python() {
  local candidate
  local -a candidates=()
  [[ -n "${LOCALSTACK_PYTHON:-}" ]] && candidates+=("$LOCALSTACK_PYTHON")
  candidates+=(python3.13)
  if command -v pyenv >/dev/null 2>&1; then
    candidates+=("$(pyenv root)"/versions/3.13*/bin/python3.13)
  fi
  for candidate in "${candidates[@]}"; do
    # pyenv's shim is on PATH even when 3.13 is not the active version; only running it tells.
    if "$candidate" -c 'import sys, venv; sys.exit(sys.version_info[:2] != (3, 13))' >/dev/null 2>&1; then
      command -v "$candidate"
      return 0
    fi
  done
  die "LocalStack $LOCALSTACK_VERSION needs Python 3.13 and none was found (tried: ${candidates[*]}). Install it" \
    "(e.g. 'pyenv install 3.13', or your distribution's python3.13 with its venv module) or set LOCALSTACK_PYTHON."
}

install_venv() {
  local python="$1"
  echo "localstack.sh: installing localstack-core[runtime]==$LOCALSTACK_VERSION into $venv (once; about a minute)" >&2
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -c "$constraints" \
    "localstack-core[runtime]==$LOCALSTACK_VERSION" >&2
  # setuptools is in the virtualenv now (pinned): build the plugin with it, offline, from a copy, so that the
  # build leaves nothing behind in the clone.
  local copy
  copy="$(mktemp -d)"
  cp -R "$plugin" "$copy/"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --no-build-isolation \
    "$copy/$(basename "$plugin")" >&2 || { rm -rf "$copy"; return 1; }
  rm -rf "$copy"
  touch "$venv/.complete"
}

ensure_venv() {
  [[ -f "$venv/.complete" ]] && return 0
  mkdir -p "$(dirname "$venv")"
  # Several test JVMs may start LocalStack at once: only one of them installs.
  exec 8>"$venv.lock"
  flock -w 600 8 || die "could not lock $venv.lock"
  if [[ ! -f "$venv/.complete" ]]; then
    local start=$SECONDS python
    python="$(find_python)" || exit 1
    install_venv "$python" || { rm -rf "$venv"; die "installing LocalStack into $venv failed"; }
    echo "localstack.sh: installed in $((SECONDS - start)) s" >&2
  fi
  exec 8>&-
}

healthy() {
  curl -sf --max-time 2 "$endpoint/_localstack/health" 2>/dev/null | grep -q '"sqs": "running"'
}

# Runs LocalStack in the foreground, as an `exec` so that stopping this process stops LocalStack.
run() {
  ensure_venv
  dir="${dir:-$run_dir/localstack-$port}"
  mkdir -p "$dir/tmp" "$dir/cache"
  dir="$(cd "$dir" && pwd)"
  # Everything LocalStack writes stays under $dir: FILESYSTEM_ROOT for its state, TMPDIR for temp files,
  # XDG_CACHE_HOME for plux's entry-point cache. OVERRIDE_IN_DOCKER=0: this machine looks like a container
  # to LocalStack, which would otherwise write under /var/lib and /etc. DNS_ADDRESS=0: no DNS server on :53.
  # GATEWAY_SERVER=hypercorn: the default server binds every interface whatever GATEWAY_LISTEN says.
  # SQS_ENDPOINT_STRATEGY=dynamic: queue URLs carry the host and port the client called, as in the container.
  exec env \
    SERVICES=dynamodb,sqs,events \
    PROVIDER_OVERRIDE_DYNAMODB=moto \
    EAGER_SERVICE_LOADING=1 \
    SQS_ENDPOINT_STRATEGY=dynamic \
    GATEWAY_LISTEN="$HOST:$port" \
    LOCALSTACK_HOST="$HOST:$port" \
    GATEWAY_SERVER=hypercorn \
    DNS_ADDRESS=0 \
    OVERRIDE_IN_DOCKER=0 \
    SKIP_SSL_CERT_DOWNLOAD=1 \
    DISABLE_EVENTS=1 \
    FILESYSTEM_ROOT="$dir/fs" \
    TMPDIR="$dir/tmp" \
    XDG_CACHE_HOME="$dir/cache" \
    "$venv/bin/python" -m localstack.runtime.main
}

# Not in .run/pids/: `make up` / `make down` stop (and clear) whatever is listed there, and LocalStack is
# started and stopped on its own, outside them.
pid_file="$run_dir/localstack.pid"

start() {
  ensure_venv
  if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    die "already running (pid $(cat "$pid_file")); scripts/localstack.sh stop first"
  fi
  (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null && die "port $port is taken; stop what runs there or use --port"
  mkdir -p "$run_dir/logs"
  local log="$run_dir/logs/localstack.log"
  # setsid: its own session, so a Ctrl-C in this terminal later does not reach it.
  setsid "${BASH_SOURCE[0]}" run --port "$port" ${dir:+--dir "$dir"} >"$log" 2>&1 </dev/null &
  echo $! >"$pid_file"
  local waited=0
  until healthy; do
    kill -0 "$(cat "$pid_file")" 2>/dev/null || { tail -20 "$log" >&2; rm -f "$pid_file"; die "LocalStack exited; log: $log"; }
    ((waited++ < 120)) || { stop; die "LocalStack not healthy after 60 s; log: $log"; }
    sleep 0.5
  done
  echo "localstack.sh: LocalStack $LOCALSTACK_VERSION healthy on $endpoint (pid $(cat "$pid_file"), log $log)" >&2
  echo "localstack.sh: use it with:  eval \"\$(scripts/localstack.sh env --port $port)\"; make up   and stop it with: scripts/localstack.sh stop" >&2
}

stop() {
  [[ -f "$pid_file" ]] || { echo "localstack.sh: not running" >&2; return 0; }
  local pid
  pid="$(cat "$pid_file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 40; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    echo "localstack.sh: stopped (pid $pid)" >&2
  fi
  rm -f "$pid_file"
}

case "$command" in
  run) run ;;
  start) start ;;
  stop) stop ;;
  env)
    printf 'export AWS_ENDPOINT_URL=%s AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test TEST_EMULATOR=localstack\n' "$endpoint"
    ;;
  venv) ensure_venv; echo "$venv/bin/python" ;;
  *) usage >&2; die "unknown command: $command" ;;
esac
