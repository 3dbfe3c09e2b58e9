// The network side of the dry-run's k6/http: performs one request at a time for the main thread, which
// blocks on a shared flag until the answer is posted (k6's http calls are synchronous; Node's are not).
import http from 'node:http';
import https from 'node:https';
import { workerData } from 'node:worker_threads';

const { flag, port } = workerData;
const signal = new Int32Array(flag);

function once(request) {
  return new Promise((resolve) => {
    const started = performance.now();
    const url = new URL(request.url);
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, { method: request.method, headers: request.headers, timeout: request.timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({
        status: res.statusCode, statusText: `${res.statusCode} ${res.statusMessage || ''}`.trim(),
        rawHeaders: res.rawHeaders, body: Buffer.concat(chunks).toString('utf8'), url: request.url,
        duration: performance.now() - started,
      }));
      res.on('error', (e) => resolve({ status: 0, error: e.message, code: e.code, url: request.url, duration: performance.now() - started }));
    });
    req.on('timeout', () => req.destroy(new Error(`request timeout after ${request.timeoutMs} ms`)));
    req.on('error', (e) => resolve({ status: 0, error: e.message, code: e.code, url: request.url, duration: performance.now() - started }));
    if (request.body !== null && request.body !== undefined) req.write(request.body);
    req.end();
  });
}

// k6 follows redirects (maxRedirects, 10 by default; `redirects` per request).
async function send(request) {
  let current = request;
  for (let hop = 0; ; hop++) {
    const res = await once(current);
    const location = res.rawHeaders && headerValue(res.rawHeaders, 'location');
    if (![301, 302, 303, 307, 308].includes(res.status) || !location || hop >= request.redirects) return res;
    const keepBody = res.status === 307 || res.status === 308;
    current = { ...current, url: new URL(location, current.url).href, method: keepBody ? current.method : 'GET', body: keepBody ? current.body : null };
  }
}

function headerValue(raw, name) {
  for (let i = 0; i < raw.length; i += 2) if (raw[i].toLowerCase() === name) return raw[i + 1];
  return undefined;
}

port.on('message', async (request) => {
  let result;
  try {
    result = await send(request);
  } catch (e) {
    result = { status: 0, error: String(e && e.message), url: request.url, duration: 0 };
  }
  port.postMessage(result);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
