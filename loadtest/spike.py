"""Spike: a baseline rate, a sudden spike, then the baseline again, on the realistic mix.
Stages: BASE_RATE (5/s) for 30 s, jump to SPIKE_RATE (50/s) within 5 s, hold SPIKE_HOLD (30s), back to
BASE_RATE within 5 s, then RECOVERY (60s) at the baseline.

  BASE_URL=http://127.0.0.1:8080 SPIKE_RATE=80 loadtest/run.sh spike

Thresholds: < 2 % failed requests over the whole run, >= 98 % checks, and recovery: in the last phase
the p95 of all requests is below RECOVERY_P95_MS (500 ms x THRESHOLD_SCALE) with < 1 % failures - the
system must come back after the spike, not merely survive it.
"""

from locust import task

from lib import swn

BASE = swn.env_float("BASE_RATE", 5)
SPIKE = swn.env_float("SPIKE_RATE", 50)
PHASE_STAGES = [
    ("baseline", [(30, BASE)]),
    ("spike", [(5, SPIKE), (swn.parse_duration(swn.env_str("SPIKE_HOLD", "30s")), SPIKE), (5, BASE)]),
    ("recovery", [(swn.parse_duration(swn.env_str("RECOVERY", "60s")), BASE)]),
]
STAGES = [stage for _name, stages in PHASE_STAGES for stage in stages]
RECOVERY_P95_MS = swn.env_float("RECOVERY_P95_MS", 500) * swn.SCALE

swn.install_data_hooks()
swn.install_phase_collector()
THRESHOLDS = swn.Thresholds(http_req_failed=0.02, checks=0.98, extra={"shape": {"stages": STAGES}})
swn.install_thresholds(THRESHOLDS)


class Shopper(swn.ShopperUser):
    @task
    def shop(self):
        self.shop_once()


class Shape(swn.RateShape):
    stages = STAGES

    def tick(self):
        t = self.get_run_time()
        start = 0.0
        for name, stages in PHASE_STAGES:
            length = sum(duration for duration, _rate in stages)
            if t < start + length:
                swn.set_phase(name)
                break
            start += length
        result = super().tick()
        if result is None:
            phases = {name: swn.phase_summary(name) for name, _stages in PHASE_STAGES}
            THRESHOLDS.extra["phases"] = phases
            recovery = phases["recovery"]
            THRESHOLDS.custom.append({
                "metric": "recovery phase p95 (ms)", "value": recovery["p95_ms"], "limit": f"< {RECOVERY_P95_MS}",
                "ok": recovery["p95_ms"] is not None and recovery["p95_ms"] < RECOVERY_P95_MS})
            THRESHOLDS.custom.append({
                "metric": "recovery phase failed ratio", "value": recovery["failed_ratio"], "limit": "< 0.01",
                "ok": recovery["failed_ratio"] is not None and recovery["failed_ratio"] < 0.01})
        return result
