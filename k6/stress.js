// Stress (a breakpoint test): raise the arrival rate of the realistic mix step by step until a step breaks
// its limits, and read the knee, the highest step that held, off the summary.
// Steps: START_RATE (5/s), + STEP_RATE (5/s) every STEP_TIME (30s), up to MAX_RATE (100/s). Requests are
// tagged step=<rate> once a step has settled (after its first STEP_SETTLE, 5s). A step breaks when its p95 >=
// KNEE_P95_MS (500 x THRESHOLD_SCALE) or >= 1 % of its requests fail; the thresholds then abort the run.
//   k6 run -e BASE_URL=http://127.0.0.1:8080 -e START_RATE=10 -e STEP_RATE=10 k6/stress.js
// Exit status: 0 when every step up to MAX_RATE held (the system has at least that capacity); 99 when a step
// broke: the summary lists every step's thresholds, the knee is the last one marked as passed. Set MAX_RATE
// to the capacity you must prove to make this a pass/fail gate.
import { DATA_TIMEOUTS, SCALE, envNumber, seconds } from './lib/config.js';
import { createRunData, deleteRunData } from './lib/data.js';
import * as mix from './lib/mix.js';
import { mixScenarios, mixThresholds } from './lib/options.js';
import { tagged } from './lib/phases.js';

const START = envNumber('START_RATE', 5);
const STEP = envNumber('STEP_RATE', 5);
const STEP_TIME = seconds(String(__ENV.STEP_TIME || '30s'));
const SETTLE = Math.min(seconds(String(__ENV.STEP_SETTLE || '5s')), STEP_TIME / 2);
const MAX_RATE = envNumber('MAX_RATE', 100);
const KNEE_P95_MS = envNumber('KNEE_P95_MS', 500) * SCALE;

/** @type {number[]} */
const RATES = [];
for (let rate = START; rate <= MAX_RATE && RATES.length < 100; rate += STEP) RATES.push(rate);
const STAGES = RATES.flatMap((rate) => [
  { duration: '1s', rate },
  { duration: `${STEP_TIME - 1}s`, rate },
]);

/** @param {number} elapsed seconds since the start */
function stepAt(elapsed) {
  const index = Math.floor(elapsed / STEP_TIME);
  const settled = elapsed - index * STEP_TIME >= SETTLE;
  return index < RATES.length && settled ? String(RATES[index]) : '';
}

export const { browse, read, fill, checkout } = tagged(mix, 'step', stepAt);

/** @type {Record<string, import('k6/options').Threshold[]>} */
const stepThresholds = {};
for (const rate of RATES) {
  stepThresholds[`http_req_duration{step:${rate}}`] = [{ threshold: `p(95)<${KNEE_P95_MS}`, abortOnFail: true }];
  stepThresholds[`http_req_failed{step:${rate}}`] = [{ threshold: 'rate<0.01', abortOnFail: true }];
}

/** @type {import('k6/options').Options} */
export const options = {
  ...DATA_TIMEOUTS,
  scenarios: mixScenarios(STAGES),
  // Past the knee failures are the point; the run-wide limits are the mix's, the per-step ones abort.
  thresholds: { ...mixThresholds(STAGES, { failed: 0.05, checks: 0.95 }), ...stepThresholds },
};

export function setup() {
  return createRunData(10);
}

/** @param {import('./lib/data.js').RunData} data */
export function teardown(data) {
  deleteRunData(data);
}
