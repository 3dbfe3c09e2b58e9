#!/usr/bin/env bash
# Runs one load-test scenario headless against BASE_URL and writes its reports:
#   loadtest/run.sh <smoke|load|stress|spike|soak|checkout-journey> [extra locust options]
# Reports (REPORT_DIR, default .run/loadtest/): <scenario>-<time>.html (locust's HTML report: charts of
# rate, latency percentiles and users over time, plus the per-endpoint table), .json (thresholds and
# per-endpoint percentiles), _stats.csv / _stats_history.csv.
# Exit status: 0 when every threshold of the scenario holds, 1 otherwise (2: usage, 124: time limit).
# Env: BASE_URL (default http://127.0.0.1:8080), the scenario's shape variables (see its docstring),
#      MAX_SECONDS (hard limit for the whole run; default per scenario), LOCUST_LOGLEVEL (WARNING).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

scenario="${1:-}"
case "$scenario" in
  smoke) file=smoke.py default_limit=180 ;;
  load) file=load.py default_limit=1800 ;;
  stress) file=stress.py default_limit=1800 ;;
  spike) file=spike.py default_limit=900 ;;
  soak) file=soak.py default_limit=14400 ;;
  checkout-journey) file=checkout_journey.py default_limit=1800 ;;
  *)
    echo "usage: $0 <smoke|load|stress|spike|soak|checkout-journey> [locust options]" >&2
    exit 2
    ;;
esac
shift

export BASE_URL="${BASE_URL:-http://127.0.0.1:8080}"
export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ in the source tree
case "$BASE_URL" in
  http://127.* | http://localhost* | http://\[::1\]* | https://*) ;;
  *) echo "[loadtest] refusing BASE_URL=$BASE_URL: use a loopback address or an https URL you own" >&2; exit 2 ;;
esac
locust="$("$root/loadtest/install.sh" | tail -n 1)"
report_dir="${REPORT_DIR:-$root/.run/loadtest}"
mkdir -p "$report_dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
base="$report_dir/$scenario-$stamp"
export RUN_ID="${RUN_ID:-lt-$scenario-$(date +%s)}"
export SUMMARY_JSON="$base.json"
limit="${MAX_SECONDS:-$default_limit}"

echo "[loadtest] $scenario against $BASE_URL (run id $RUN_ID, at most ${limit}s)"
status=0
# The smoke test runs one user that ends the run itself; the other scenarios' shapes end theirs.
users=(); [[ "$scenario" == smoke ]] && users=(--users 1 --spawn-rate 1 --run-time "${limit}s")
(cd "$root/loadtest" && timeout --signal=INT --kill-after=30 "$limit" \
  "$locust" -f "$file" --headless --host "$BASE_URL" "${users[@]}" \
  --html "$base.html" --csv "$base" --loglevel "${LOCUST_LOGLEVEL:-WARNING}" \
  --only-summary --stop-timeout 10 "$@") || status=$?
echo "[loadtest] report: ${base#"$root"/}.html  summary: ${base#"$root"/}.json  (exit $status)"
exit "$status"
