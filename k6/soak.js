// Soak: the realistic mix at a constant RATE (10/s) for DURATION (1h), to find what only time shows: leaks,
// growing latency (a table that grows, a queue that backs up), connection pool exhaustion.
// Requests are tagged window=first during the WINDOW (5m) after WARMUP (2m), and window=last during the
// last WINDOW; the summary shows both windows' p95 side by side (their ratio is the drift).
//   k6 run -e BASE_URL=http://127.0.0.1:8080 -e RATE=10 -e DURATION=1h k6/soak.js
// Thresholds: as load.js (< 1 % failed, > 99 % checks, p95/p99 per endpoint group, <= 10 % dropped), plus
// the p95 of all requests in each window below WINDOW_P95_MS (450 x THRESHOLD_SCALE). k6 thresholds are
// absolute, so the drift between the windows (last p95 / first p95) is read off the summary, not enforced.
import { DATA_TIMEOUTS, SCALE, duration, envNumber, envString, seconds } from './lib/config.js';
import { createRunData, deleteRunData } from './lib/data.js';
import * as mix from './lib/mix.js';
import { mixScenarios, mixThresholds } from './lib/options.js';
import { tagged } from './lib/phases.js';

const RATE = envNumber('RATE', 10);
const DURATION = seconds(envString('DURATION', '1h'));
const WARMUP = seconds(envString('WARMUP', '2m'));
const WINDOW = seconds(envString('WINDOW', '5m'));
const WINDOW_P95_MS = envNumber('WINDOW_P95_MS', 450) * SCALE;
if (DURATION < WARMUP + 2 * WINDOW) throw new Error(`DURATION must be at least WARMUP + 2 x WINDOW (${WARMUP + 2 * WINDOW}s)`);
const RAMP = 30;
const STAGES = [
  { duration: duration(RAMP), rate: RATE },
  { duration: duration(DURATION), rate: RATE },
];

/** @param {number} elapsed */
function windowAt(elapsed) {
  const t = elapsed - RAMP;
  if (t >= WARMUP && t < WARMUP + WINDOW) return 'first';
  return t >= DURATION - WINDOW && t < DURATION ? 'last' : '';
}

export const { browse, read, fill, checkout } = tagged(mix, 'window', windowAt);

/** @type {import('k6/options').Options} */
export const options = {
  ...DATA_TIMEOUTS,
  scenarios: mixScenarios(STAGES),
  thresholds: {
    ...mixThresholds(STAGES),
    'http_req_duration{window:first}': [`p(95)<${WINDOW_P95_MS}`],
    'http_req_duration{window:last}': [`p(95)<${WINDOW_P95_MS}`],
  },
};

export function setup() {
  return createRunData(10);
}

/** @param {import('./lib/data.js').RunData} data */
export function teardown(data) {
  deleteRunData(data);
}
