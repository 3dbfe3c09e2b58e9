// Checkout journey: how long from checkout until the order is visible - basket service, outbox, EventBridge,
// SQS, the ordering consumer, DynamoDB - measured by polling the order.
// Every iteration is a new customer: add 1..3 lines, POST /basket/checkout, then poll GET <Location of the
// 202> every POLL_INTERVAL (0.05 s) until 200. The Trend `checkout_to_order_visible` runs from sending the
// checkout to the first 200; the Rate `order_visible` counts the journeys whose order appeared within
// POLL_TIMEOUT (30 s). Arrival rate: RATE journeys/s (2) for HOLD (1m) after a 10 s ramp.
//   k6 run -e BASE_URL=http://127.0.0.1:8080 -e RATE=5 -e HOLD=2m k6/checkout-journey.js
// Thresholds: < 1 % failed requests, > 99 % checks, journey p95 < JOURNEY_P95_MS (3000) and p99 <
// JOURNEY_P99_MS (6000) (x THRESHOLD_SCALE), > 99 % of orders visible, checkout p95 < 800 ms, add-item p95
// < 500 ms, at most 10 % of the journeys dropped.
import { Rate, Trend } from 'k6/metrics';
import * as api from './lib/api.js';
import { DATA_TIMEOUTS, SCALE, envNumber, envString, seconds } from './lib/config.js';
import { createRunData, deleteRunData, newUser } from './lib/data.js';
import { MIX_P95_MS } from './lib/options.js';

const RATE = envNumber('RATE', 2);
const HOLD = envString('HOLD', '1m');
const journey = new Trend('checkout_to_order_visible', true);
const visible = new Rate('order_visible');
const asked = RATE * (5 + seconds(HOLD));

/** @type {import('k6/options').Options} */
export const options = {
  ...DATA_TIMEOUTS,
  scenarios: {
    journey: {
      executor: 'ramping-arrival-rate',
      exec: 'journeyOnce',
      startRate: 0,
      timeUnit: '1m',
      stages: [
        { duration: '10s', target: Math.round(RATE * 60) },
        { duration: HOLD, target: Math.round(RATE * 60) },
      ],
      // A journey lasts about a second on a laptop: ~RATE VUs; room for slow ones up to POLL_TIMEOUT.
      preAllocatedVUs: Math.max(2, Math.ceil(RATE * 2)),
      maxVUs: envNumber('MAX_VUS', Math.max(10, Math.ceil(RATE * 10))),
      gracefulStop: `${Math.ceil(api.POLL_TIMEOUT) + 5}s`,
    },
  },
  thresholds: {
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
    checkout_to_order_visible: [
      `p(95)<${envNumber('JOURNEY_P95_MS', 3000) * SCALE}`,
      `p(99)<${envNumber('JOURNEY_P99_MS', 6000) * SCALE}`,
    ],
    order_visible: ['rate>0.99'],
    'http_req_duration{endpoint:checkout}': [`p(95)<${MIX_P95_MS.checkout * SCALE}`],
    'http_req_duration{endpoint:basket,scenario:journey}': [`p(95)<${MIX_P95_MS.basket * SCALE}`],
    dropped_iterations: [`count<=${Math.ceil(0.1 * asked)}`],
  },
};

export function setup() {
  return createRunData(10);
}

/** @param {import('./lib/data.js').RunData} data */
export function journeyOnce(data) {
  const user = newUser(data);
  const lines = 1 + Math.floor(Math.random() * Math.min(3, data.productIds.length));
  const products = [...data.productIds].sort(() => Math.random() - 0.5).slice(0, lines);
  for (const id of products) api.addItem(user, id, 1 + Math.floor(Math.random() * 2));
  const started = Date.now();
  const accepted = api.checkout(user);
  const location = accepted.headers.Location;
  if (accepted.status !== 202 || !location) {
    visible.add(false);
    return;
  }
  const elapsed = api.waitForOrder(String(location), started);
  visible.add(elapsed !== null);
  if (elapsed !== null) journey.add(elapsed);
}

/** @param {import('./lib/data.js').RunData} data */
export function teardown(data) {
  deleteRunData(data);
}
