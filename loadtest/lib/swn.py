"""Shared helpers of the load-test suite: configuration from the environment, the API calls, test data
set-up and tear-down, load shapes, the checkout -> order visible metric and the thresholds that make a
run pass or fail by itself.

Every scenario (loadtest/*.py) imports this module; nothing here is specific to one scenario.
Environment (all optional):
  BASE_URL        target, e.g. http://127.0.0.1:8080 (the gateway) or a deployed HTTP API URL
  RUN_ID          prefix of every name this run creates (default: lt-<epoch seconds>)
  PRODUCTS        products created in setup and deleted in teardown (default 10)
  PACING          seconds one virtual user spends per iteration (default 1.0); see RateShape
  RATE, RAMP, HOLD, STAGES, ...  the load shape, per scenario (see each scenario's docstring)
  POLL_INTERVAL   seconds between two polls of an order (default 0.05)
  POLL_TIMEOUT    seconds after which an order that is not visible counts as a failure (default 30)
  SUMMARY_JSON    where to write the machine-readable summary (default: none; run.sh sets it)
"""

from __future__ import annotations

import json
import math
import os
import random
import threading
import time
import uuid
from dataclasses import dataclass, field

import gevent
import requests
from locust import FastHttpUser, LoadTestShape, events
from locust.exception import StopUser

# ----------------------------------------------------------------------------------------------------
# Configuration


def env_str(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value if value else default


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    try:
        return float(value) if value else default
    except ValueError as exc:
        raise SystemExit(f"{name}={value!r} is not a number") from exc


def env_int(name: str, default: int) -> int:
    return int(env_float(name, default))


BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8080").rstrip("/")
RUN_ID = env_str("RUN_ID", f"lt-{int(time.time())}")
PACING = env_float("PACING", 1.0)
POLL_INTERVAL = env_float("POLL_INTERVAL", 0.05)
POLL_TIMEOUT = env_float("POLL_TIMEOUT", 30.0)
JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}
PAYMENT_METHODS = ("CARD", "INVOICE", "PAYPAL", "CASH_ON_DELIVERY")

# ----------------------------------------------------------------------------------------------------
# Test data: created once before the virtual users start, removed after they stop.


@dataclass
class TestData:
    category: str = f"{RUN_ID}-cat"
    product_ids: list[str] = field(default_factory=list)
    users: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def product(self) -> str:
        return random.choice(self.product_ids)

    def new_user(self) -> str:
        name = f"{RUN_ID}-{uuid.uuid4().hex[:12]}"
        with self.lock:
            self.users.add(name)
        return name


DATA = TestData()
SETUP = {"error": None, "started": False}


def product_body(index: int, price: float | None = None) -> dict:
    return {
        "name": f"Load test product {index}",
        "description": f"Created by load test run {RUN_ID}",
        "imageFile": f"product-{index}.png",
        "price": price if price is not None else round(random.uniform(5, 500), 2),
        "category": DATA.category,
    }


def setup_data(count: int) -> None:
    """Creates `count` products through the API under test (the same path the users take)."""
    session = requests.Session()
    for i in range(count):
        resp = session.post(f"{BASE_URL}/product", json=product_body(i), headers=JSON_HEADERS, timeout=30)
        if resp.status_code != 201:
            raise RuntimeError(f"POST /product answered {resp.status_code}: {resp.text[:300]}")
        DATA.product_ids.append(resp.json()["id"])
    print(f"[setup] {count} products in category {DATA.category} at {BASE_URL}", flush=True)


def teardown_data() -> None:
    """Deletes what setup and the users created (baskets left over, the products). Orders stay: the
    API has no delete for them, by design; their user names start with RUN_ID."""
    session = requests.Session()
    deleted_baskets = 0
    for user in sorted(DATA.users):
        resp = session.delete(f"{BASE_URL}/basket/{user}", timeout=30)
        deleted_baskets += resp.status_code == 204
    for pid in DATA.product_ids:
        session.delete(f"{BASE_URL}/product/{pid}", timeout=30)
    print(
        f"[teardown] deleted {len(DATA.product_ids)} products and {deleted_baskets} baskets "
        f"(of {len(DATA.users)} users); orders of users {RUN_ID}-* remain",
        flush=True,
    )


def install_data_hooks(products: int | None = None) -> None:
    """setup() / teardown() of a scenario: runs once per run, on the master or the only process."""
    count = products if products is not None else env_int("PRODUCTS", 10)

    @events.test_start.add_listener
    def _setup(environment, **_kw):
        # test_start can fire more than once in a run (locust restarts a stopped shape); set up once.
        if not is_worker(environment) and not SETUP["started"]:
            SETUP["started"] = True
            try:
                setup_data(count)
            except Exception as exc:  # noqa: BLE001 - any set-up failure ends the run as failed
                SETUP["error"] = str(exc)
                print(f"[setup] FAILED: {exc}", flush=True)
                gevent.spawn_later(0.1, environment.runner.quit)

    @events.test_stop.add_listener
    def _teardown(environment, **_kw):
        if not is_worker(environment):
            teardown_data()


def is_worker(environment) -> bool:
    return type(environment.runner).__name__ == "WorkerRunner"


# ----------------------------------------------------------------------------------------------------
# Checks: a failed check marks its request as failed (so http failures and checks both count) and is
# also counted on its own for the `checks` threshold.

CHECKS = {"passes": 0, "fails": 0, "failed": {}}


def check(resp, ok: bool, what: str) -> bool:
    if ok:
        CHECKS["passes"] += 1
    else:
        CHECKS["fails"] += 1
        CHECKS["failed"][what] = CHECKS["failed"].get(what, 0) + 1
        resp.failure(f"check failed: {what} (status {resp.status_code})")
    return ok


def expect(resp, status: int, what: str) -> bool:
    return check(resp, resp.status_code == status, f"{what} is {status}")


def body(resp) -> dict:
    try:
        return resp.json() or {}
    except Exception:  # noqa: BLE001 - a check reports the bad body
        return {}


# ----------------------------------------------------------------------------------------------------
# The API: one function per call, named as in the reports. `user` is a locust HttpUser.


class Api:
    def __init__(self, user: FastHttpUser):
        self.client = user.client

    def list_products(self, category: str | None = None, limit: int = 20):
        params = f"?limit={limit}" + (f"&category={category}" if category else "")
        name = "GET /product?category" if category else "GET /product"
        with self.client.get(f"/product{params}", name=name, headers=JSON_HEADERS, catch_response=True) as r:
            expect(r, 200, name) and check(r, "items" in body(r), f"{name} has items")
        return r

    def get_product(self, pid: str, etag: str | None = None):
        headers = dict(JSON_HEADERS, **({"If-None-Match": etag} if etag else {}))
        name = "GET /product/{id}" + (" (If-None-Match)" if etag else "")
        with self.client.get(f"/product/{pid}", name=name, headers=headers, catch_response=True) as r:
            if etag:
                expect(r, 304, name)
            else:
                expect(r, 200, name) and check(r, body(r).get("id") == pid, f"{name} returns the product")
        return r

    def create_product(self, index: int):
        with self.client.post("/product", name="POST /product", json=product_body(index),
                              headers=JSON_HEADERS, catch_response=True) as r:
            expect(r, 201, "POST /product") and check(r, bool(r.headers.get("Location")), "POST /product has Location")
        return r

    def update_product(self, pid: str, etag: str, index: int, price: float):
        headers = dict(JSON_HEADERS, **{"If-Match": etag})
        with self.client.put(f"/product/{pid}", name="PUT /product/{id}", json=product_body(index, price),
                             headers=headers, catch_response=True) as r:
            expect(r, 200, "PUT /product/{id}")
        return r

    def delete_product(self, pid: str):
        with self.client.delete(f"/product/{pid}", name="DELETE /product/{id}", catch_response=True) as r:
            expect(r, 204, "DELETE /product/{id}")
        return r

    def list_baskets(self):
        with self.client.get("/basket?limit=5", name="GET /basket", headers=JSON_HEADERS, catch_response=True) as r:
            expect(r, 200, "GET /basket")
        return r

    def put_basket(self, user: str, items: list[dict]):
        with self.client.put(f"/basket/{user}", name="PUT /basket/{user}", json={"items": items},
                             headers=JSON_HEADERS, catch_response=True) as r:
            expect(r, 201, "PUT /basket/{user} (new)")
        return r

    def get_basket(self, user: str):
        with self.client.get(f"/basket/{user}", name="GET /basket/{user}", headers=JSON_HEADERS,
                             catch_response=True) as r:
            expect(r, 200, "GET /basket/{user}")
        return r

    def add_item(self, user: str, pid: str, quantity: int = 1, color: str | None = "black"):
        item = {"productId": pid, "quantity": quantity, **({"color": color} if color else {})}
        with self.client.post(f"/basket/{user}/items", name="POST /basket/{user}/items", json=item,
                              headers=JSON_HEADERS, catch_response=True) as r:
            expect(r, 200, "POST /basket/{user}/items")
        return r

    def patch_item(self, user: str, pid: str, quantity: int):
        with self.client.patch(f"/basket/{user}/items/{pid}", name="PATCH /basket/{user}/items/{id}",
                               json={"quantity": quantity}, headers=JSON_HEADERS, catch_response=True) as r:
            expect(r, 200, "PATCH /basket/{user}/items/{id}")
        return r

    def delete_item(self, user: str, pid: str):
        with self.client.delete(f"/basket/{user}/items/{pid}", name="DELETE /basket/{user}/items/{id}",
                                catch_response=True) as r:
            expect(r, 200, "DELETE /basket/{user}/items/{id}")
        return r

    def delete_basket(self, user: str):
        with self.client.delete(f"/basket/{user}", name="DELETE /basket/{user}", catch_response=True) as r:
            expect(r, 204, "DELETE /basket/{user}")
        return r

    def checkout(self, user: str):
        payload = {
            "userName": user, "firstName": "Load", "lastName": "Test", "email": "load.test@example.com",
            "address": "1 Test Street, Testville", "paymentMethod": random.choice(PAYMENT_METHODS),
        }
        headers = dict(JSON_HEADERS, **{"Idempotency-Key": uuid.uuid4().hex})
        with self.client.post("/basket/checkout", name="POST /basket/checkout", json=payload, headers=headers,
                              catch_response=True) as r:
            expect(r, 202, "POST /basket/checkout") and check(
                r, (r.headers.get("Location") or "").startswith(f"/order/{user}/"), "checkout has Location")
        return r

    def list_orders(self, user: str | None = None):
        path, name = (f"/order/{user}?limit=5", "GET /order/{user}") if user else ("/order?limit=5", "GET /order")
        with self.client.get(path, name=name, headers=JSON_HEADERS, catch_response=True) as r:
            expect(r, 200, name)
        return r

    def cancel_order(self, location: str):
        with self.client.post(f"{location}/cancel", name="POST /order/{user}/{id}/cancel", headers=JSON_HEADERS,
                              catch_response=True) as r:
            expect(r, 200, "POST /order/{user}/{id}/cancel") and check(
                r, body(r).get("status") == "CANCELLED", "cancelled order is CANCELLED")
        return r

    def wait_for_order(self, location: str, started: float) -> float | None:
        """Polls GET <location> until it answers 200; records the time from `started` (the moment the
        checkout was sent) as the custom metric `checkout -> order visible`. Returns seconds, or None."""
        deadline = started + POLL_TIMEOUT
        while True:
            with self.client.get(location, name="GET /order/{user}/{id} (poll)", headers=JSON_HEADERS,
                                 catch_response=True) as r:
                if r.status_code == 200:
                    elapsed = time.perf_counter() - started
                    record_journey(elapsed, None)
                    return elapsed
                if r.status_code == 404:
                    r.success()  # not there yet: expected while the event travels
                else:
                    check(r, False, "order poll is 200 or 404")
            if time.perf_counter() >= deadline:
                record_journey(time.perf_counter() - started, TimeoutError(f"order not visible in {POLL_TIMEOUT}s"))
                return None
            gevent.sleep(POLL_INTERVAL)


JOURNEY_NAME = "checkout -> order visible"


def record_journey(seconds: float, error: Exception | None) -> None:
    events.request.fire(request_type="JOURNEY", name=JOURNEY_NAME, response_time=seconds * 1000.0,
                        response_length=0, exception=error, context={})


# ----------------------------------------------------------------------------------------------------
# Load shapes. Locust runs closed-model virtual users; an arrival rate is obtained with pacing: every
# user starts one iteration per PACING seconds (constant_pacing), so `users = rate x PACING`. As long as
# an iteration takes less than PACING the arrival rate is the target; when the system slows down beyond
# that, the achieved rate drops - which the `iterations_rate` threshold reports instead of hiding it.


class RateShape(LoadTestShape):
    """Linear ramps between (seconds, iterations/s) stages, like a ramping arrival rate."""

    abstract = True
    stages: list[tuple[float, float]] = []

    def rate_at(self, t: float) -> float | None:
        start, rate = 0.0, 0.0
        for duration, target in self.stages:
            if t < start + duration:
                return rate + (target - rate) * ((t - start) / duration if duration else 1.0)
            start, rate = start + duration, target
        return None

    def tick(self):
        rate = self.rate_at(self.get_run_time())
        if rate is None:
            return None
        users = max(1, math.ceil(rate * PACING))
        return users, max(users, 50)


def parse_stages(text: str) -> list[tuple[float, float]]:
    """STAGES='30s:10,2m:10,30s:0' -> [(30, 10), (120, 10), (30, 0)]"""
    stages = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        duration, rate = part.split(":")
        stages.append((parse_duration(duration), float(rate)))
    return stages


def parse_duration(text: str) -> float:
    text = text.strip()
    units = {"ms": 0.001, "s": 1, "m": 60, "h": 3600}
    for suffix in ("ms", "s", "m", "h"):
        if text.endswith(suffix):
            return float(text[: -len(suffix)]) * units[suffix]
    return float(text)


ITERATIONS = {"count": 0, "started_at": None, "hold": None}


def iteration_done() -> None:
    ITERATIONS["count"] += 1


# ----------------------------------------------------------------------------------------------------
# Thresholds: evaluated when the run ends; any breach makes locust exit 1. Names are the `name=` of the
# requests (endpoint groups) or the journey metric.


@dataclass
class Thresholds:
    http_req_failed: float = 0.01  # ratio of failed requests (status or check), all requests
    checks: float = 0.99  # ratio of passed checks
    p95_ms: dict[str, float] = field(default_factory=dict)  # per request name: p95 below
    p99_ms: dict[str, float] = field(default_factory=dict)  # per request name: p99 below
    min_requests: dict[str, int] = field(default_factory=dict)  # per request name: at least this many
    journey_p95_ms: float | None = None
    journey_p99_ms: float | None = None
    expected_iterations: float | None = None  # iterations the shape asks for (area under the rate curve)
    min_iteration_ratio: float = 0.9  # completed / expected: below it the pace was not held
    extra: dict = field(default_factory=dict)  # scenario-specific results to put in the summary
    custom: list = field(default_factory=list)  # scenario-specific verdicts: {metric, value, limit, ok}


def _entries(stats):
    return {(e.name, e.method): e for e in stats.entries.values()}


def _find(stats, name: str):
    for (entry_name, _method), entry in _entries(stats).items():
        if entry_name == name:
            return entry
    return None


def install_thresholds(thresholds: Thresholds) -> None:
    @events.quitting.add_listener
    def _evaluate(environment, **_kw):
        if is_worker(environment):
            return
        stats = environment.stats
        results = []

        def verdict(metric: str, value, limit, ok: bool):
            results.append({"metric": metric, "value": value, "limit": limit, "ok": ok})

        total = stats.total
        requests_total = total.num_requests
        failed_ratio = (total.num_failures / requests_total) if requests_total else 1.0
        verdict("http_req_failed (ratio)", round(failed_ratio, 4), f"< {thresholds.http_req_failed}",
                requests_total > 0 and failed_ratio < thresholds.http_req_failed)
        checks_total = CHECKS["passes"] + CHECKS["fails"]
        checks_ratio = CHECKS["passes"] / checks_total if checks_total else 0.0
        verdict("checks (pass ratio)", round(checks_ratio, 4), f">= {thresholds.checks}",
                checks_total > 0 and checks_ratio >= thresholds.checks)
        for name, limit in thresholds.p95_ms.items():
            entry = _find(stats, name)
            value = entry.get_response_time_percentile(0.95) if entry and entry.num_requests else None
            verdict(f"p95 {name} (ms)", value, f"< {limit}", value is not None and value < limit)
        for name, limit in thresholds.p99_ms.items():
            entry = _find(stats, name)
            value = entry.get_response_time_percentile(0.99) if entry and entry.num_requests else None
            verdict(f"p99 {name} (ms)", value, f"< {limit}", value is not None and value < limit)
        for name, minimum in thresholds.min_requests.items():
            entry = _find(stats, name)
            value = entry.num_requests if entry else 0
            verdict(f"count {name}", value, f">= {minimum}", value >= minimum)
        journey = _find(stats, JOURNEY_NAME)
        for pct, limit in ((0.95, thresholds.journey_p95_ms), (0.99, thresholds.journey_p99_ms)):
            if limit is not None:
                value = journey.get_response_time_percentile(pct) if journey and journey.num_requests else None
                verdict(f"p{int(pct * 100)} {JOURNEY_NAME} (ms)", value, f"< {limit}",
                        value is not None and value < limit)
        if thresholds.expected_iterations:
            ratio = ITERATIONS["count"] / thresholds.expected_iterations
            verdict(f"iterations completed / asked for ({ITERATIONS['count']} / {thresholds.expected_iterations:.0f})",
                    round(ratio, 3), f">= {thresholds.min_iteration_ratio}", ratio >= thresholds.min_iteration_ratio)

        results.extend(thresholds.custom)
        if SETUP["error"]:
            verdict("setup", SETUP["error"], "no error", False)
        failed = [r for r in results if not r["ok"]]
        print("\n== thresholds", flush=True)
        for r in results:
            print(f"  {'ok  ' if r['ok'] else 'FAIL'} {r['metric']}: {r['value']} (limit {r['limit']})", flush=True)
        if CHECKS["failed"]:
            print(f"  failed checks: {CHECKS['failed']}", flush=True)
        for key, value in thresholds.extra.items():
            print(f"  {key}: {value}", flush=True)
        summary = {
            "base_url": BASE_URL, "run_id": RUN_ID, "passed": not failed, "thresholds": results,
            "checks": {"passes": CHECKS["passes"], "fails": CHECKS["fails"], "failed": CHECKS["failed"]},
            "iterations": ITERATIONS["count"], "requests": requests_total, "failures": total.num_failures,
            "endpoints": {
                e.name: {
                    "count": e.num_requests, "failures": e.num_failures,
                    "p50_ms": e.get_response_time_percentile(0.5), "p95_ms": e.get_response_time_percentile(0.95),
                    "p99_ms": e.get_response_time_percentile(0.99), "max_ms": e.max_response_time,
                } for e in stats.entries.values() if e.num_requests
            },
            **thresholds.extra,
        }
        path = os.environ.get("SUMMARY_JSON")
        if path:
            with open(path, "w", encoding="utf-8") as fh:
                json.dump(summary, fh, indent=2, default=str)
        if failed:
            environment.process_exit_code = 1
            print(f"== {len(failed)} threshold(s) breached: FAILED", flush=True)
        else:
            environment.process_exit_code = 0
            print("== all thresholds met: PASSED", flush=True)

    @events.test_start.add_listener
    def _start(environment, **_kw):
        ITERATIONS["started_at"] = time.time()


def quit_soon(environment) -> None:
    """Ends the whole run from inside a user (used by the smoke test after its single iteration)."""
    gevent.spawn_later(0.1, environment.runner.quit)
    raise StopUser()


# ----------------------------------------------------------------------------------------------------
# Per-phase latencies (stress steps, spike phases, soak windows): every request (journeys excluded) is
# filed under the phase the shape is in when it completes.

PHASES: dict[str, dict] = {}
CURRENT_PHASE = {"name": None}


def set_phase(name: str | None) -> None:
    CURRENT_PHASE["name"] = name
    if name is not None:
        PHASES.setdefault(name, {"latencies": [], "failures": 0, "started": time.time(), "ended": None})


def install_phase_collector() -> None:
    @events.request.add_listener
    def _collect(request_type, response_time, exception, **_kw):
        name = CURRENT_PHASE["name"]
        if name is None or request_type == "JOURNEY":
            return
        phase = PHASES[name]
        phase["latencies"].append(response_time)
        phase["failures"] += exception is not None
        phase["ended"] = time.time()


def percentile(values: list[float], pct: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(pct * len(ordered)) - 1))]


def phase_summary(name: str) -> dict:
    phase = PHASES.get(name) or {"latencies": [], "failures": 0, "started": None, "ended": None}
    count = len(phase["latencies"])
    seconds = (phase["ended"] - phase["started"]) if phase["ended"] and phase["started"] else None
    return {
        "requests": count,
        "failed_ratio": round(phase["failures"] / count, 4) if count else None,
        "req_per_s": round(count / seconds, 1) if seconds else None,
        "p50_ms": _round(percentile(phase["latencies"], 0.50)),
        "p95_ms": _round(percentile(phase["latencies"], 0.95)),
        "p99_ms": _round(percentile(phase["latencies"], 0.99)),
    }


# ----------------------------------------------------------------------------------------------------
# The realistic mix of the load, stress, spike and soak scenarios. One iteration = one action, started
# every PACING seconds per virtual user: browse the catalogue (30 %), read a product (45 %), fill the
# basket (15 %), check out (10 %: adds a line first if the basket is empty). After a checkout the
# virtual user continues as a new customer. Weights: MIX="browse:30,read:45,fill:15,checkout:10".

DEFAULT_MIX = "browse:30,read:45,fill:15,checkout:10"


def parse_mix(text: str) -> tuple[list[str], list[float]]:
    names, weights = [], []
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, weight = part.split(":")
        if name not in ("browse", "read", "fill", "checkout"):
            raise SystemExit(f"MIX: unknown action {name!r}")
        names.append(name)
        weights.append(float(weight))
    return names, weights


MIX_ACTIONS, MIX_WEIGHTS = parse_mix(env_str("MIX", DEFAULT_MIX))

# Latency limits of the endpoint groups in the mix (ms); THRESHOLD_SCALE multiplies them all, for a
# slower target or machine.
SCALE = env_float("THRESHOLD_SCALE", 1.0)
MIX_P95_MS = {
    "GET /product": 300 * SCALE, "GET /product?category": 300 * SCALE, "GET /product/{id}": 250 * SCALE,
    "POST /basket/{user}/items": 500 * SCALE, "POST /basket/checkout": 800 * SCALE,
}
MIX_P99_MS = {name: limit * 3 for name, limit in MIX_P95_MS.items()}


class ShopperUser(FastHttpUser):
    abstract = True
    host = BASE_URL

    def on_start(self):
        self.api = Api(self)
        self.user = DATA.new_user()
        self.lines = 0
        gevent.sleep(random.uniform(0, PACING))  # users start spread over one pacing period, not in step

    def wait_time(self):  # constant pacing: one iteration per PACING seconds, whatever it took
        elapsed = time.perf_counter() - getattr(self, "_iteration_started", time.perf_counter())
        return max(0.0, PACING - elapsed)

    def shop_once(self):
        self._iteration_started = time.perf_counter()
        if not DATA.product_ids:
            return
        action = random.choices(MIX_ACTIONS, MIX_WEIGHTS)[0]
        if action == "browse":
            self.api.list_products(category=DATA.category if random.random() < 0.3 else None)
        elif action == "read":
            self.api.get_product(DATA.product())
        elif action == "fill" or self.lines == 0:
            self.api.add_item(self.user, DATA.product(), quantity=random.randint(1, 3))
            self.lines += 1
        else:
            accepted = self.api.checkout(self.user)
            if accepted.status_code == 202:
                self.user, self.lines = DATA.new_user(), 0
        iteration_done()


def expected_iterations(stages: list[tuple[float, float]]) -> float:
    """The iterations a shape asks for: the area under its rate curve."""
    area, rate = 0.0, 0.0
    for duration, target in stages:
        area += (rate + target) / 2 * duration
        rate = target
    return area


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
