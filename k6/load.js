// Load: the realistic mix (lib/mix.js: browse 30 %, read 45 %, fill a basket 15 %, check out 10 %) at a
// ramping arrival rate: ramp to RATE iterations/s (20) over RAMP (30s), hold it for HOLD (2m), ramp down over
// 10 s. STAGES='30s:10,1m:10,30s:40,1m:40,10s:0' replaces the whole shape.
//   k6 run -e BASE_URL=http://127.0.0.1:8080 -e RATE=20 -e HOLD=2m k6/load.js
// Thresholds: < 1 % failed requests, > 99 % checks, p95 and p99 per endpoint group (lib/options.js
// MIX_P95_MS x THRESHOLD_SCALE; p99 = 3 x p95), at most 10 % of the asked-for iterations dropped.
import { DATA_TIMEOUTS, envNumber, envString, parseStages } from './lib/config.js';
import { createRunData, deleteRunData } from './lib/data.js';
import { mixScenarios, mixThresholds } from './lib/options.js';

export { browse, read, fill, checkout } from './lib/mix.js';

const RATE = envNumber('RATE', 20);
const STAGES = parseStages(envString('STAGES', `${envString('RAMP', '30s')}:${RATE},${envString('HOLD', '2m')}:${RATE},10s:0`));

/** @type {import('k6/options').Options} */
export const options = {
  ...DATA_TIMEOUTS,
  scenarios: mixScenarios(STAGES),
  thresholds: mixThresholds(STAGES),
};

export function setup() {
  return createRunData(10);
}

/** @param {import('./lib/data.js').RunData} data */
export function teardown(data) {
  deleteRunData(data);
}
