// Stand-in for `k6/http`, the parts these scripts use, after k6's documentation and @types/k6:
// - calls are synchronous and never throw on a 4xx/5xx or a network error (status 0 and `error` instead);
// - response.headers has Go's canonical header names (ETag -> Etag, x-request-id -> X-Request-Id), one
//   string per name (several values joined with ", ");
// - response.json(selector) parses the body (throws if it is not JSON); the selector is a dotted path;
// - an object body is sent form-encoded, a string as it is;
// - a request counts as failed (http_req_failed) when the response callback does not expect its status:
//   by default 200-399, per request `responseCallback`, or http.setResponseCallback(); null = never failed.
// Node's http is asynchronous; a worker thread performs each request while this thread waits on a shared
// flag (Atomics.wait). A library such as synckit does the same; these 20 lines avoid a runtime dependency
// in a folder whose only dependencies are the compiler and the k6 types.
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { baseTags, sample, state } from './state.mjs';

let channel = null;
function transport() {
  if (!channel) {
    const flag = new SharedArrayBuffer(4);
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(new URL('./http-worker.mjs', import.meta.url), { workerData: { flag, port: port2 }, transferList: [port2] });
    worker.unref();
    port1.unref();
    channel = { flag: new Int32Array(flag), port: port1 };
  }
  return channel;
}

function durationMs(text, fallback) {
  if (text === undefined || text === null) return fallback;
  if (typeof text === 'number') return text;
  const m = String(text).match(/^(\d+(?:\.\d+)?)(ms|s|m|h)$/);
  if (!m) throw new Error(`k6/http: bad timeout ${text}`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2]];
}

export function canonicalHeaderName(name) {
  if (!/^[A-Za-z0-9-]+$/.test(name)) return name;
  return name.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()).join('-');
}

const EXPECTED = Symbol('expectedStatuses');

export function expectedStatuses(...specs) {
  for (const spec of specs) {
    const ok = Number.isInteger(spec) || (spec && Number.isInteger(spec.min) && Number.isInteger(spec.max));
    if (!ok) throw new Error(`expectedStatuses: ${JSON.stringify(spec)} is neither a status nor {min, max}`);
  }
  const callback = (status) => specs.some((s) => (typeof s === 'number' ? s === status : status >= s.min && status <= s.max));
  callback[EXPECTED] = true;
  return callback;
}

let defaultCallback = expectedStatuses({ min: 200, max: 399 });

export function setResponseCallback(callback) {
  if (callback !== null && !(callback && callback[EXPECTED])) throw new Error('setResponseCallback takes http.expectedStatuses(...) or null');
  defaultCallback = callback;
}

function path(value, selector) {
  let current = value;
  for (const key of String(selector).split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) && /^\d+$/.test(key) ? current[Number(key)] : current[key];
  }
  return current;
}

function encodeBody(body) {
  if (body === null || body === undefined) return null;
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (typeof body === 'object') return new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)])).toString();
  return String(body);
}

export function request(method, url, body, params = {}) {
  if (state.phase === 'init') throw new Error('k6/http: making requests in the init context is not supported');
  const target = String(url);
  if (!/^https?:\/\//.test(target)) throw new Error(`k6/http: invalid URL ${target}`);
  const headers = { 'User-Agent': 'k6-dry-run (swn-shop k6/tools)' };
  const encoded = encodeBody(body);
  if (encoded !== null && typeof body === 'object' && !(body instanceof ArrayBuffer)) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  Object.assign(headers, params.headers || {});
  const timeoutMs = durationMs(params.timeout, 60000);
  const { flag, port } = transport();
  Atomics.store(flag, 0, 0);
  port.postMessage({ method: method.toUpperCase(), url: target, headers, body: encoded, timeoutMs, redirects: params.redirects ?? 10 });
  Atomics.wait(flag, 0, 0, timeoutMs + 10000);
  const answer = receiveMessageOnPort(port);
  if (!answer) throw new Error(`k6/http: no answer from the request worker for ${method} ${target}`);
  const raw = answer.message;
  const responseHeaders = {};
  for (let i = 0; raw.rawHeaders && i < raw.rawHeaders.length; i += 2) {
    const name = canonicalHeaderName(raw.rawHeaders[i]);
    responseHeaders[name] = name in responseHeaders ? `${responseHeaders[name]}, ${raw.rawHeaders[i + 1]}` : raw.rawHeaders[i + 1];
  }
  state.requests++;
  const callback = params.responseCallback === undefined ? defaultCallback : params.responseCallback;
  if (params.responseCallback !== undefined && params.responseCallback !== null && !params.responseCallback[EXPECTED]) {
    throw new Error('responseCallback takes http.expectedStatuses(...) or null');
  }
  const tags = { ...baseTags(), method: method.toUpperCase(), url: target, name: target, status: String(raw.status), ...(params.tags || {}) };
  const failed = callback ? !callback(raw.status) : false;
  if (callback) {
    tags.expected_response = String(!failed);
    sample('http_req_failed', failed ? 1 : 0, tags);
  }
  if (failed) state.unexpected.push(`${method.toUpperCase()} ${target} (${tags.name}) -> ${raw.status}${raw.error ? ` ${raw.error}` : ''}`);
  sample('http_reqs', 1, tags);
  sample('http_req_duration', raw.duration, tags);
  const text = raw.body ?? '';
  return {
    status: raw.status,
    status_text: raw.statusText || '',
    body: text,
    headers: responseHeaders,
    url: raw.url,
    error: raw.error || '',
    error_code: raw.status === 0 ? 1000 : raw.status >= 400 ? 1000 + raw.status : 0,
    timings: { duration: raw.duration, waiting: raw.duration, blocked: 0, connecting: 0, tls_handshaking: 0, sending: 0, receiving: 0 },
    request: { method: method.toUpperCase(), url: target, headers, body: encoded ?? '' },
    json(selector) {
      let parsed;
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        throw new Error(`cannot parse json due to an error at ${target}: ${e.message}`);
      }
      return selector === undefined ? parsed : path(parsed, selector);
    },
  };
}

export const get = (url, params) => request('GET', url, null, params);
export const head = (url, params) => request('HEAD', url, null, params);
export const options = (url, body, params) => request('OPTIONS', url, body, params);
export const post = (url, body, params) => request('POST', url, body, params);
export const put = (url, body, params) => request('PUT', url, body, params);
export const patch = (url, body, params) => request('PATCH', url, body, params);
export const del = (url, body, params) => request('DELETE', url, body, params);

/** batch: k6 sends them in parallel; the dry run sends them one after another (same answers, no timing). */
export function batch(requests) {
  const one = (r) => (typeof r === 'string' ? get(r) : Array.isArray(r) ? request(r[0], r[1], r[2], r[3]) : request(r.method, r.url, r.body, r.params));
  if (Array.isArray(requests)) return requests.map(one);
  return Object.fromEntries(Object.entries(requests).map(([k, r]) => [k, one(r)]));
}

export default { request, get, head, options, post, put, patch, del, batch, expectedStatuses, setResponseCallback };
