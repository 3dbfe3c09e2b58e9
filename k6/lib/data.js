// Test data: setup() creates the products a run uses, in a category of its own; teardown() deletes them and
// every basket whose user name starts with the run id (the virtual users' baskets left over). Orders stay:
// the API has no delete for them, by design; their user names start with the run id.
import exec from 'k6/execution';
import { fail } from 'k6';
import * as api from './api.js';
import { envNumber, envString } from './config.js';

/** @typedef {{runId: string, category: string, productIds: string[]}} RunData */

/**
 * Creates `count` products through the API under test (the path the users take) and returns the run's data.
 * Runs once, in setup(): the init context runs once per VU, so a run id chosen there would differ per VU.
 * @param {number} defaultCount
 * @returns {RunData}
 */
export function createRunData(defaultCount) {
  return asData(() => createProducts(defaultCount));
}

/** @template T @param {() => T} work @returns {T} */
function asData(work) {
  api.extraTags.endpoint = 'data';
  try {
    return work();
  } finally {
    delete api.extraTags.endpoint;
  }
}

/** @param {number} defaultCount @returns {RunData} */
function createProducts(defaultCount) {
  const runId = envString('RUN_ID', `k6-${Date.now()}`);
  if (!/^[A-Za-z0-9._-]{1,60}$/.test(runId)) fail(`RUN_ID=${runId}: 1-60 of [A-Za-z0-9._-]`);
  const category = `${runId}-cat`;
  const count = envNumber('PRODUCTS', defaultCount);
  const productIds = [];
  for (let i = 0; i < count; i++) {
    const res = api.createProduct(category, i);
    if (res.status !== 201) fail(`setup: POST /product answered ${res.status}: ${String(res.body).slice(0, 300)}`);
    productIds.push(String(api.body(res).id));
  }
  console.log(`setup: run ${runId}: ${count} products in category ${category}`);
  return { runId, category, productIds };
}

/** @param {RunData} data */
export function deleteRunData(data) {
  asData(() => deleteAll(data));
}

/** @param {RunData} data */
function deleteAll(data) {
  let baskets = 0;
  let nextToken;
  do {
    const page = api.listBaskets(100, nextToken);
    const parsed = api.body(page);
    for (const basket of parsed.items || []) {
      if (String(basket.userName).startsWith(`${data.runId}-`)) {
        api.deleteBasket(basket.userName);
        baskets++;
      }
    }
    nextToken = parsed.nextToken;
  } while (nextToken);
  for (const id of data.productIds) api.deleteProduct(id);
  console.log(`teardown: run ${data.runId}: deleted ${data.productIds.length} products and ${baskets} baskets; `
    + `orders of users ${data.runId}-* remain`);
}

/**
 * A user name no other iteration of this run uses: run id, scenario, and the iteration's number in it.
 * @param {RunData} data
 */
export function newUser(data) {
  return `${data.runId}-${exec.scenario.name}-${exec.scenario.iterationInTest}`;
}
