#!/usr/bin/env bash
# Installs the pinned fuzzer (fuzz/requirements.txt) into a project-local virtualenv, .tools/schemathesis/
# (gitignored). Idempotent: does nothing when that exact version is already there. Prints the path of the
# schemathesis executable on the last line.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.tools/schemathesis"
pinned="$(sed -n 's/^schemathesis==\([^ ]*\).*/\1/p' "$root/fuzz/requirements.txt")"
[[ -n "$pinned" ]] || { echo "[fuzz] no schemathesis==<version> in fuzz/requirements.txt" >&2; exit 1; }

version() { "$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("schemathesis"))' 2>/dev/null || true; }
installed=""
[[ -x "$venv/bin/schemathesis" ]] && installed="$(version)"
if [[ "$installed" != "$pinned" ]]; then
  mkdir -p "$root/.tools"
  # A lock, so two runs started at once do not build the same virtualenv.
  exec 9>"$root/.tools/.schemathesis.lock"
  flock -w 300 9 || { echo "[fuzz] could not lock .tools/.schemathesis.lock" >&2; exit 1; }
  installed=""
  [[ -x "$venv/bin/schemathesis" ]] && installed="$(version)"
  if [[ "$installed" != "$pinned" ]]; then
    echo "[fuzz] installing schemathesis $pinned into .tools/schemathesis (was: ${installed:-none})" >&2
    start=$SECONDS
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$root/fuzz/requirements.txt" >&2
    echo "[fuzz] installed in $((SECONDS - start)) s" >&2
  fi
fi
echo "$venv/bin/schemathesis"
