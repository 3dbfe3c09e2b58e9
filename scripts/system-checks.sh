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

# Every service runs the code Spring AOT processing generated at build time (jvm.options), as the image does.
spring_aot_mode() {
  local name missing=0
  for name in auth-server product-service basket-service ordering-service ordering-service-2 gateway; do
    grep -q 'Starting AOT-processed' "$root/.run/logs/$name.log" || { echo "$name: not AOT-processed"; missing=1; }
  done
  ((missing == 0))
}
check spring-aot-mode spring_aot_mode

# A switch that the build did not see (here the OTLP exporter's endpoint) stops the service before any bean
# is created, with what to do, instead of running it without traces (platform's AotConditionsCheck).
aot_switch_mismatch_stops_the_start() {
  local java out status=0
  java="${JAVA_HOME:-$("$root/scripts/java-home.sh")}/bin/java"
  out="$(MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT=http://127.0.0.1:9/v1/traces SERVER_PORT=0 \
    timeout 120 "$java" "@$root/jvm.options" "@$root/jvm-local.options" \
    -jar "$root/product-service/target/product-service-0.1.0-SNAPSHOT.jar" 2>&1)" || status=$?
  ((status != 0 && status != 124)) || { echo "exit status $status (124: still running after 120 s)"; return 1; }
  grep -q 'management.opentelemetry.tracing.export.otlp.endpoint is set, but this jar' <<<"$out" ||
    { echo "$out" | tail -n 20; return 1; }
}
check aot-switch-mismatch-stops-the-start aot_switch_mismatch_stops_the_start

if ((${#failed[@]})); then
  printf '[system-checks] failed: %s\n' "${failed[*]}"
  exit 1
fi
printf '[system-checks] all passed\n'
