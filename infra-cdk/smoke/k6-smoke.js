// A short read-mostly load smoke of the deployed HTTP API: passes or fails on its own thresholds.
// Run: k6 run -e API_URL=https://abc123.execute-api.eu-west-1.amazonaws.com infra-cdk/smoke/k6-smoke.js
// Env:  API_URL (required), VUS (default 5), DURATION (default 1m)
import http from 'k6/http';
import { check, fail } from 'k6';

const api = (__ENV.API_URL || '').replace(/\/$/, '');
if (!api) {
  fail('set API_URL (the ApiUrl stack output)');
}

export const options = {
  vus: Number(__ENV.VUS || 5),
  duration: __ENV.DURATION || '1m',
  thresholds: {
    http_req_failed: ['rate<0.01'],
    'http_req_duration{name:list}': ['p(95)<500'],
    'http_req_duration{name:read}': ['p(95)<300'],
    checks: ['rate>0.99'],
  },
};

const json = { headers: { 'Content-Type': 'application/json' } };

export function setup() {
  const res = http.post(
    `${api}/product`,
    JSON.stringify({ name: 'k6 lamp', description: 'k6 smoke', imageFile: 'lamp.png', price: 9.9, category: 'K6' }),
    json,
  );
  if (res.status !== 201) {
    fail(`POST /product answered ${res.status}: ${res.body}`);
  }
  return { id: res.json('id') };
}

export default function (data) {
  const list = http.get(`${api}/product?category=K6&limit=10`, { tags: { name: 'list' } });
  check(list, { 'list 200': (r) => r.status === 200 });
  const read = http.get(`${api}/product/${data.id}`, { tags: { name: 'read' } });
  check(read, { 'read 200': (r) => r.status === 200, 'read has ETag': (r) => !!r.headers.Etag });
}
