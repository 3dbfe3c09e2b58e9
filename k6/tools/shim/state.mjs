// The run state of the dry-run runner (tools/dry-run.mjs), shared by the k6 API stand-ins in this folder.
// Written from k6's public documentation and @types/k6 only; it is not k6 and does not execute load.
export const state = {
  /** @type {'init' | 'setup' | 'vu' | 'teardown'} */
  phase: 'init',
  vu: 0,
  iter: 0,
  scenario: { name: '', executor: '', startTime: 0, iterationInTest: 0, tags: /** @type {Record<string,string>} */ ({}) },
  /** @type {Map<string, {type: string, isTime: boolean}>} metrics declared by the script */
  metrics: new Map(),
  /** @type {{metric: string, value: number, tags: Record<string, string>}[]} */
  samples: [],
  checks: { passes: 0, fails: 0, /** @type {Map<string, number>} */ failed: new Map() },
  /** @type {string[]} requests whose status the response callback did not expect (k6's http_req_failed) */
  unexpected: [],
  requests: 0,
  /** @type {string[]} */
  groups: [],
};

/** The tags k6 puts on a sample: the scenario's and the group's, then the caller's. */
export function baseTags() {
  /** @type {Record<string, string>} */
  const tags = { group: state.groups.length ? `::${state.groups.join('::')}` : '' };
  if (state.phase === 'vu') Object.assign(tags, { scenario: state.scenario.name }, state.scenario.tags);
  if (state.phase === 'setup') tags.group = '::setup';
  if (state.phase === 'teardown') tags.group = '::teardown';
  return tags;
}

/** @param {string} metric @param {number} value @param {Record<string, string>} tags */
export function sample(metric, value, tags) {
  state.samples.push({ metric, value, tags });
}
