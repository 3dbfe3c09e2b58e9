// Load shapes and thresholds shared by the scripts.
//
// The realistic mix of load, stress, spike and soak is four scenarios, one per action, each an open-model
// ramping-arrival-rate executor that starts its share of the total rate whatever the system's latency:
// browse the catalogue 30 %, read a product 45 %, fill a basket 15 %, check out 10 % (MIX overrides, e.g.
// MIX=browse:50,read:50). k6 wants whole numbers of iterations per timeUnit, so the rates are per minute.
import { SCALE, envNumber, envString, seconds } from './config.js';

export const ACTIONS = /** @type {const} */ (['browse', 'read', 'fill', 'checkout']);

/** @returns {Record<string, number>} the share of each action, summing to 1 */
export function mixWeights() {
  /** @type {Record<string, number>} */
  const weights = {};
  for (const part of envString('MIX', 'browse:30,read:45,fill:15,checkout:10').split(',')) {
    const [name, weight] = part.split(':').map((x) => x.trim());
    if (!ACTIONS.includes(/** @type {any} */ (name)) || !(Number(weight) >= 0)) throw new Error(`MIX: bad part ${part}`);
    weights[name] = Number(weight);
  }
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new Error('MIX: the weights add up to 0');
  for (const name of Object.keys(weights)) weights[name] /= total;
  return weights;
}

/**
 * Per-action scenarios of the mix over the given stages (rates in iterations per second of the whole mix).
 * MAX_VUS caps the VUs of each action (default: enough for ITERATION_BUDGET seconds (5) per iteration at the
 * peak rate); when the system is slower than that, k6 drops iterations, which a threshold reports.
 * @param {{duration: string, rate: number}[]} stages
 * @param {{startTime?: string, tags?: Record<string, string>, prefix?: string}} [extra]
 * @returns {Record<string, import('k6/options').Scenario>}
 */
export function mixScenarios(stages, extra = {}) {
  const weights = mixWeights();
  const budget = envNumber('ITERATION_BUDGET', 5);
  /** @type {Record<string, import('k6/options').Scenario>} */
  const scenarios = {};
  for (const [action, share] of Object.entries(weights)) {
    if (share === 0) continue;
    const peak = Math.max(...stages.map((s) => s.rate)) * share;
    const maxVUs = envNumber('MAX_VUS', Math.max(2, Math.ceil(peak * budget)));
    scenarios[`${extra.prefix || ''}${action}`] = {
      executor: 'ramping-arrival-rate',
      exec: action,
      startTime: extra.startTime || '0s',
      startRate: 0,
      timeUnit: '1m',
      stages: stages.map((s) => ({ duration: s.duration, target: Math.round(s.rate * share * 60) })),
      preAllocatedVUs: Math.min(maxVUs, Math.max(1, Math.ceil(peak))),
      maxVUs,
      gracefulStop: '10s',
      tags: extra.tags || {},
    };
  }
  return scenarios;
}

/** Iterations the stages ask for: the area under the rate curve. @param {{duration: string, rate: number}[]} stages */
export function askedIterations(stages) {
  let area = 0;
  let rate = 0;
  for (const stage of stages) {
    area += ((rate + stage.rate) / 2) * seconds(stage.duration);
    rate = stage.rate;
  }
  return area;
}

// p95 limits (ms) of the endpoint groups in the mix; p99 = 3 x p95. THRESHOLD_SCALE multiplies them.
export const MIX_P95_MS = { browse: 300, read: 250, basket: 500, checkout: 800 };

/**
 * Thresholds of a mix run: failed requests, checks, p95/p99 per endpoint group, and at most 10 % of the
 * asked-for iterations dropped (k6 drops an iteration when every allowed VU is busy: the pace was not held).
 * @param {{duration: string, rate: number}[]} stages
 * @param {{failed?: number, checks?: number}} [limits]
 * @returns {Record<string, import('k6/options').Threshold[]>}
 */
export function mixThresholds(stages, limits = {}) {
  /** @type {Record<string, import('k6/options').Threshold[]>} */
  const thresholds = {
    http_req_failed: [`rate<${limits.failed ?? 0.01}`],
    checks: [`rate>${limits.checks ?? 0.99}`],
    dropped_iterations: [`count<=${Math.ceil(0.1 * askedIterations(stages))}`],
  };
  for (const [group, p95] of Object.entries(MIX_P95_MS)) {
    thresholds[`http_req_duration{endpoint:${group}}`] = [`p(95)<${p95 * SCALE}`, `p(99)<${3 * p95 * SCALE}`];
  }
  return thresholds;
}
