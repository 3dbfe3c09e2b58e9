// The API under test: one function per call, each tagged with `name` (the route, so URLs with ids do not
// each become a metric series) and `endpoint` (the group the thresholds are set on), each checking the
// status and what the caller relies on. Every function returns the k6 response.
//
// Endpoint groups (tag `endpoint`): browse (catalogue lists), read (one product), write (product
// create/update/delete), basket (basket calls), checkout, order (order lists, cancel), poll (waiting for an
// order to appear after its checkout); data (setup and teardown).
import http from 'k6/http';
import { check, sleep } from 'k6';
import { BASE_URL, envNumber } from './config.js';
import { as, asOperator, ownerOf } from './auth.js';

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };
const PAYMENT_METHODS = ['CARD', 'INVOICE', 'PAYPAL', 'CASH_ON_DELIVERY'];
export const POLL_INTERVAL = envNumber('POLL_INTERVAL', 0.05); // seconds between two polls of an order
export const POLL_TIMEOUT = envNumber('POLL_TIMEOUT', 30); // seconds until a missing order counts as lost

// While an order travels (outbox, EventBridge, SQS, consumer) its GET answers 404: expected, not a failure.
const ORDER_POLL_STATUSES = http.expectedStatuses(200, 404);

/**
 * Tags every request of this VU carries from now on besides name: the time-based phase tags of stress
 * (step), spike (phase) and soak (window), set at the start of an iteration; and endpoint=data while
 * setup() and teardown() work (lib/data.js), so that their calls stay out of the endpoint groups' thresholds.
 * @type {Record<string, string>}
 */
export const extraTags = {};

/**
 * @param {string} name route, e.g. "GET /product/{id}"
 * @param {string} endpoint group
 * @param {Record<string, string>} [headers]
 * @returns {import('k6/http').RefinedParams<'text'>}
 */
function params(name, endpoint, headers) {
  return { headers: { ...JSON_HEADERS, ...headers }, tags: { name, endpoint, ...extraTags } };
}

/** @param {Response} res */
export function body(res) {
  try {
    const parsed = res.json();
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? /** @type {Record<string, any>} */ (parsed) : {};
  } catch (_e) {
    return {}; // a check reports the bad body
  }
}

/** @typedef {import('k6/http').RefinedResponse<'text'>} Response */

/**
 * Checks the status, and whatever else the caller names.
 * @param {Response} res @param {number} status @param {string} name
 * @param {Record<string, (r: Response) => boolean>} [extra]
 */
function expect(res, status, name, extra = {}) {
  return check(res, { [`${name} is ${status}`]: (r) => r.status === status, ...extra });
}

/** A random RFC 4122 version-4 UUID (k6 has no uuid in its core modules; the jslib one is a remote import). */
export function uuid() {
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = Math.floor(Math.random() * 16);
    return (c === 'x' ? r : (r % 4) + 8).toString(16);
  });
}

/** @template T @param {T[]} items @returns {T} */
export function pick(items) {
  return items[Math.floor(Math.random() * items.length)];
}

/** @param {string} category @param {number} index @param {number} [price] */
export function productBody(category, index, price) {
  return {
    name: `Load test product ${index}`,
    description: `Created by k6 load test, category ${category}`,
    imageFile: `product-${index}.png`,
    price: price ?? Math.round((5 + Math.random() * 495) * 100) / 100,
    category,
  };
}

// ------------------------------------------------------------------------------------------ product API

export function listProducts(category = '', limit = 20) {
  const name = category ? 'GET /product?category' : 'GET /product';
  const query = `limit=${limit}` + (category ? `&category=${encodeURIComponent(category)}` : '');
  const res = http.get(`${BASE_URL}/product?${query}`, params(name, 'browse'));
  expect(res, 200, name, { [`${name} has items`]: (r) => Array.isArray(body(r).items) });
  return res;
}

/** @param {string} id @param {string} [etag] */
export function getProduct(id, etag) {
  const name = etag ? 'GET /product/{id} (If-None-Match)' : 'GET /product/{id}';
  const res = http.get(`${BASE_URL}/product/${id}`, params(name, 'read', etag ? { 'If-None-Match': etag } : {}));
  if (etag) {
    expect(res, 304, name);
  } else {
    expect(res, 200, name, {
      [`${name} returns the product`]: (r) => body(r).id === id,
      [`${name} has an ETag`]: (r) => !!r.headers.Etag,
    });
  }
  return res;
}

/** @param {string} category @param {number} index */
export function createProduct(category, index) {
  const res = http.post(`${BASE_URL}/product`, JSON.stringify(productBody(category, index)),
    params('POST /product', 'write', asOperator()));
  expect(res, 201, 'POST /product', { 'POST /product has Location': (r) => !!r.headers.Location });
  return res;
}

/** @param {string} id @param {string} etag @param {string} category @param {number} index @param {number} price */
export function updateProduct(id, etag, category, index, price) {
  const res = http.put(`${BASE_URL}/product/${id}`, JSON.stringify(productBody(category, index, price)),
    params('PUT /product/{id}', 'write', { 'If-Match': etag, ...asOperator() }));
  expect(res, 200, 'PUT /product/{id}');
  return res;
}

/** @param {string} id */
export function deleteProduct(id) {
  const res = http.del(`${BASE_URL}/product/${id}`, null, params('DELETE /product/{id}', 'write', asOperator()));
  expect(res, 204, 'DELETE /product/{id}');
  return res;
}

// ------------------------------------------------------------------------------------------- basket API

/** @param {string} [nextToken] */
export function listBaskets(limit = 5, nextToken) {
  const query = `limit=${limit}` + (nextToken ? `&nextToken=${encodeURIComponent(nextToken)}` : '');
  const res = http.get(`${BASE_URL}/basket?${query}`, params('GET /basket', 'basket', asOperator()));
  expect(res, 200, 'GET /basket');
  return res;
}

/** @param {string} user @param {{productId: string, quantity: number, color?: string}[]} items */
export function putBasket(user, items) {
  const res = http.put(`${BASE_URL}/basket/${user}`, JSON.stringify({ items }), params('PUT /basket/{user}', 'basket', as(user)));
  expect(res, 201, 'PUT /basket/{user} (new)');
  return res;
}

/** @param {string} user */
export function getBasket(user) {
  const res = http.get(`${BASE_URL}/basket/${user}`, params('GET /basket/{user}', 'basket', as(user)));
  expect(res, 200, 'GET /basket/{user}');
  return res;
}

/** @param {string} user @param {string} productId */
export function addItem(user, productId, quantity = 1, color = 'black') {
  const res = http.post(`${BASE_URL}/basket/${user}/items`, JSON.stringify({ productId, quantity, color }),
    params('POST /basket/{user}/items', 'basket', as(user)));
  expect(res, 200, 'POST /basket/{user}/items');
  return res;
}

/** @param {string} user @param {string} productId @param {number} quantity */
export function patchItem(user, productId, quantity) {
  const res = http.patch(`${BASE_URL}/basket/${user}/items/${productId}`, JSON.stringify({ quantity }),
    params('PATCH /basket/{user}/items/{id}', 'basket', as(user)));
  expect(res, 200, 'PATCH /basket/{user}/items/{id}');
  return res;
}

/** @param {string} user @param {string} productId */
export function deleteItem(user, productId) {
  const res = http.del(`${BASE_URL}/basket/${user}/items/${productId}`, null,
    params('DELETE /basket/{user}/items/{id}', 'basket', as(user)));
  expect(res, 200, 'DELETE /basket/{user}/items/{id}');
  return res;
}

/** @param {string} user */
export function deleteBasket(user) {
  const res = http.del(`${BASE_URL}/basket/${user}`, null, params('DELETE /basket/{user}', 'basket', as(user)));
  expect(res, 204, 'DELETE /basket/{user}');
  return res;
}

/** Checks out `user`'s basket; a 202 carries the order's Location. @param {string} user */
export function checkout(user) {
  const payload = {
    userName: user, firstName: 'Load', lastName: 'Test', email: 'load.test@example.com',
    address: '1 Test Street, Testville', paymentMethod: pick(PAYMENT_METHODS),
  };
  const res = http.post(`${BASE_URL}/basket/checkout`, JSON.stringify(payload),
    params('POST /basket/checkout', 'checkout', { 'Idempotency-Key': uuid(), ...as(user) }));
  expect(res, 202, 'POST /basket/checkout', {
    'checkout has the order Location': (r) => String(r.headers.Location || '').startsWith(`/order/${user}/`),
  });
  return res;
}

// -------------------------------------------------------------------------------------------- order API

/** @param {string} [user] */
export function listOrders(user) {
  const name = user ? 'GET /order/{user}' : 'GET /order';
  const res = http.get(`${BASE_URL}/order${user ? `/${user}` : ''}?limit=5`, params(name, 'order', user ? as(user) : asOperator()));
  expect(res, 200, name);
  return res;
}

/** @param {string} location the Location of a checkout's 202, e.g. /order/u/123 */
export function cancelOrder(location) {
  const res = http.post(`${BASE_URL}${location}/cancel`, null, params('POST /order/{user}/{id}/cancel', 'order', as(ownerOf(location))));
  expect(res, 200, 'POST /order/{user}/{id}/cancel', {
    'cancelled order is CANCELLED': (r) => body(r).status === 'CANCELLED',
  });
  return res;
}

/**
 * Polls GET <location> until it answers 200 or POLL_TIMEOUT has passed since `startedMs` (when the checkout
 * was sent). Returns the milliseconds from the checkout to the first 200, or null if the order never appeared.
 * @param {string} location @param {number} startedMs
 */
export function waitForOrder(location, startedMs) {
  const deadline = startedMs + POLL_TIMEOUT * 1000;
  for (;;) {
    const res = http.get(`${BASE_URL}${location}`, {
      ...params('GET /order/{user}/{id} (poll)', 'poll', as(ownerOf(location))), responseCallback: ORDER_POLL_STATUSES,
    });
    if (res.status === 200) {
      const elapsed = Date.now() - startedMs;
      check(res, { 'order is visible and PLACED': (r) => body(r).status === 'PLACED' });
      return elapsed;
    }
    if (!check(res, { 'order poll is 200 or 404': (r) => r.status === 404 })) return null;
    if (Date.now() >= deadline) {
      check(res, { [`order visible within ${POLL_TIMEOUT}s`]: () => false });
      return null;
    }
    sleep(POLL_INTERVAL);
  }
}
