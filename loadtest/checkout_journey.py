"""Checkout journey: how long from checkout until the order is visible - basket service, outbox,
EventBridge, SQS, the ordering consumer, DynamoDB - measured by polling the order.
Every iteration is a new customer: add ITEMS (1..3) lines, POST /basket/checkout, then poll
GET <Location of the 202> every POLL_INTERVAL (0.05 s) until 200. The custom metric
`checkout -> order visible` (type JOURNEY in the report) runs from sending the checkout to the first 200.
Arrival rate: RATE journeys/s (2) for HOLD (1m) after a 10 s ramp. Each virtual user starts one journey
every PACING seconds (default 5 s here), so RATE x PACING users; a journey longer than PACING lowers the
achieved rate, which the rate threshold reports.

  BASE_URL=http://127.0.0.1:8080 RATE=5 HOLD=2m loadtest/run.sh checkout-journey

Thresholds: < 1 % failed requests, >= 99 % checks, journey p95 < JOURNEY_P95_MS (3000) and
p99 < JOURNEY_P99_MS (6000) (x THRESHOLD_SCALE), checkout p95 < 800 ms, >= 90 % of the asked-for iterations completed.
"""

import os
import random
import time

os.environ.setdefault("PACING", "5")

from locust import task  # noqa: E402 - PACING must be set before lib.swn reads it

from lib import swn  # noqa: E402

RATE = swn.env_float("RATE", 2)
STAGES = [(10, RATE), (swn.parse_duration(swn.env_str("HOLD", "1m")), RATE)]
swn.install_data_hooks()
swn.install_thresholds(swn.Thresholds(
    http_req_failed=0.01, checks=0.99,
    p95_ms={"POST /basket/checkout": 800 * swn.SCALE, "POST /basket/{user}/items": 500 * swn.SCALE},
    journey_p95_ms=swn.env_float("JOURNEY_P95_MS", 3000) * swn.SCALE,
    journey_p99_ms=swn.env_float("JOURNEY_P99_MS", 6000) * swn.SCALE,
    expected_iterations=swn.expected_iterations(STAGES),
    extra={"shape": {"stages": STAGES}, "poll_interval_s": swn.POLL_INTERVAL},
))


class Customer(swn.FastHttpUser):
    host = swn.BASE_URL

    def on_start(self):
        self.api = swn.Api(self)
        # Users start spread over one pacing period instead of all at once.
        swn.gevent.sleep(random.uniform(0, swn.PACING))
        self.next_start = time.perf_counter()

    def wait_time(self):  # one journey per PACING seconds per user, whatever the journey took
        return max(0.0, self.next_start - time.perf_counter())

    @task
    def journey(self):
        self.next_start = time.perf_counter() + swn.PACING
        user = swn.DATA.new_user()
        for pid in random.sample(swn.DATA.product_ids, k=min(len(swn.DATA.product_ids), random.randint(1, 3))):
            self.api.add_item(user, pid, quantity=random.randint(1, 2))
        started = time.perf_counter()
        accepted = self.api.checkout(user)
        location = accepted.headers.get("Location")
        if accepted.status_code == 202 and location:
            self.api.wait_for_order(location, started)
        swn.iteration_done()


class Shape(swn.RateShape):
    stages = STAGES
