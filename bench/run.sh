#!/usr/bin/env bash
# make bench: builds the benchmark driver (bench/, Go standard library only) into .tools/bin/ and runs it
# from the repository root. Needs the packaged jars (./mvnw -DskipTests package) and Go.
#   bench/run.sh [driver options]      e.g. bench/run.sh -reps 3 -n 2000      (bench/run.sh -h lists them)
#   AWS_ENDPOINT_URL=http://127.0.0.1:4566 bench/run.sh -label "Floci 1.7.0"   (any emulator; default: moto)
# Writes .run/bench/<UTC time>/report.md and report.json (and logs/). Only loopback addresses are used.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v go >/dev/null || { echo "[bench] Go is required (go build of bench/)" >&2; exit 1; }
case "${AWS_ENDPOINT_URL:-http://127.0.0.1}" in
  http://127.* | http://localhost*) ;;
  *) echo "[bench] refusing AWS_ENDPOINT_URL=$AWS_ENDPOINT_URL: the benchmark runs against a local emulator only" >&2; exit 2 ;;
esac
mkdir -p .tools/bin
(cd bench && go build -o "$root/.tools/bin/swn-bench" .)
# The command as typed again, quoted (printf %q) so that a report's command runs as shown.
BENCH_COMMAND="${BENCH_COMMAND:-$( [[ -n "${AWS_ENDPOINT_URL:-}" ]] && printf 'AWS_ENDPOINT_URL=%s ' "$AWS_ENDPOINT_URL")bench/run.sh$( (($# == 0)) || printf ' %q' "$@")}" \
  SWN_ROOT="$root" exec "$root/.tools/bin/swn-bench" "$@"
