// Smoke: every endpoint once, with checks, in seconds: one VU, one iteration. Run it first against any new
// target (a laptop's `make up`, a deployed stack) before a real load test.
//   k6 run -e BASE_URL=http://127.0.0.1:8080 k6/smoke.js
//   k6 run -e BASE_URL=https://<api-id>.execute-api.<region>.amazonaws.com k6/smoke.js
// Thresholds: no failed request, every check passes, each endpoint group within SMOKE_MAX_MS (5000: the
// services may be cold), the order visible within SMOKE_JOURNEY_MAX_MS (20000) of its checkout.
import { Trend } from 'k6/metrics';
import * as api from './lib/api.js';
import { DATA_TIMEOUTS, SCALE, envNumber } from './lib/config.js';
import { createRunData, deleteRunData, newUser } from './lib/data.js';

const MAX_MS = envNumber('SMOKE_MAX_MS', 5000) * SCALE;
const journey = new Trend('checkout_to_order_visible', true);

/** @type {import('k6/options').Options} */
export const options = {
  ...DATA_TIMEOUTS,
  scenarios: {
    endpoints: { executor: 'per-vu-iterations', vus: 1, iterations: 1, maxDuration: '2m', exec: 'everyEndpoint' },
  },
  thresholds: {
    http_req_failed: ['rate==0'],
    checks: ['rate==1'],
    'http_req_duration{endpoint:browse}': [`max<${MAX_MS}`],
    'http_req_duration{endpoint:read}': [`max<${MAX_MS}`],
    'http_req_duration{endpoint:write}': [`max<${MAX_MS}`],
    'http_req_duration{endpoint:basket}': [`max<${MAX_MS}`],
    'http_req_duration{endpoint:checkout}': [`max<${MAX_MS}`],
    'http_req_duration{endpoint:order}': [`max<${MAX_MS}`],
    checkout_to_order_visible: [`max<${envNumber('SMOKE_JOURNEY_MAX_MS', 20000) * SCALE}`],
  },
};

export function setup() {
  return createRunData(2);
}

/** @param {import('./lib/data.js').RunData} data */
export function everyEndpoint(data) {
  const [first, second] = data.productIds;
  // Product API
  api.listProducts();
  const created = api.createProduct(data.category, 99);
  const id = String(api.body(created).id || 'missing');
  const read = api.getProduct(id);
  const etag = String(read.headers.Etag || '"0"');
  api.getProduct(id, etag);
  api.updateProduct(id, etag, data.category, 99, 12.34);
  api.listProducts(data.category);
  // Basket API
  const user = newUser(data);
  api.putBasket(user, [{ productId: first, quantity: 1, color: 'red' }]);
  api.getBasket(user);
  api.addItem(user, second, 2);
  api.patchItem(user, second, 3);
  api.deleteItem(user, second);
  api.listBaskets();
  // Checkout -> order
  const started = Date.now();
  const accepted = api.checkout(user);
  const location = String(accepted.headers.Location || `/order/${user}/missing`);
  const elapsed = api.waitForOrder(location, started);
  if (elapsed !== null) journey.add(elapsed);
  api.listOrders(user);
  api.listOrders();
  api.cancelOrder(location);
  // The remaining delete endpoints
  const other = `${user}-other`;
  api.putBasket(other, [{ productId: first, quantity: 1 }]);
  api.deleteBasket(other);
  api.deleteProduct(id);
}

/** @param {import('./lib/data.js').RunData} data */
export function teardown(data) {
  deleteRunData(data);
}
