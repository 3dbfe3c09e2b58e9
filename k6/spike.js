// Spike: a baseline rate, a sudden spike, then the baseline again, on the realistic mix.
// BASE_RATE (5/s) for 30 s, up to SPIKE_RATE (50/s) within 5 s, held for SPIKE_HOLD (30s), back to BASE_RATE
// within 5 s, then RECOVERY (60s) at the baseline. Requests are tagged phase=baseline|spike|recovery.
//   k6 run -e BASE_URL=http://127.0.0.1:8080 -e SPIKE_RATE=80 k6/spike.js
// Thresholds: < 2 % failed requests over the run, > 98 % checks, at most 10 % of iterations dropped, and
// recovery: in the last phase p95 < RECOVERY_P95_MS (500 x THRESHOLD_SCALE) and < 1 % failed - the system
// must come back after the spike, not merely survive it.
import { DATA_TIMEOUTS, SCALE, envNumber, envString, seconds } from './lib/config.js';
import { createRunData, deleteRunData } from './lib/data.js';
import * as mix from './lib/mix.js';
import { mixScenarios, mixThresholds } from './lib/options.js';
import { tagged } from './lib/phases.js';

const BASE = envNumber('BASE_RATE', 5);
const SPIKE = envNumber('SPIKE_RATE', 50);
const HOLD = envString('SPIKE_HOLD', '30s');
const RECOVERY = envString('RECOVERY', '60s');
const STAGES = [
  { duration: '5s', rate: BASE },
  { duration: '25s', rate: BASE },
  { duration: '5s', rate: SPIKE },
  { duration: HOLD, rate: SPIKE },
  { duration: '5s', rate: BASE },
  { duration: RECOVERY, rate: BASE },
];
const SPIKE_STARTS = 30;
const RECOVERY_STARTS = SPIKE_STARTS + 5 + seconds(HOLD) + 5;

/** @param {number} elapsed */
function phaseAt(elapsed) {
  if (elapsed < SPIKE_STARTS) return 'baseline';
  return elapsed < RECOVERY_STARTS ? 'spike' : 'recovery';
}

export const { browse, read, fill, checkout } = tagged(mix, 'phase', phaseAt);

const mixLimits = mixThresholds(STAGES, { failed: 0.02, checks: 0.98 });
/** @type {import('k6/options').Options} */
export const options = {
  ...DATA_TIMEOUTS,
  scenarios: mixScenarios(STAGES),
  thresholds: {
    http_req_failed: mixLimits.http_req_failed,
    checks: mixLimits.checks,
    dropped_iterations: mixLimits.dropped_iterations,
    'http_req_duration{phase:recovery}': [`p(95)<${envNumber('RECOVERY_P95_MS', 500) * SCALE}`],
    'http_req_failed{phase:recovery}': ['rate<0.01'],
    // Shown in the summary for comparison; they fail only if a phase served nothing at all.
    'http_reqs{phase:baseline}': ['count>0'],
    'http_reqs{phase:spike}': ['count>0'],
  },
};

export function setup() {
  return createRunData(10);
}

/** @param {import('./lib/data.js').RunData} data */
export function teardown(data) {
  deleteRunData(data);
}
