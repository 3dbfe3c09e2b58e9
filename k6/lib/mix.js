// The four actions of the realistic mix; each script of the mix re-exports them as its scenarios' exec
// functions. Every iteration is one action of one visitor.
import exec from 'k6/execution';
import * as api from './api.js';
import { newUser } from './data.js';

/** @typedef {import('./data.js').RunData} RunData */

/** Browse the catalogue: 30 % of the lists by the run's category (the GSI), the rest the plain list. @param {RunData} data */
export function browse(data) {
  api.listProducts(Math.random() < 0.3 ? data.category : '');
}

/** Read one product. @param {RunData} data */
export function read(data) {
  api.getProduct(api.pick(data.productIds));
}

/**
 * Add a line to a basket. Each VU fills one basket for five iterations, then starts another, so that no
 * basket line grows past the API's quantity limit (99) in a long run; teardown() deletes them all.
 * @param {RunData} data
 */
export function fill(data) {
  const user = `${data.runId}-fill-${exec.vu.idInTest}-${Math.floor(exec.vu.iterationInScenario / 5)}`;
  api.addItem(user, api.pick(data.productIds), 1 + Math.floor(Math.random() * 3));
}

/** A new customer adds a line and checks out (the order then travels; the journey script measures that). @param {RunData} data */
export function checkout(data) {
  const user = newUser(data);
  api.addItem(user, api.pick(data.productIds), 1);
  api.checkout(user);
}
