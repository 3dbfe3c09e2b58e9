// The dry run: one pass through a k6 script against a running system, without k6: setup(), each scenario's
// exec function once (as VU 1, iteration 0 of that scenario), teardown() - through the stand-ins for the k6
// API in shim/. Not a load test: it proves that the script's requests, checks and set-up/tear-down work
// against the real API, not how fast.
// Fails (exit 1) on: an exception anywhere (setup's ends the run, as in k6), a failed check, a response whose
// status the response callback did not expect (what k6 counts in http_req_failed), or a threshold filtered by
// a request tag (endpoint, name, scenario, method, status) that no request of the pass carried.
// Usage: node tools/dry-run.mjs <script>     (BASE_URL and the script's variables from the environment)
import { loadScript } from './load-script.mjs';

const REQUEST_TAGS = ['endpoint', 'name', 'scenario', 'method', 'status'];
const script = process.argv[2];
if (!script) {
  console.error('usage: node tools/dry-run.mjs <script>');
  process.exit(2);
}
const problems = [];
const log = (line) => console.log(`[dry-run ${script}] ${line}`);

function attempt(what, fn) {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    problems.push(`${what}: exception: ${e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : e}`);
    return { ok: false };
  }
}

let loaded;
try {
  loaded = await loadScript(script);
} catch (e) {
  console.log(`[dry-run ${script}] FAILED: init context: ${e && e.message}`);
  process.exit(1);
}
const { module, state } = loaded;
const options = module.options || {};
const scenarios = options.scenarios || { default: { executor: 'per-vu-iterations', exec: 'default' } };

let data;
state.phase = 'setup';
const setup = typeof module.setup === 'function' ? attempt('setup()', () => module.setup()) : { ok: true, value: undefined };
if (setup.ok) {
  // k6 hands each VU a copy of setup()'s result through JSON.
  data = setup.value === undefined ? undefined : JSON.parse(JSON.stringify(setup.value));
  for (const [name, scenario] of Object.entries(scenarios)) {
    const exec = scenario.exec || 'default';
    const fn = module[exec];
    if (typeof fn !== 'function') {
      problems.push(`scenario ${name}: exec ${exec} is not an exported function`);
      continue;
    }
    const savedEnv = globalThis.__ENV;
    globalThis.__ENV = { ...savedEnv, ...(scenario.env || {}) };
    Object.assign(state, { phase: 'vu', vu: 1, iter: 0 });
    state.scenario = { name, executor: scenario.executor, startTime: Date.now(), iterationInTest: 0, tags: { ...(scenario.tags || {}) } };
    globalThis.__VU = 1;
    globalThis.__ITER = 0;
    const before = state.requests;
    attempt(`scenario ${name} (${exec})`, () => fn(data));
    log(`scenario ${name}: ${exec}() once, ${state.requests - before} requests`);
    globalThis.__ENV = savedEnv;
  }
  state.phase = 'teardown';
  globalThis.__VU = 0;
  if (typeof module.teardown === 'function') attempt('teardown()', () => module.teardown(data));
} else {
  log('setup() failed: no scenario runs (as in k6)');
}

for (const [name, count] of state.checks.failed) problems.push(`check failed ${count}x: ${name}`);
for (const line of state.unexpected) problems.push(`unexpected status: ${line}`);
for (const key of Object.keys(options.thresholds || {})) {
  const match = /^([a-zA-Z_][a-zA-Z0-9_]*)\{(.*)\}$/.exec(key);
  if (!match) continue;
  const filters = match[2].split(',').map((f) => f.split(':').map((x) => x.trim()));
  if (!filters.every(([tag]) => REQUEST_TAGS.includes(tag))) continue; // time-based tags (step, phase, ...)
  const hit = state.samples.some((s) => s.metric === match[1] && filters.every(([tag, value]) => s.tags[tag] === value));
  if (!hit) problems.push(`threshold ${key}: no sample of the pass matches it (a tag value no request carries?)`);
}

log(`${state.requests} requests, ${state.checks.passes} checks passed, ${state.checks.fails} failed`);
if (problems.length) {
  log(`FAILED: ${problems.length} problem(s)`);
  for (const p of problems) console.log(`  - ${p}`);
  process.exit(1);
}
log('passed (type-checked and dry-run, not executed by k6)');
