#!/usr/bin/env bash
# The one AOT training run of a service, for the image (the Dockerfile runs it at build time, mounted from
# the build context) and for `make up` (scripts/up.sh), so that both caches come from the same recipe:
#   scripts/aot-train.sh <app.jar of the extracted layout> <cache to write> [JVM options...]
# Java 25 (JEP 514): the JVM runs the application with -XX:AOTCacheOutput and writes the cache as it exits.
# The run starts the service as it runs (the web server, the outbox relay, the SQS listener containers),
# asks it the health requests that every start is first asked (the readiness probe of make up, the
# benchmark, compose and ECS), then stops it with SIGTERM. The classes those requests load and link (Tomcat,
# the DispatcherServlet, security, the actuator, the SDK's request path) are then in the cache; from a
# training run that exited at the context refresh, product, basket and ordering were ready 0.27-0.39 s
# later (docs/performance.md, seventh pass).
#
# No AWS and no emulator: the endpoint is a closed local port, so every AWS call fails at once (readiness
# answers 503, the listeners and the relay log the refused connections until the stop), and every queue a
# service reads is given as a URL, so that no start-up step asks SQS for a queue's URL (basket and ordering
# would refuse to start without them). The port is a free one, so that a training run beside running
# services (make up's second start, the benchmark) takes none of theirs.
#
# The run fails, and leaves no cache, when the service does not come up or exits before the stop: the JVM
# writes a cache even from a failed start, one that lacks every bean after the failure (basket and ordering
# started 0.2 s and 0.4 s slower from one), so the failure must stop the image build and `make up` instead
# of shipping it.
set -euo pipefail
(($# >= 2)) || { echo "usage: $0 <app.jar> <cache> [JVM options...]" >&2; exit 2; }
app_jar="$1" cache="$2"
shift 2
readonly start_timeout_s=180 paths=(/actuator/health/readiness /actuator/health/liveness /actuator/health)

# A port nothing answers on (bash's /dev/tcp: no other tool needed in the image's JRE stage), from 20000 up
# to the kernel's ephemeral range. A port inside that range may be the local end of an outgoing connection:
# nothing answers on it, yet the service cannot bind it ("Port 48036 was already in use" stopped a CI run's
# make up so).
free_port() {
  local port low=32768
  read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
  ((low > 21000)) || low=32768
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % (low - 20000)))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  echo "$0: found no free port for the training run" >&2
  return 1
}
port="$(free_port)"

rm -f "$cache"
queues=http://127.0.0.1:9/000000000000
env AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=training AWS_SECRET_ACCESS_KEY=training \
  AWS_ENDPOINT_URL=http://127.0.0.1:9 AWS_EC2_METADATA_DISABLED=true SERVER_PORT="$port" \
  BASKET_PRODUCT_EVENTS_QUEUE="$queues/BasketProductEventsQueue" \
  BASKET_REPRICING_QUEUE="$queues/BasketRepricingQueue" \
  ORDER_QUEUE="$queues/OrderQueue" ORDER_DEAD_LETTER_QUEUE="$queues/OrderQueue-dlq" \
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" "$@" -Xlog:aot=error -Xlog:cds=error \
  -XX:AOTCacheOutput="$cache" -jar "$app_jar" &
pid=$!
trap 'kill -KILL "$pid" 2>/dev/null || true' EXIT
fail() {
  echo "$0: $*" >&2
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$cache" "$cache.config"
  exit 1
}

base="http://127.0.0.1:$port"
deadline=$((SECONDS + start_timeout_s))
until curl -fs -o /dev/null --max-time 2 "$base/actuator/health/liveness"; do
  kill -0 "$pid" 2>/dev/null || fail "the service exited before it was live"
  ((SECONDS < deadline)) || fail "the service was not live after ${start_timeout_s}s"
  sleep 0.1
done
# Each path a few times: the first answer takes the cold path, the next ones the path every later probe
# takes. Any status is fine (readiness answers 503 without AWS, the gateway has no readiness group).
for path in "${paths[@]}"; do
  for _ in 1 2 3; do
    curl -s -o /dev/null --max-time 10 -w "training request $path: %{http_code}\n" "$base$path" || true
  done
done

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
trap - EXIT
# 143 is the JVM's status after SIGTERM (128 + 15) once its shutdown hooks ran; the cache is written then.
((status == 143 || status == 0)) || fail "the training run exited with $status"
[[ -s "$cache" ]] || fail "the training run stopped but wrote no cache to $cache"
