"""Smoke: every endpoint once, with checks, in seconds. One virtual user, one iteration, then the run ends.

  BASE_URL=http://127.0.0.1:8080 loadtest/run.sh smoke

Thresholds: no failed request, every check passes, every endpoint answered, each within SMOKE_MAX_MS
(default 5000 ms: the services may be cold), the order visible within SMOKE_JOURNEY_MAX_MS (20000 ms).
"""

import time
import uuid

from locust import FastHttpUser, constant, task

from lib import swn

swn.install_data_hooks(products=2)

MAX_MS = swn.env_float("SMOKE_MAX_MS", 5000)
ENDPOINTS = [
    "GET /product", "POST /product", "GET /product/{id}", "GET /product/{id} (If-None-Match)", "PUT /product/{id}",
    "GET /product?category", "PUT /basket/{user}", "GET /basket/{user}", "POST /basket/{user}/items",
    "PATCH /basket/{user}/items/{id}", "DELETE /basket/{user}/items/{id}", "GET /basket", "POST /basket/checkout",
    "GET /order/{user}/{id} (poll)", "GET /order/{user}", "GET /order", "POST /order/{user}/{id}/cancel",
    "DELETE /basket/{user}", "DELETE /product/{id}",
]
swn.install_thresholds(swn.Thresholds(
    http_req_failed=0.0001,
    checks=1.0,
    p99_ms={name: MAX_MS for name in ENDPOINTS if name != "GET /order/{user}/{id} (poll)"},
    min_requests={name: 1 for name in ENDPOINTS},
    journey_p99_ms=swn.env_float("SMOKE_JOURNEY_MAX_MS", 20000),
))


class SmokeUser(FastHttpUser):
    host = swn.BASE_URL
    wait_time = constant(0)

    @task
    def every_endpoint_once(self):
        api = swn.Api(self)
        first, second = swn.DATA.product_ids[0], swn.DATA.product_ids[1]
        # Product API
        api.list_products()
        created = api.create_product(99)
        pid = swn.body(created).get("id", "missing")
        read = api.get_product(pid)
        etag = read.headers.get("ETag") or '"0"'
        api.get_product(pid, etag=etag)
        api.update_product(pid, etag, 99, 12.34)
        api.list_products(category=swn.DATA.category)
        # Basket API
        user = swn.DATA.new_user()
        api.put_basket(user, [{"productId": first, "quantity": 1, "color": "red"}])
        api.get_basket(user)
        api.add_item(user, second, quantity=2)
        api.patch_item(user, second, 3)
        api.delete_item(user, second)
        api.list_baskets()
        # Checkout -> order
        started = time.perf_counter()
        accepted = api.checkout(user)
        location = accepted.headers.get("Location") or f"/order/{user}/{uuid.uuid4()}"
        api.wait_for_order(location, started)
        api.list_orders(user)
        api.list_orders()
        api.cancel_order(location)
        # Clean-up endpoints
        other = swn.DATA.new_user()
        api.put_basket(other, [{"productId": first, "quantity": 1}])
        api.delete_basket(other)
        api.delete_product(pid)
        swn.iteration_done()
        swn.quit_soon(self.environment)
