"""Stress: raise the arrival rate of the realistic mix step by step until the system breaks, and report
the knee - the highest rate it still served within the limits.
Steps: START_RATE (5/s), + STEP_RATE (5/s) every STEP_TIME (30s), up to MAX_RATE (200/s). A step breaks
when its p95 >= KNEE_P95_MS (500 ms x THRESHOLD_SCALE), or >= 1 % of its requests fail, or it achieved
< 90 % of its target rate. The run stops at the first broken step (or after MAX_RATE).

  BASE_URL=http://127.0.0.1:8080 START_RATE=10 STEP_RATE=10 loadtest/run.sh stress

Thresholds: the knee is at least MIN_KNEE (default START_RATE): the system served the first step.
The summary JSON has every step (rate, achieved req/s, p50/p95/p99, failures) and the knee.
"""

from locust import task

from lib import swn

START = swn.env_float("START_RATE", 5)
STEP = swn.env_float("STEP_RATE", 5)
STEP_TIME = swn.parse_duration(swn.env_str("STEP_TIME", "30s"))
MAX_RATE = swn.env_float("MAX_RATE", 200)
KNEE_P95_MS = swn.env_float("KNEE_P95_MS", 500) * swn.SCALE
MIN_KNEE = swn.env_float("MIN_KNEE", START)

swn.install_data_hooks()
swn.install_phase_collector()
THRESHOLDS = swn.Thresholds(http_req_failed=1.0, checks=0.0)  # failures are expected past the knee
swn.install_thresholds(THRESHOLDS)
STEPS: list[dict] = []


class Shopper(swn.ShopperUser):
    @task
    def shop(self):
        self.shop_once()


class Shape(swn.LoadTestShape):
    def tick(self):
        t = self.get_run_time()
        index = int(t // STEP_TIME)
        rate = START + index * STEP
        if index > 0 and len(STEPS) < index:  # the previous step just ended: judge it
            previous = START + (index - 1) * STEP
            summary = swn.phase_summary(f"{previous:g}/s")
            expected = previous  # one iteration = one request in the mix (but the first add of a checkout)
            achieved = summary["req_per_s"] or 0
            broken = (summary["p95_ms"] is None or summary["p95_ms"] >= KNEE_P95_MS
                      or (summary["failed_ratio"] or 0) >= 0.01 or achieved < 0.9 * expected)
            STEPS.append({"target_per_s": previous, **summary, "broken": broken})
            print(f"[stress] step {previous:g}/s: {summary} {'BROKEN' if broken else 'ok'}", flush=True)
            if broken or rate > MAX_RATE:
                self._finish()
                return None
        swn.set_phase(f"{rate:g}/s")
        users = max(1, int(rate * swn.PACING + 0.999))
        return users, max(users, 50)

    def _finish(self):
        good = [step["target_per_s"] for step in STEPS if not step["broken"]]
        knee = max(good) if good else 0
        THRESHOLDS.extra["steps"] = STEPS
        THRESHOLDS.extra["knee_iterations_per_s"] = knee
        THRESHOLDS.extra["knee_p95_limit_ms"] = KNEE_P95_MS
        THRESHOLDS.custom.append({"metric": "knee (iterations/s)", "value": knee, "limit": f">= {MIN_KNEE}",
                                  "ok": knee >= MIN_KNEE})
