// Module resolution of the dry run and the options check: the k6 built-in modules resolve to the stand-ins
// in shim/; a remote module (http(s)://, as k6 allows) is refused, because a run must work offline.
const SHIMS = { k6: 'k6.mjs', 'k6/http': 'http.mjs', 'k6/metrics': 'metrics.mjs', 'k6/execution': 'execution.mjs' };

export async function resolve(specifier, context, next) {
  if (Object.hasOwn(SHIMS, specifier)) {
    return { url: new URL(`./shim/${SHIMS[specifier]}`, import.meta.url).href, shortCircuit: true };
  }
  if (/^https?:\/\//.test(specifier)) {
    throw new Error(`remote module import ${specifier} (from ${context.parentURL}): the scripts must run offline`);
  }
  if (specifier.startsWith('k6/')) {
    throw new Error(`${specifier}: a k6 module the dry run does not provide; add a stand-in to k6/tools/shim/ from k6's documentation`);
  }
  return next(specifier, context);
}
