// Time-based phase tags (stress steps, spike phases, soak windows): the script names the phase of every
// moment of its scenarios; at the start of each iteration the current one becomes a tag of the VU's requests
// (lib/api.js extraTags), so that thresholds can be set per phase, e.g. http_req_duration{phase:recovery}.
import exec from 'k6/execution';
import { extraTags } from './api.js';

/**
 * Sets tag `name` to what `phaseAt` says for the seconds since the scenario started (all the scenarios of
 * these scripts start at 0, so they share one clock). An empty string removes the tag.
 * @param {string} name @param {(elapsedSeconds: number) => string} phaseAt
 */
export function tagPhase(name, phaseAt) {
  const value = phaseAt((Date.now() - exec.scenario.startTime) / 1000);
  if (value) extraTags[name] = value;
  else delete extraTags[name];
}

/**
 * Wraps the mix's actions so that each tags its iteration first.
 * @param {Record<string, (data: any) => void>} actions @param {string} name @param {(s: number) => string} phaseAt
 */
export function tagged(actions, name, phaseAt) {
  /** @type {Record<string, (data: import('./data.js').RunData) => void>} */
  const wrapped = {};
  for (const [action, fn] of Object.entries(actions)) {
    wrapped[action] = (data) => {
      tagPhase(name, phaseAt);
      fn(data);
    };
  }
  return wrapped;
}
