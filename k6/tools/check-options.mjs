// The options check: what `k6 run` would reject, or silently ignore, in a script's exported options,
// checked without k6 (rules from k6's documentation of thresholds, metrics and scenarios):
// - every threshold key names a built-in metric or one the script declares (new Trend(...) etc. in its init
//   context), with well-formed tag filters, and every expression is an aggregation the metric's type has
//   (Counter: count, rate; Gauge: value; Rate: rate; Trend: avg, min, max, med, p(N)), a comparison, a number;
// - every scenario has a known executor, the keys that executor requires and no key it does not know, whole
//   numbers where k6 wants integers, durations k6 can parse, and an `exec` the script exports as a function;
// - no top-level shortcut (vus, duration, stages, iterations) beside `scenarios`.
// Usage: node tools/check-options.mjs <script>    exit 0: no problem; 1: problems (listed)
import { loadScript } from './load-script.mjs';

const BUILT_IN = {
  http_reqs: 'counter', iterations: 'counter', data_sent: 'counter', data_received: 'counter', dropped_iterations: 'counter',
  http_req_duration: 'trend', http_req_blocked: 'trend', http_req_connecting: 'trend', http_req_tls_handshaking: 'trend',
  http_req_sending: 'trend', http_req_waiting: 'trend', http_req_receiving: 'trend', iteration_duration: 'trend', group_duration: 'trend',
  http_req_failed: 'rate', checks: 'rate',
  vus: 'gauge', vus_max: 'gauge',
};
const AGGREGATIONS = { counter: ['count', 'rate'], gauge: ['value'], rate: ['rate'], trend: ['avg', 'min', 'max', 'med', 'p'] };
const EXPRESSION = /^\s*(avg|min|max|med|count|rate|value|p\((\d+(?:\.\d+)?)\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*$/;
const KEY = /^([a-zA-Z_][a-zA-Z0-9_]*)(?:\{(.*)\})?$/;
const DURATION = /^(\d+(\.\d+)?(ms|s|m|h))+$/;
const COMMON = ['executor', 'startTime', 'gracefulStop', 'exec', 'env', 'tags', 'options'];
const EXECUTORS = {
  'shared-iterations': { required: [], optional: ['vus', 'iterations', 'maxDuration'] },
  'per-vu-iterations': { required: [], optional: ['vus', 'iterations', 'maxDuration'] },
  'constant-vus': { required: ['duration'], optional: ['vus'] },
  'ramping-vus': { required: ['stages'], optional: ['startVUs', 'gracefulRampDown'] },
  'constant-arrival-rate': { required: ['duration', 'rate', 'preAllocatedVUs'], optional: ['timeUnit', 'maxVUs'] },
  'ramping-arrival-rate': { required: ['stages', 'preAllocatedVUs'], optional: ['startRate', 'timeUnit', 'maxVUs'] },
};
const INTEGERS = ['vus', 'iterations', 'rate', 'preAllocatedVUs', 'maxVUs', 'startRate', 'startVUs'];
const DURATIONS = ['startTime', 'gracefulStop', 'maxDuration', 'duration', 'timeUnit', 'gracefulRampDown'];

/** @param {any} options @param {Record<string, unknown>} exported @param {Map<string, {type: string}>} declared */
export function checkOptions(options, exported, declared) {
  const problems = [];
  if (!options || typeof options !== 'object') return ['the script exports no `options` object'];
  const metricType = (name) => declared.get(name)?.type ?? BUILT_IN[name];
  for (const [key, list] of Object.entries(options.thresholds || {})) {
    const match = KEY.exec(key);
    if (!match) {
      problems.push(`threshold ${JSON.stringify(key)}: not <metric> or <metric>{tag:value,...}`);
      continue;
    }
    const [, metric, filters] = match;
    const type = metricType(metric);
    if (!type) problems.push(`threshold ${key}: no built-in or declared metric ${metric}`);
    if (filters !== undefined) {
      for (const filter of filters.split(',')) {
        const [tag, ...rest] = filter.split(':');
        const value = rest.join(':').trim();
        if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(tag.trim()) || rest.length === 0 || value === '') {
          problems.push(`threshold ${key}: tag filter ${JSON.stringify(filter)} is not tag:value`);
        } else if (/[{}]/.test(value)) {
          problems.push(`threshold ${key}: tag value ${value} has braces, which end the filter ambiguously`);
        } else if (tag.trim() === 'group' && !value.startsWith('::')) {
          problems.push(`threshold ${key}: k6's group tag values are paths such as ::${value}`);
        }
      }
    }
    if (!Array.isArray(list) || list.length === 0) {
      problems.push(`threshold ${key}: needs a non-empty array of expressions`);
      continue;
    }
    for (const entry of list) {
      const expression = typeof entry === 'string' ? entry : entry && entry.threshold;
      if (typeof entry === 'object' && entry !== null) {
        for (const k of Object.keys(entry)) {
          if (!['threshold', 'abortOnFail', 'delayAbortEval'].includes(k)) problems.push(`threshold ${key}: unknown key ${k}`);
        }
        if (entry.abortOnFail !== undefined && typeof entry.abortOnFail !== 'boolean') problems.push(`threshold ${key}: abortOnFail is not a boolean`);
        if (entry.delayAbortEval !== undefined && !DURATION.test(String(entry.delayAbortEval))) problems.push(`threshold ${key}: delayAbortEval ${entry.delayAbortEval} is not a duration`);
      }
      const parsed = typeof expression === 'string' ? EXPRESSION.exec(expression) : null;
      if (!parsed) {
        problems.push(`threshold ${key}: ${JSON.stringify(expression)} is not <aggregation> <op> <number>`);
        continue;
      }
      const aggregation = parsed[1].startsWith('p(') ? 'p' : parsed[1];
      if (parsed[2] !== undefined && Number(parsed[2]) > 100) problems.push(`threshold ${key}: ${parsed[1]} is above p(100)`);
      if (type && !AGGREGATIONS[type].includes(aggregation)) {
        problems.push(`threshold ${key}: ${parsed[1]} is not an aggregation of a ${type} (${AGGREGATIONS[type].join(', ')})`);
      }
    }
  }
  const scenarios = options.scenarios;
  for (const shortcut of ['vus', 'duration', 'stages', 'iterations']) {
    if (scenarios && options[shortcut] !== undefined) problems.push(`options.${shortcut} beside options.scenarios: k6 ignores one of them`);
  }
  const entries = scenarios ? Object.entries(scenarios) : [['default', { executor: 'per-vu-iterations', exec: 'default' }]];
  if (entries.length === 0) problems.push('options.scenarios is empty');
  for (const [name, scenario] of entries) {
    const where = `scenario ${name}`;
    if (!/^[a-zA-Z0-9_-]+$/.test(name)) problems.push(`${where}: a scenario name is letters, digits, _ and -`);
    const spec = EXECUTORS[scenario.executor];
    if (!spec) {
      problems.push(`${where}: unknown executor ${JSON.stringify(scenario.executor)} (${Object.keys(EXECUTORS).join(', ')})`);
      continue;
    }
    for (const key of spec.required) if (scenario[key] === undefined) problems.push(`${where}: ${scenario.executor} needs ${key}`);
    for (const key of Object.keys(scenario)) {
      if (!COMMON.includes(key) && !spec.required.includes(key) && !spec.optional.includes(key)) problems.push(`${where}: ${scenario.executor} has no option ${key}`);
    }
    for (const key of INTEGERS) {
      if (scenario[key] !== undefined && !(Number.isInteger(scenario[key]) && scenario[key] >= 0)) problems.push(`${where}: ${key} must be a whole number >= 0, is ${scenario[key]}`);
    }
    for (const key of DURATIONS) {
      if (scenario[key] !== undefined && !DURATION.test(String(scenario[key]))) problems.push(`${where}: ${key} ${JSON.stringify(scenario[key])} is not a duration`);
    }
    if (scenario.stages !== undefined) {
      if (!Array.isArray(scenario.stages) || scenario.stages.length === 0) problems.push(`${where}: stages must be a non-empty array`);
      else scenario.stages.forEach((stage, i) => {
        if (!DURATION.test(String(stage.duration))) problems.push(`${where}: stages[${i}].duration ${JSON.stringify(stage.duration)} is not a duration`);
        if (!(Number.isInteger(stage.target) && stage.target >= 0)) problems.push(`${where}: stages[${i}].target must be a whole number >= 0, is ${stage.target}`);
      });
    }
    if (scenario.maxVUs !== undefined && scenario.preAllocatedVUs !== undefined && scenario.maxVUs < scenario.preAllocatedVUs) {
      problems.push(`${where}: maxVUs ${scenario.maxVUs} < preAllocatedVUs ${scenario.preAllocatedVUs}`);
    }
    const exec = scenario.exec ?? 'default';
    if (typeof exported[exec] !== 'function') problems.push(`${where}: exec ${exec} is not a function the script exports`);
    for (const [k, v] of Object.entries(scenario.env || {})) if (typeof v !== 'string') problems.push(`${where}: env ${k} must be a string`);
    for (const [k, v] of Object.entries(scenario.tags || {})) if (typeof v !== 'string') problems.push(`${where}: tag ${k} must be a string`);
  }
  for (const hook of ['setup', 'teardown', 'handleSummary']) {
    if (hook in exported && typeof exported[hook] !== 'function') problems.push(`export ${hook} is not a function`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const script = process.argv[2];
  if (!script) {
    console.error('usage: node tools/check-options.mjs <script>');
    process.exit(2);
  }
  let problems;
  try {
    const { module, state } = await loadScript(script);
    problems = checkOptions(module.options, module, state.metrics);
  } catch (e) {
    problems = [`loading failed: ${e && e.message}`];
  }
  if (problems.length) {
    console.log(`options-check ${script}: ${problems.length} problem(s)`);
    for (const p of problems) console.log(`  - ${p}`);
    process.exit(1);
  }
  console.log(`options-check ${script}: ok`);
}
