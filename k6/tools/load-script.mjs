// Loads one k6 script in Node the way k6's init context would: the k6 modules are the stand-ins in shim/
// (loader.mjs), __ENV is the environment, __VU and __ITER are 0. Returns the module and the run state.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

register('./loader.mjs', import.meta.url);

/** @param {string} script path of a k6 script */
export async function loadScript(script) {
  const { state } = await import('./shim/state.mjs');
  globalThis.__ENV = { ...process.env };
  globalThis.__VU = 0;
  globalThis.__ITER = 0;
  state.phase = 'init';
  const module = await import(pathToFileURL(path.resolve(script)).href);
  return { module, state };
}
