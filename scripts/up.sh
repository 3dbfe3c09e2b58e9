#!/usr/bin/env bash
# Runs the whole system locally in the foreground (called by `make up`):
#   build the jars (unless SKIP_BUILD=1), start moto on 127.0.0.1:4566 unless AWS_ENDPOINT_URL is set,
#   provision the resources of local-aws/resources.json, start every service with the image's JVM options
#   (jvm.options, plus jvm-local.options) from its jar extracted with a Java 25 AOT cache (as the image
#   does; both made once per jar in .run/aot/ and reused until the jar or the options change), wait until
#   each is ready, then stay up until Ctrl-C / SIGTERM (or `make down`), which stops everything cleanly.
# Logs: .run/logs/<name>.log   pids: .run/pids/<name>.pid
# Env:  SKIP_BUILD=1, AWS_ENDPOINT_URL (use that emulator instead of starting moto; AWS_REGION defaults to
#       us-east-1 and the credentials to test/test when unset), START_TIMEOUT (s, 120), STOP_TIMEOUT (s, 30),
#       JAVA_OPTS (extra JVM options for every service), FAST_START=0 (plain `java -jar`, no AOT cache)
set -euo pipefail

# The services, in start order: name | module (jar at <module>/target/<module>-0.1.0-SNAPSHOT.jar) | port | health path.
SERVICES=(
  "auth-server|auth-server|9000|/actuator/health/readiness"
  "product-service|product-service|8081|/actuator/health/readiness"
  "basket-service|basket-service|8082|/actuator/health/readiness"
  "ordering-service|ordering-service|8083|/actuator/health/readiness"
  "ordering-service-2|ordering-service|8084|/actuator/health/readiness"
  "gateway|gateway|8080|/actuator/health"
)
readonly VERSION=0.1.0-SNAPSHOT
readonly MOTO_HOST=127.0.0.1 MOTO_PORT=4566

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The image's JVM options, and the heap sizing of a Fargate task (see the two files).
readonly JVM_OPTIONS=("@$root/jvm.options" "@$root/jvm-local.options")
# Children get their own session so a Ctrl-C in the terminal reaches only this script, which then stops
# the services before moto (moto would otherwise exit at once, under the services' feet).
detach=()
if command -v setsid >/dev/null; then detach=(setsid); fi
run_dir="$root/.run"
log_dir="$run_dir/logs"
pid_dir="$run_dir/pids"
start_timeout="${START_TIMEOUT:-120}"
stop_timeout="${STOP_TIMEOUT:-30}"

say() { printf '[up] %s\n' "$*"; }
die() {
  printf '[up] error: %s\n' "$*" >&2
  exit 1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

field() { # field <entry> <index>
  local IFS='|'
  local -a parts
  read -r -a parts <<<"$1"
  printf '%s' "${parts[$2]}"
}

pid_of() { [[ -f "$pid_dir/$1.pid" ]] && cat "$pid_dir/$1.pid"; }

alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

# Stops the services (reverse start order) with SIGTERM so graceful shutdown runs, then moto.
stopping=0
stop_all() {
  ((stopping)) && return 0
  stopping=1
  trap - INT TERM
  local -a pids=()
  local i name pid
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    name="$(field "${SERVICES[i]}" 0)"
    pid="$(pid_of "$name" || true)"
    if alive "$pid"; then
      say "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
  done
  wait_for_exit "$stop_timeout" "${pids[@]}"
  pid="$(pid_of moto || true)"
  if alive "$pid"; then
    say "stopping moto (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    wait_for_exit 5 "$pid"
  fi
  rm -f "$pid_dir"/*.pid "$run_dir/up.pid"
  say "stopped"
}

# wait_for_exit <seconds> <pid>...: waits, then SIGKILLs whatever is still alive.
wait_for_exit() {
  local timeout="$1" deadline pid
  shift
  deadline=$((SECONDS + timeout))
  for pid in "$@"; do
    while alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
    if alive "$pid"; then
      say "pid $pid did not stop within ${timeout}s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
}

start_moto() {
  if port_in_use "$MOTO_PORT"; then
    die "port $MOTO_PORT is already in use: stop what listens there (make down?), or set AWS_ENDPOINT_URL to use it"
  fi
  say "starting moto on $MOTO_HOST:$MOTO_PORT (log: .run/logs/moto.log)"
  "${detach[@]}" "$root/scripts/moto.sh" --host "$MOTO_HOST" --port "$MOTO_PORT" >"$log_dir/moto.log" 2>&1 &
  echo $! >"$pid_dir/moto.pid"
  local deadline=$((SECONDS + start_timeout))
  until port_in_use "$MOTO_PORT"; do
    alive "$(pid_of moto)" || die "moto exited; see .run/logs/moto.log: $(tail -n 5 "$log_dir/moto.log")"
    ((SECONDS < deadline)) || die "moto did not listen on $MOTO_PORT within ${start_timeout}s"
    sleep 0.2
  done
  export AWS_ENDPOINT_URL="http://$MOTO_HOST:$MOTO_PORT"
  # Our own moto never sees real credentials, even if the shell has some.
  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
}

# The local defaults of every emulator run, ours or one started outside (AWS_ENDPOINT_URL): emulators take
# any region and any credentials, and without them the SDK in every service stops with "Unable to load
# region". What the user set (AWS_REGION / AWS_DEFAULT_REGION, keys or AWS_PROFILE) is kept.
local_aws_defaults() {
  if [[ -z "${AWS_REGION:-}" ]]; then
    export AWS_REGION="${AWS_DEFAULT_REGION:-us-east-1}"
  fi
  if [[ -z "${AWS_ACCESS_KEY_ID:-}" && -z "${AWS_PROFILE:-}" ]]; then
    export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
  fi
}

provision() {
  local jar
  jar="$(compgen -G "$root/local-aws/target/local-aws-*-exec.jar" | head -n 1 || true)"
  [[ -n "$jar" ]] || die "local-aws/target/local-aws-*-exec.jar is missing: build first (unset SKIP_BUILD)"
  say "provisioning $AWS_ENDPOINT_URL"
  "$JAVA_HOME/bin/java" -jar "$jar" | sed 's/^/[up]   /'
}

jar_of() { printf '%s/%s/target/%s-%s.jar' "$root" "$1" "$1" "$VERSION"; }
aot_dir() { printf '%s/aot/%s' "$run_dir" "$1"; }

# The fast start-up path of the image (Dockerfile): the jar extracted to a plain class path (app.jar + lib/),
# and a Java 25 AOT cache from the image's own training run (scripts/aot-train.sh: start the service on a
# free port with AWS refused, ask it its health requests, stop it). Made once per jar and JDK (the stamp),
# so the next `make up` of the same build starts from the cache at once; a new jar gets a new cache. A
# failed training run stops `make up` (its cache would lack every bean after the failure).
prepare_fast_start() {
  local module="$1" jar dir stamp
  jar="$(jar_of "$module")" dir="$(aot_dir "$module")"
  [[ -f "$jar" ]] || die "$module: $jar is missing (does $module have a main class yet?)"
  stamp="$(sha256sum "$jar" "$root/jvm.options" "$root/jvm-local.options" "$root/scripts/aot-train.sh" | cut -d' ' -f1 | tr '\n' ' ')$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
  [[ "$(cat "$dir/stamp" 2>/dev/null || true)" == "$stamp" ]] && return 0
  rm -rf "$dir" && mkdir -p "$dir"
  "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$dir/app" --application-filename app.jar \
    >"$log_dir/$module-aot.log" 2>&1 || die "$module: extracting $jar failed; see .run/logs/$module-aot.log"
  "$root/scripts/aot-train.sh" "$dir/app/app.jar" "$dir/app.aot" "${JVM_OPTIONS[@]}" >>"$log_dir/$module-aot.log" 2>&1 ||
    die "$module: the AOT training run failed; see .run/logs/$module-aot.log (FAST_START=0 starts without)"
  echo "$stamp" >"$dir/stamp"
}

# Every module once (ordering runs twice from one cache), two at a time: a training run is CPU-bound. Both
# runs of a pair are waited for, one by one (`wait a b` reports only b's status), before a failure stops
# `make up`, so that no training run is left behind writing into .run/aot/.
prepare_fast_starts() {
  local -A seen=()
  local entry module modules=() pids=() pid i failed=0
  say "preparing the fast start-up (extracted jars + AOT caches in .run/aot/, made once per jar; FAST_START=0 skips)"
  for entry in "${SERVICES[@]}"; do
    module="$(field "$entry" 1)"
    [[ -n "${seen[$module]:-}" ]] || modules+=("$module")
    seen[$module]=1
  done
  for ((i = 0; i < ${#modules[@]}; i += 2)); do
    pids=()
    for module in "${modules[@]:i:2}"; do
      prepare_fast_start "$module" &
      pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
    ((failed == 0)) || die "preparing the fast start-up failed"
  done
}

start_service() {
  local name module port jar run
  name="$(field "$1" 0)" module="$(field "$1" 1)" port="$(field "$1" 2)"
  jar="$(jar_of "$module")"
  [[ -f "$jar" ]] || die "$name: $jar is missing (does $module have a main class yet?)"
  port_in_use "$port" && die "$name: port $port is already in use"
  run=(-jar "$jar")
  if [[ "${FAST_START:-1}" != 0 ]]; then
    run=(-XX:AOTCache="$(aot_dir "$module")/app.aot" -Xlog:aot=error -Xlog:cds=error -jar "$(aot_dir "$module")/app/app.jar")
  fi
  say "starting $name on :$port (log: .run/logs/$name.log)"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  SERVER_PORT="$port" "${detach[@]}" "$JAVA_HOME/bin/java" "${JVM_OPTIONS[@]}" ${JAVA_OPTS:-} "${run[@]}" >"$log_dir/$name.log" 2>&1 &
  echo $! >"$pid_dir/$name.pid"
}

await_ready() {
  local name port path url deadline
  name="$(field "$1" 0)" port="$(field "$1" 2)" path="$(field "$1" 3)"
  url="http://127.0.0.1:$port$path"
  deadline=$((SECONDS + start_timeout))
  until curl -fsS --max-time 2 "$url" 2>/dev/null | grep -q '"status":"UP"'; do
    alive "$(pid_of "$name")" || die "$name exited during start-up; last lines of .run/logs/$name.log:
$(tail -n 20 "$log_dir/$name.log")"
    ((SECONDS < deadline)) || die "$name was not ready at $url within ${start_timeout}s; see .run/logs/$name.log"
    sleep 1
  done
  say "$name is ready"
}

# Stays in the foreground; reports a child that dies; returns when every service is gone.
supervise() {
  local -A reported=()
  local entry name pid status running
  while true; do
    running=0
    for entry in "${SERVICES[@]}" "moto|||"; do
      name="$(field "$entry" 0)"
      pid="$(pid_of "$name" || true)"
      [[ -n "$pid" ]] || continue
      if alive "$pid"; then
        [[ "$name" == moto ]] || running=$((running + 1))
      elif [[ -z "${reported[$name]:-}" ]]; then
        status=0
        wait "$pid" 2>/dev/null || status=$?
        say "$name (pid $pid) exited with status $status; see .run/logs/$name.log"
        reported[$name]=1
      fi
    done
    ((running > 0)) || { say "no service is running any more"; return 1; }
    sleep 2 &
    wait $! || true
  done
}

main() {
  command -v curl >/dev/null || die "curl is required"
  JAVA_HOME="$("$root/scripts/java-home.sh")"
  export JAVA_HOME
  mkdir -p "$log_dir" "$pid_dir"
  if alive "$(cat "$run_dir/up.pid" 2>/dev/null || true)"; then
    die "already running (pid $(cat "$run_dir/up.pid")); run 'make down' first"
  fi
  rm -f "$pid_dir"/*.pid
  echo $$ >"$run_dir/up.pid"
  trap 'stop_all; exit 130' INT
  trap 'stop_all; exit 143' TERM
  trap 'stop_all' EXIT

  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    say "building (./mvnw -B -q -DskipTests package; SKIP_BUILD=1 skips this)"
    (cd "$root" && ./mvnw -B -q -DskipTests package)
  fi
  if [[ -z "${AWS_ENDPOINT_URL:-}" ]]; then
    start_moto
  else
    say "using AWS_ENDPOINT_URL=$AWS_ENDPOINT_URL"
  fi
  local_aws_defaults
  say "region $AWS_REGION; credentials: ${AWS_PROFILE:+profile }${AWS_PROFILE:-access key ${AWS_ACCESS_KEY_ID:0:4}…}"
  provision

  export PRODUCT_SERVICE_URL=http://127.0.0.1:8081
  export BASKET_SERVICE_URL=http://127.0.0.1:8082
  export ORDERING_SERVICE_URL=http://127.0.0.1:8083
  # The local issuer (auth-server): services and gateway trust its tokens; scripts/token asks it for one.
  export AUTH_ISSUER="${AUTH_ISSUER:-http://127.0.0.1:9000}"
  local entry
  if [[ "${FAST_START:-1}" != 0 ]]; then prepare_fast_starts; fi
  for entry in "${SERVICES[@]}"; do start_service "$entry"; done
  for entry in "${SERVICES[@]}"; do await_ready "$entry"; done

  say "ready:"
  for entry in "${SERVICES[@]}"; do
    printf '[up]   %-18s http://127.0.0.1:%s\n' "$(field "$entry" 0)" "$(field "$entry" 2)"
  done
  printf '[up]   %-18s %s\n' "AWS endpoint" "$AWS_ENDPOINT_URL"
  say "tokens: scripts/token alice (a customer), scripts/token ops --operator (an operator)"
  say "logs in .run/logs/; Ctrl-C (or 'make down') stops everything"
  supervise
}

main "$@"
