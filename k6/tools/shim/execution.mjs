// Stand-in for `k6/execution`, the parts these scripts read. As in k6, scenario and VU information exist
// only in VU code: reading them in the init context, setup() or teardown() throws.
import { state } from './state.mjs';

function vuOnly(what) {
  if (state.phase !== 'vu') throw new Error(`k6/execution ${what} is only available in VU code, not in ${state.phase}`);
}

const exec = {
  get scenario() {
    vuOnly('scenario');
    return {
      name: state.scenario.name,
      executor: state.scenario.executor,
      startTime: state.scenario.startTime,
      progress: 0,
      iterationInInstance: state.iter,
      iterationInTest: state.scenario.iterationInTest,
    };
  },
  get vu() {
    vuOnly('vu');
    return {
      idInInstance: state.vu,
      idInTest: state.vu,
      iterationInInstance: state.iter,
      iterationInScenario: state.iter,
      tags: state.scenario.tags,
      metrics: { tags: state.scenario.tags, metadata: {} },
    };
  },
  get instance() {
    return { iterationsCompleted: 0, iterationsInterrupted: 0, vusActive: state.phase === 'vu' ? 1 : 0, vusInitialized: 1, currentTestRunDuration: 0 };
  },
  test: {
    abort(message = '') {
      throw new Error(`test aborted: ${message}`);
    },
    get options() {
      return {};
    },
  },
};

export const { test } = exec;
export default exec;
