"""Load: the realistic mix (lib/swn.py ShopperUser: browse, read a product, fill a basket, check out) at a
ramping arrival rate: ramp to RATE iterations/s over RAMP, hold it for HOLD, ramp down over 10 s.

  BASE_URL=http://127.0.0.1:8080 RATE=20 RAMP=30s HOLD=2m loadtest/run.sh load
  STAGES='30s:10,1m:10,30s:40,1m:40,10s:0' loadtest/run.sh load      # any stages instead

Thresholds: < 1 % failed requests, >= 99 % checks, p95/p99 per endpoint group (lib/swn.py MIX_P95_MS,
times THRESHOLD_SCALE), and >= 90 % of the iterations the shape asks for completed (else the system, or the
load generator, could not keep the pace). The HTML report shows rate, latency and users over time.
"""

from locust import task

from lib import swn

RATE = swn.env_float("RATE", 20)
STAGES = swn.parse_stages(swn.env_str(
    "STAGES", f"{swn.env_str('RAMP', '30s')}:{RATE},{swn.env_str('HOLD', '2m')}:{RATE},10s:0"))

swn.install_data_hooks()
swn.install_thresholds(swn.Thresholds(
    http_req_failed=0.01, checks=0.99, p95_ms=swn.MIX_P95_MS, p99_ms=swn.MIX_P99_MS,
    expected_iterations=swn.expected_iterations(STAGES),
    extra={"shape": {"stages": STAGES, "pacing_s": swn.PACING}},
))


class Shopper(swn.ShopperUser):
    @task
    def shop(self):
        self.shop_once()


class Shape(swn.RateShape):
    stages = STAGES
