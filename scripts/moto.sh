#!/usr/bin/env bash
# Runs moto (the local AWS emulator) in the foreground through tools/moto/moto_server_fast.py.
#
# Uses the Python on PATH when it can already import moto's server; otherwise creates the
# project-local virtualenv .venv-moto/ once and installs the pinned moto into it.
#
# Usage: scripts/moto.sh [--port N] [--host H]     (defaults: 127.0.0.1:4566)
# Env:   MOTO_PYTHON  an interpreter to try first
set -euo pipefail

readonly MOTO_VERSION=5.2.1
readonly PROBE='import moto, moto.server, flask, flask_cors, werkzeug, jsonpath_ng.ext'

usage() {
  sed -n '2,8s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

die() {
  echo "moto.sh: $*" >&2
  exit 1
}

host=127.0.0.1
port=4566
while (($# > 0)); do
  case "$1" in
    --port) [[ $# -ge 2 ]] || die "--port needs a value"; port="$2"; shift 2 ;;
    --host) [[ $# -ge 2 ]] || die "--host needs a value"; host="$2"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
if ! [[ "$port" =~ ^[0-9]+$ ]] || ((port < 1 || port > 65535)); then
  die "invalid port: $port"
fi

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
wrapper="$repo_root/tools/moto/moto_server_fast.py"
venv="$repo_root/.venv-moto"

can_run_moto() {
  command -v "$1" >/dev/null 2>&1 && "$1" -c "$PROBE" >/dev/null 2>&1
}

create_venv() {
  command -v python3 >/dev/null 2>&1 || die "python3 is required to install moto (apt-get install python3 python3-venv)"
  echo "moto.sh: installing moto[server]==$MOTO_VERSION into $venv" >&2
  python3 -m venv "$venv" || die "could not create $venv (is python3-venv installed?)"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION" >&2 \
    || die "pip install 'moto[server]==$MOTO_VERSION' failed"
}

python=""
for candidate in "${MOTO_PYTHON:-}" python3 python; do
  if [[ -n "$candidate" ]] && can_run_moto "$candidate"; then
    python="$candidate"
    break
  fi
done

if [[ -z "$python" ]]; then
  if ! can_run_moto "$venv/bin/python"; then
    # Several test JVMs may start moto at the same time: only one of them installs.
    mkdir -p "$repo_root/.run"
    exec 9>"$repo_root/.run/venv-moto.lock"
    flock 9 2>/dev/null || true
    can_run_moto "$venv/bin/python" || { rm -rf "$venv"; create_venv; }
    exec 9>&-
  fi
  python="$venv/bin/python"
fi

installed="$("$python" -c 'import moto; print(moto.__version__)')"
if [[ "$installed" != "$MOTO_VERSION" ]]; then
  echo "moto.sh: warning: using moto $installed from $python (the project pins $MOTO_VERSION)" >&2
fi

exec "$python" "$wrapper" -H "$host" -p "$port"
