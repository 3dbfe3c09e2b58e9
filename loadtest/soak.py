"""Soak: the realistic mix at a constant RATE (10/s) for DURATION (1h), to find what only time shows:
leaks, growing latency (a table that grows, a queue that backs up), connection pool exhaustion.

  BASE_URL=http://127.0.0.1:8080 RATE=10 DURATION=1h loadtest/run.sh soak     # MAX_SECONDS bounds it

Thresholds: as the load scenario (< 1 % failed, >= 99 % checks, p95/p99 per endpoint group, >= 90 % of
the target rate), plus drift: the p95 of the last WINDOW (5m) is at most DRIFT (1.5) times the p95 of the
first WINDOW after WARMUP (2m).
"""

from locust import task

from lib import swn

RATE = swn.env_float("RATE", 10)
DURATION = swn.parse_duration(swn.env_str("DURATION", "1h"))
WARMUP = swn.parse_duration(swn.env_str("WARMUP", "2m"))
WINDOW = swn.parse_duration(swn.env_str("WINDOW", "5m"))
DRIFT = swn.env_float("DRIFT", 1.5)
if DURATION < WARMUP + 2 * WINDOW:
    raise SystemExit(f"DURATION must be at least WARMUP + 2 x WINDOW ({WARMUP + 2 * WINDOW:g}s)")
STAGES = [(30, RATE), (DURATION, RATE)]

swn.install_data_hooks()
swn.install_phase_collector()
THRESHOLDS = swn.Thresholds(
    http_req_failed=0.01, checks=0.99, p95_ms=swn.MIX_P95_MS, p99_ms=swn.MIX_P99_MS,
    expected_iterations=swn.expected_iterations(STAGES), extra={"shape": {"stages": STAGES}})
swn.install_thresholds(THRESHOLDS)


class Shopper(swn.ShopperUser):
    @task
    def shop(self):
        self.shop_once()


class Shape(swn.RateShape):
    stages = STAGES

    def tick(self):
        t = self.get_run_time() - 30  # after the ramp
        if WARMUP <= t < WARMUP + WINDOW:
            swn.set_phase("first window")
        elif DURATION - WINDOW <= t < DURATION:
            swn.set_phase("last window")
        else:
            swn.set_phase(None)
        result = super().tick()
        if result is None:
            first, last = swn.phase_summary("first window"), swn.phase_summary("last window")
            THRESHOLDS.extra["windows"] = {"first": first, "last": last}
            ok = bool(first["p95_ms"] and last["p95_ms"] and last["p95_ms"] <= DRIFT * first["p95_ms"])
            THRESHOLDS.custom.append({
                "metric": "p95 drift (last window / first window)",
                "value": round(last["p95_ms"] / first["p95_ms"], 2) if first["p95_ms"] and last["p95_ms"] else None,
                "limit": f"<= {DRIFT}", "ok": ok})
        return result
