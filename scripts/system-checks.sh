#!/usr/bin/env bash
# The checks `make test` runs against the packaged system, one after another, all of them even when one
# fails (the exit status is non-zero if any failed). Started by `scripts/with-system.sh`, which brings the
# system up before and stops it after. Each check reads the gateway at BASE_URL and the services at their
# `make up` ports.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BASE_URL="${BASE_URL:-http://127.0.0.1:8080}"
failed=()

check() { # check <name> <command...>
  local name="$1"
  shift
  printf '[system-checks] %s: %s\n' "$name" "$*"
  local t0=$SECONDS
  if "$@"; then
    printf '[system-checks] %s: passed in %d s\n' "$name" "$((SECONDS - t0))"
  else
    printf '[system-checks] %s: FAILED (exit %d) after %d s\n' "$name" "$?" "$((SECONDS - t0))"
    failed+=("$name")
  fi
}

# The k6 scripts: setup, each scenario once and teardown against the system (type-checked and dry-run, not
# executed by k6; the static checks of k6/ ran before, in `make test`).
check k6-dry-run "$root/k6/verify.sh" --dry-run-only
check openapi-fuzz "$root/fuzz/run.sh"

# Meters are scraped here (and sent to CloudWatch in AWS), never pushed over OTLP: the collector beside each
# task takes traces only. An OTLP meter registry announces itself at start-up, then fails every minute.
no_otlp_meter_registry() {
  local logs=("$root"/.run/logs/{product-service,basket-service,ordering-service,ordering-service-2,gateway}.log)
  ls "${logs[@]}" >/dev/null || return 1
  ! grep -l 'OtlpMeterRegistry' "${logs[@]}"
}
check no-otlp-meter-registry no_otlp_meter_registry

if ((${#failed[@]})); then
  printf '[system-checks] failed: %s\n' "${failed[*]}"
  exit 1
fi
printf '[system-checks] all passed\n'
