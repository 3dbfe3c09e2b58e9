#!/usr/bin/env bash
# The one AOT training run of a service, for the image (the Dockerfile runs it at build time, mounted from
# the build context) and for `make up` (scripts/up.sh), so that both caches come from the same recipe:
#   scripts/aot-train.sh <app.jar of the extracted layout> <cache to write> [JVM options...]
# Java 25 (JEP 514): the JVM runs the application with -XX:AOTCacheOutput and writes the cache as it exits.
# Spring creates every bean and exits right after the context refresh (spring.context.exit=onRefresh),
# before any lifecycle bean starts: no port, no outbox relay, no SQS listener container.
#
# No AWS and no emulator: the endpoint is a closed local port, and every queue a service reads is given as
# a URL, so that no constructor asks SQS for a queue's URL (basket and ordering resolve theirs at start-up
# and refuse to start without them). A failed refresh still leaves a cache behind, one without the beans
# after the failure: the exit status is the training run's, so a failure stops the image build and `make
# up` instead of shipping that cache (basket and ordering started 0.2 s and 0.4 s slower from theirs).
set -euo pipefail
(($# >= 2)) || { echo "usage: $0 <app.jar> <cache> [JVM options...]" >&2; exit 2; }
app_jar="$1" cache="$2"
shift 2

queues=http://127.0.0.1:9/000000000000
env AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=training AWS_SECRET_ACCESS_KEY=training \
  AWS_ENDPOINT_URL=http://127.0.0.1:9 AWS_EC2_METADATA_DISABLED=true \
  BASKET_PRODUCT_EVENTS_QUEUE="$queues/BasketProductEventsQueue" \
  BASKET_REPRICING_QUEUE="$queues/BasketRepricingQueue" \
  ORDER_QUEUE="$queues/OrderQueue" ORDER_DEAD_LETTER_QUEUE="$queues/OrderQueue-dlq" \
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" "$@" -Xlog:aot=error -Xlog:cds=error \
  -XX:AOTCacheOutput="$cache" -Dspring.context.exit=onRefresh -jar "$app_jar"
[[ -s "$cache" ]] || { echo "$0: the training run exited 0 but wrote no cache to $cache" >&2; exit 1; }
