#!/usr/bin/env bash
# Smoke test of a deployed stack through the public HTTP API: creates a product, reads it, fills a basket,
# checks it out and waits for the order the ordering service makes from the CheckoutBasket event. Exits
# non-zero at the first unexpected answer. Leaves the product and the order behind (ids are printed).
#
# Usage: infra-cdk/scripts/smoke.sh API_URL     (the ApiUrl output, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/)
# Env:   SMOKE_USER  the customer's user name in the pool (required)   SMOKE_WAIT  seconds to wait for the order (default 60)
#        SMOKE_TOKEN, SMOKE_OPERATOR_TOKEN  access tokens of that customer and of an operator
#        (infra-cdk/scripts/cognito-token.sh; infra-cdk/README.md, Users and tokens)
set -euo pipefail

die() {
  echo "smoke: FAIL: $*" >&2
  exit 1
}

(($# == 1)) || die "usage: $0 API_URL"
api="${1%/}"
user="${SMOKE_USER:?set SMOKE_USER, SMOKE_TOKEN and SMOKE_OPERATOR_TOKEN (infra-cdk/README.md)}"
customer=(-H "Authorization: Bearer ${SMOKE_TOKEN:?set SMOKE_TOKEN}")
operator=(-H "Authorization: Bearer ${SMOKE_OPERATOR_TOKEN:?set SMOKE_OPERATOR_TOKEN}")
wait_seconds="${SMOKE_WAIT:-60}"
body="$(mktemp)"
trap 'rm -f "$body"' EXIT

# request METHOD PATH EXPECTED_STATUS [curl args...]: prints the body, fails on another status.
request() {
  local method="$1" path="$2" expected="$3" status
  shift 3
  status="$(curl -sS -o "$body" -w '%{http_code}' -X "$method" "$api$path" "$@")" || die "$method $path: no answer"
  [[ "$status" == "$expected" ]] || die "$method $path: HTTP $status, expected $expected: $(head -c 500 "$body")"
  echo "smoke: $method $path -> $status" >&2
  cat "$body"
}

json=(-H 'Content-Type: application/json')
request POST /product 401 "${json[@]}" -d '{}' >/dev/null   # the authorizer refuses a missing token
product="$(request POST /product 201 "${json[@]}" "${operator[@]}" \
  -d '{"name":"Smoke lamp","description":"Smoke test","imageFile":"lamp.png","price":19.90,"category":"Smoke"}')"
product_id="$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"$product")"
[[ -n "$product_id" ]] || die "no id in $product"
request GET "/product/$product_id" 200 >/dev/null
request GET "/product?category=Smoke&limit=5" 200 >/dev/null
request POST "/basket/$user/items" 200 "${json[@]}" "${customer[@]}" -d "{\"productId\":\"$product_id\",\"quantity\":2}" >/dev/null
request GET "/basket/$user" 200 "${customer[@]}" >/dev/null
key="smoke-$(cat /proc/sys/kernel/random/uuid 2>/dev/null || echo "$RANDOM$RANDOM$RANDOM")"
checkout="$(request POST /basket/checkout 202 "${json[@]}" "${customer[@]}" -H "Idempotency-Key: $key" \
  -d "{\"firstName\":\"Smoke\",\"lastName\":\"Test\",\"email\":\"smoke@example.com\",\"address\":\"1 Test Road\",\"paymentMethod\":\"CARD\"}")"
order_id="$(sed -n 's/.*"orderId":"\([^"]*\)".*/\1/p' <<<"$checkout")"
[[ -n "$order_id" ]] || die "no orderId in $checkout"

deadline=$((SECONDS + wait_seconds))
until status="$(curl -sS -o "$body" -w '%{http_code}' "${customer[@]}" "$api/order/$user/$order_id")" && [[ "$status" == 200 ]]; do
  ((SECONDS < deadline)) || die "order $order_id did not appear within ${wait_seconds}s (last HTTP $status)"
  sleep 2
done
echo "smoke: GET /order/$user/$order_id -> 200" >&2
request GET /nowhere 404 >/dev/null
echo "smoke: OK (product $product_id, user $user, order $order_id)"
