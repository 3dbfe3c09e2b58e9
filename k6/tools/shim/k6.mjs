// Stand-in for the `k6` module (check, group, sleep, fail), after k6's documentation.
import { baseTags, sample, state } from './state.mjs';

const pause = new Int32Array(new SharedArrayBuffer(4));

/** check(value, {name: fn}, tags): every function is called; true only if all returned truthy. */
export function check(value, sets, tags = {}) {
  let all = true;
  for (const [name, fn] of Object.entries(sets)) {
    const ok = typeof fn === 'function' ? !!fn(value) : !!fn;
    sample('checks', ok ? 1 : 0, { ...baseTags(), ...tags, check: name });
    if (ok) state.checks.passes++;
    else {
      state.checks.fails++;
      state.checks.failed.set(name, (state.checks.failed.get(name) || 0) + 1);
      all = false;
    }
  }
  return all;
}

/** group(name, fn): runs fn with the group tag ::name set; returns what fn returns. */
export function group(name, fn) {
  state.groups.push(name);
  try {
    return fn();
  } finally {
    state.groups.pop();
  }
}

/** sleep(seconds): blocks the VU, as in k6. */
export function sleep(seconds) {
  Atomics.wait(pause, 0, 0, Math.max(0, Number(seconds) * 1000));
}

/** fail(message): throws, which ends the iteration (or, in setup, the run). */
export function fail(message = '') {
  throw new Error(message);
}

export default { check, group, sleep, fail };
