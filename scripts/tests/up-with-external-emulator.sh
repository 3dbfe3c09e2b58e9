#!/usr/bin/env bash
# `AWS_ENDPOINT_URL=http://127.0.0.1:<port> make up` exactly as README's "Other emulators" section says,
# run like a new user with nothing exported but AWS_ENDPOINT_URL (env -i, with the PATH and HOME any login
# shell has), against an emulator started here, outside up.sh: moto on a free port. Passes when every
# service becomes ready and a product makes the round trip through the gateway; fails on "Unable to load
# region" or any other start-up failure, showing the log.
#
#   flock /tmp/swn-fixed-ports.lock scripts/tests/up-with-external-emulator.sh
#
# up.sh binds the fixed ports 8080-8084 and 9000: hold the lock above (or make sure nothing else runs `make up`).
# Needs the packaged jars (`./mvnw -B -DskipTests package` or `make test`'s verify): SKIP_BUILD=1 is the
# one variable added to the new user's environment, so the test does not rebuild. Env: START_TIMEOUT (s, 300).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
log_dir="$root/.run/logs"
mkdir -p "$log_dir"
up_log="$log_dir/up-with-external-emulator.log"
moto_log="$log_dir/external-moto.log"
start_timeout="${START_TIMEOUT:-300}"

say() { printf '[up-external] %s\n' "$*"; }
fail() {
  say "FAIL: $*"
  tail -n 40 "$up_log" >&2 2>/dev/null || true
  exit 1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

moto_pid="" make_pid=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n "$make_pid" ]] && kill -0 "$make_pid" 2>/dev/null; then
    "$root/scripts/down.sh" >/dev/null 2>&1 || true
    wait "$make_pid" 2>/dev/null || true
  fi
  if [[ -n "$moto_pid" ]] && kill -0 "$moto_pid" 2>/dev/null; then
    kill -TERM -- "-$moto_pid" 2>/dev/null || kill -TERM "$moto_pid" 2>/dev/null || true
    wait "$moto_pid" 2>/dev/null || true
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for port in 9000 8080 8081 8082 8083 8084; do
  port_in_use "$port" && fail "port $port is in use: is a 'make up' running? (run under flock /tmp/swn-fixed-ports.lock)"
done

# The emulator, started by someone else than up.sh: moto on a free port, in its own process group.
moto_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
say "starting moto on 127.0.0.1:$moto_port (log: .run/logs/external-moto.log)"
setsid "$root/scripts/moto.sh" --host 127.0.0.1 --port "$moto_port" >"$moto_log" 2>&1 &
moto_pid=$!
deadline=$((SECONDS + 120))
until port_in_use "$moto_port"; do
  kill -0 "$moto_pid" 2>/dev/null || fail "moto exited: $(tail -n 5 "$moto_log")"
  ((SECONDS < deadline)) || fail "moto did not listen within 120 s"
  sleep 0.2
done

endpoint="http://127.0.0.1:$moto_port"
say "running: env -i HOME PATH AWS_ENDPOINT_URL=$endpoint SKIP_BUILD=1 make up (log: .run/logs/up-with-external-emulator.log)"
env -i HOME="$HOME" PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  AWS_ENDPOINT_URL="$endpoint" SKIP_BUILD=1 START_TIMEOUT="$start_timeout" \
  make -C "$root" --no-print-directory up >"$up_log" 2>&1 &
make_pid=$!

deadline=$((SECONDS + start_timeout + 60))
until grep -q '^\[up\] ready:' "$up_log" 2>/dev/null; do
  kill -0 "$make_pid" 2>/dev/null || fail "make up exited before the system was ready"
  ((SECONDS < deadline)) || fail "the system was not ready within $((start_timeout + 60)) s"
  sleep 1
done
say "ready after $SECONDS s"

if grep -qs "Unable to load region" "$up_log" "$log_dir"/*-service*.log "$log_dir"/gateway.log; then
  fail "a service logged 'Unable to load region'"
fi
grep -q "^\[up\]   AWS endpoint *$endpoint\$" "$up_log" || fail "up.sh did not use $endpoint"

# A product through the gateway: written to and read back from the external emulator. Product writes
# need an operator's token, got as the README gets it.
token="$("$root/scripts/token" ops --operator)" || fail "scripts/token ops --operator failed"
created="$(curl -sS --max-time 20 -o /dev/stderr -w '%{http_code} %header{location}' \
  -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' localhost:8080/product \
  -d '{"name":"IPhone X","description":"A phone","imageFile":"iphone.png","price":950.40,"category":"Phone"}' \
  2>/dev/null)"
[[ "${created%% *}" == 201 ]] || fail "POST /product answered ${created%% *}, not 201"
location="${created#* }"
location="${location%$'\r'}"
read_back="$(curl -sS --max-time 20 -o /dev/null -w '%{http_code}' "localhost:8080$location")"
[[ "$read_back" == 200 ]] || fail "GET $location answered $read_back, not 200"
tables="$(curl -sS --max-time 10 -X POST "$endpoint/" -H 'Content-Type: application/x-amz-json-1.0' \
  -H 'X-Amz-Target: DynamoDB_20120810.ListTables' \
  -H 'Authorization: AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x' \
  -d '{}')"
[[ "$tables" == *'"product"'* ]] || fail "the external emulator has no product table: $tables"

say "PASS: make up used the external emulator with local defaults; POST /product 201, GET $location 200"
