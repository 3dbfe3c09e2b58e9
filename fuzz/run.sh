#!/usr/bin/env bash
# Schemathesis against the running system (`make up`, or scripts/with-system.sh as `make test` does):
# each service's own OpenAPI document (/v3/api-docs on 8081-8083), sent to the service directly and through
# the gateway (BASE_URL, default http://127.0.0.1:8080), so the service and the gateway in front of it must
# each answer as the document says (an error the gateway answers first never reaches the service's Tomcat).
# All checks, all phases (examples, coverage, fuzzing, stateful), --continue-on-failure, for each target
# twice: with the fixed seed FUZZ_FIXED_SEED and with a fresh one (FUZZ_SEED, default random); both are
# printed, so any run can be repeated exactly. Exits non-zero on any failure: a 5xx, an error that is not a problem
# document, any answer the document does not allow. Exclusions live in fuzz/schemathesis.toml, each with
# its reason. Reports (JUnit, NDJSON, and a log per run) go to .run/fuzz/.
#   FUZZ_EXAMPLES   cases per operation and phase (default 60; >= 1,000 generated cases per service)
#   FUZZ_SERVICES   which of product, basket, ordering (default: all three)
#   FUZZ_TARGETS    direct and/or gateway (default: both)
#   FUZZ_USER       whose access token every request carries (default ops, the operator: the only role that
#                   may call every operation; a customer's own basket and orders are covered by the e2e suite).
#                   Schemathesis' ignored_auth check also sends each protected operation without it and
#                   expects the documented 401.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
st="$("$root/fuzz/install.sh" | tail -n 1)"
base_url="${BASE_URL:-http://127.0.0.1:8080}"
fixed_seed="${FUZZ_FIXED_SEED:-20261202}"
fresh_seed="${FUZZ_SEED:-$(( (RANDOM << 15) | RANDOM ))}"
examples="${FUZZ_EXAMPLES:-60}"
read -r -a services <<<"${FUZZ_SERVICES:-product basket ordering}"
read -r -a targets <<<"${FUZZ_TARGETS:-direct gateway}"
out="$root/.run/fuzz"
rm -rf "$out"
mkdir -p "$out"
declare -A port=([product]=8081 [basket]=8082 [ordering]=8083)
fuzz_user="${FUZZ_USER:-ops}"
token="$("$root/scripts/token" "$fuzz_user")"

say() { printf '[fuzz] %s\n' "$*"; }
say "schemathesis $("$st" --version | awk '{print $NF}'), targets: ${targets[*]} (gateway: $base_url)"
say "requests carry $fuzz_user's access token (scripts/token $fuzz_user)"
say "seeds: fixed $fixed_seed, fresh $fresh_seed (repeat a run with FUZZ_SEED=$fresh_seed)"
t0=$SECONDS

run() { # run <service> <target> <seed-name> <seed>
  local service="$1" target="$2" name="$3" seed="$4" dir="$out/$1-$2-$3" url="$base_url"
  [[ $target == direct ]] && url="http://127.0.0.1:${port[$service]}"
  mkdir -p "$dir"
  # Run from the report directory: Schemathesis keeps its example database in the working directory.
  (cd "$dir" && "$st" --config-file "$root/fuzz/schemathesis.toml" --no-color run \
    "http://127.0.0.1:${port[$service]}/v3/api-docs" \
    --url "$url" \
    --header "Authorization: Bearer $token" \
    --wait-for-schema 60 \
    --checks all \
    --phases examples,coverage,fuzzing,stateful \
    --continue-on-failure \
    --max-examples "$examples" \
    --seed "$seed" \
    --request-timeout 30 \
    --report junit,ndjson --report-junit-path "$dir/junit.xml" --report-ndjson-path "$dir/events.ndjson" \
    >"$dir/output.txt" 2>&1)
}

status=0
# One target at a time (six Schemathesis processes at once already fill two cores).
for target in "${targets[@]}"; do
  pids=()
  for service in "${services[@]}"; do
    for seed in fixed fresh; do
      value=$fixed_seed
      [[ $seed == fresh ]] && value=$fresh_seed
      run "$service" "$target" "$seed" "$value" &
      pids+=("$!:$service-$target-$seed")
    done
  done
  for entry in "${pids[@]}"; do
    pid="${entry%%:*}" name="${entry#*:}"
    if wait "$pid"; then result=passed; else result=FAILED; status=1; fi
    summary="$(grep -E -o '[0-9]+ generated.*' "$out/$name/output.txt" | tail -n 1 || true)"
    say "$name: $result (test cases: ${summary:-none reported}; log: .run/fuzz/$name/output.txt)"
    if [[ $result != passed ]]; then
      sed -n '/= ERRORS =\|= FAILURES =/,$p' "$out/$name/output.txt" | head -n 300 || true
    fi
  done
done
say "done in $((SECONDS - t0)) s"
exit "$status"
