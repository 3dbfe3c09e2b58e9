#!/usr/bin/env bash
# Installs the pinned load generator (loadtest/requirements.txt) into a project-local virtualenv,
# .tools/locust/ (gitignored). Idempotent: does nothing when that exact version is already there.
# Prints the path of the locust executable on the last line.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.tools/locust"
pinned="$(sed -n 's/^locust==\([^ ]*\).*/\1/p' "$root/loadtest/requirements.txt")"
[[ -n "$pinned" ]] || { echo "[loadtest] no locust==<version> in loadtest/requirements.txt" >&2; exit 1; }

installed=""
if [[ -x "$venv/bin/locust" ]]; then
  installed="$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("locust"))' 2>/dev/null || true)"
fi
if [[ "$installed" != "$pinned" ]]; then
  echo "[loadtest] installing locust $pinned into .tools/locust (was: ${installed:-none})" >&2
  start=$SECONDS
  mkdir -p "$root/.tools"
  # A lock, so two make targets started at once do not build the same virtualenv.
  exec 9>"$root/.tools/.locust.lock"
  flock -w 300 9 || { echo "[loadtest] could not lock .tools/.locust.lock" >&2; exit 1; }
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$root/loadtest/requirements.txt" >&2
  echo "[loadtest] installed in $((SECONDS - start)) s" >&2
fi
echo "$venv/bin/locust"
