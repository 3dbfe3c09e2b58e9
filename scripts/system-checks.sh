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

# The AOT cache make up trained (scripts/aot-train.sh, the image's recipe) holds the classes of the first
# request, not only those of the context refresh: a start from it, asked once for readiness, loads them
# from the cache. One class each of Tomcat's request processing, the actuator's request path and the AWS
# SDK's call path; a training that exits at the refresh leaves all three out. No AWS: readiness answers 503.
aot_cache_holds_the_first_request() {
  local dir="$root/.run/aot/product-service" java port log pid class missing=0 deadline
  [[ -s "$dir/app.aot" ]] || { echo "no AOT cache at $dir/app.aot (was make up run with FAST_START=0?)"; return 1; }
  java="${JAVA_HOME:-$("$root/scripts/java-home.sh")}/bin/java"
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  log="$(mktemp)"
  AWS_ENDPOINT_URL=http://127.0.0.1:9 AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x \
    SERVER_PORT="$port" "$java" "@$root/jvm.options" "@$root/jvm-local.options" -XX:AOTCache="$dir/app.aot" \
    -Xlog:class+load=info:file="$log" -jar "$dir/app/app.jar" >/dev/null 2>&1 &
  pid=$!
  deadline=$((SECONDS + 120))
  until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/liveness"; do
    kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)) ||
      { echo "product-service did not start"; kill "$pid"; wait "$pid"; rm -f "$log"; return 1; }
    sleep 0.2
  done
  curl -s -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"
  kill -TERM "$pid" && wait "$pid"
  for class in org.apache.coyote.http11.Http11Processor org.springframework.boot.actuate.endpoint.InvocationContext \
    software.amazon.awssdk.core.http.ExecutionContext; do
    grep -q " $class source: shared objects file" "$log" || { grep " $class " "$log" || echo "$class: not loaded"; missing=1; }
  done
  rm -f "$log"
  ((missing == 0))
}
check aot-cache-holds-the-first-request aot_cache_holds_the_first_request

# A training run whose service fails to start fails, and leaves no cache behind: the JVM writes one even
# then (without every bean after the failure), and the image build and make up must stop instead of
# shipping it. The failure here: a setting that does not bind.
aot_training_fails_on_a_failed_start() {
  local dir out status=0
  dir="$(mktemp -d)"
  out="$("$root/scripts/aot-train.sh" "$root/.run/aot/product-service/app/app.jar" "$dir/app.aot" \
    "@$root/jvm.options" "@$root/jvm-local.options" -Dplatform.web.max-request-size=lots 2>&1)" || status=$?
  local left
  left="$(ls -A "$dir")"
  rm -rf "$dir"
  ((status != 0)) || { echo "the training run exited 0"; return 1; }
  [[ -z "$left" ]] || { echo "left behind: $left"; return 1; }
  grep -q 'the service exited before it was live' <<<"$out" || { echo "$out" | tail -n 5; return 1; }
}
check aot-training-fails-on-a-failed-start aot_training_fails_on_a_failed_start

if ((${#failed[@]})); then
  printf '[system-checks] failed: %s\n' "${failed[*]}"
  exit 1
fi
printf '[system-checks] all passed\n'
