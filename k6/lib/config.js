// Configuration of every script, from the environment (`k6 run -e NAME=value` or the shell's environment):
//   BASE_URL          the API: the gateway of `make up` (default http://127.0.0.1:8080) or a deployed HTTP API URL
//   THRESHOLD_SCALE   multiplies every latency limit (2 = twice as lenient, for a slow machine or a remote target)
//   PRODUCTS          products setup() creates (and teardown() deletes); default per script
//   RUN_ID            prefix of every name a run creates (default k6-<epoch ms>, chosen once in setup())
// The load shape (RATE, RAMP, HOLD, STAGES, ...) is read by each script; see its header.

/** @param {string} name @param {string} fallback */
export function envString(name, fallback) {
  const value = (__ENV[name] || '').trim();
  return value === '' ? fallback : value;
}

/** @param {string} name @param {number} fallback */
export function envNumber(name, fallback) {
  const raw = envString(name, '');
  if (raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name}=${raw} is not a number`);
  return value;
}

export const BASE_URL = envString('BASE_URL', 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const SCALE = envNumber('THRESHOLD_SCALE', 1);

const UNITS = { ms: 0.001, s: 1, m: 60, h: 3600 };

/**
 * Seconds of a k6 duration ("90s", "1m30s", "2h", "500ms"; a bare number is seconds).
 * @param {string} text
 */
export function seconds(text) {
  const trimmed = String(text).trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(trimmed)) throw new Error(`not a duration: ${text} (e.g. 30s, 2m, 1h30m)`);
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  for (let m = part.exec(trimmed); m !== null; m = part.exec(trimmed)) {
    total += Number(m[1]) * UNITS[/** @type {keyof UNITS} */ (m[2])];
  }
  return total;
}

/** A duration in k6's syntax from seconds (k6 wants strings such as "90s"). @param {number} s */
export function duration(s) {
  return `${Math.max(0, Math.round(s))}s`;
}

/**
 * STAGES='30s:10,2m:10,30s:0' -> [{duration:'30s', rate:10}, ...]; rates are iterations per second.
 * @param {string} text
 * @returns {{duration: string, rate: number}[]}
 */
export function parseStages(text) {
  return text.split(',').map((p) => p.trim()).filter(Boolean).map((part) => {
    const [d, r] = part.split(':');
    const rate = Number(r);
    if (r === undefined || !Number.isFinite(rate) || rate < 0) throw new Error(`STAGES: bad stage ${part}`);
    seconds(d); // validates
    return { duration: d.trim(), rate };
  });
}

// setup() creates a handful of products; teardown() also pages through every basket to delete the run's, which
// after a long run against a remote stack takes minutes, more than k6's default 60 s.
export const DATA_TIMEOUTS = { setupTimeout: '2m', teardownTimeout: '10m' };
