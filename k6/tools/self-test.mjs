// Proves that each of the three checks fails when it should: runs the type check, the options check and the
// dry run on every deliberately broken script in fixtures/ and expects the failure its first line names
// (`// expect-fail: <check>: <text>`), and the dry run on fixtures/dry-good.js, which must pass. The dry-run
// fixtures talk to a small HTTP stub started here (no system needed).
// Prints "N passed, N failed"; exit 1 if any expectation did not hold.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const k6Dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(k6Dir, 'fixtures');

const stub = http.createServer((req, res) => {
  const send = (status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'stub-1', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  req.resume();
  req.on('end', () => {
    if (req.method === 'POST' && req.url === '/thing') return send(201, { id: 't1' }, { location: '/thing/1' });
    if (req.method === 'GET' && req.url === '/thing') return send(200, { nested: { value: 42 } }, { etag: '"1"' });
    if (req.method === 'DELETE' && req.url === '/thing/1') return send(204);
    if (req.url === '/boom') return send(500, { title: 'boom' });
    return send(404, { title: 'not found' });
  });
});
await new Promise((resolve) => stub.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (stub.address()).port}`;

// The stub serves from this process's event loop, which spawnSync would block: children run asynchronously.
function exec(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: k6Dir, env: { ...process.env, BASE_URL: baseUrl } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

const tsc = path.join(k6Dir, 'node_modules', 'typescript', 'bin', 'tsc');
const commands = {
  'type-check': () => exec(process.execPath, [tsc, '--noEmit', '-p', path.join('fixtures', 'tsconfig.json')]),
  options: (file) => exec(process.execPath, ['tools/check-options.mjs', path.join('fixtures', file)]),
  'dry-run': (file) => exec(process.execPath, ['tools/dry-run.mjs', path.join('fixtures', file)]),
};

let passed = 0;
let failed = 0;
const proven = new Set();
for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.js')).sort()) {
  const first = readFileSync(path.join(fixtures, file), 'utf8').split('\n')[0];
  const expectation = /^\/\/ expect-(fail|pass): ([a-z-]+)(?:: (.*))?$/.exec(first);
  if (!expectation || !commands[expectation[2]]) {
    failed++;
    console.log(`  FAIL ${file}: first line is not "// expect-fail: <type-check|options|dry-run>: <text>"`);
    continue;
  }
  const [, kind, check, text] = expectation;
  const { code, out } = await commands[check](file);
  let problem = null;
  if (kind === 'pass' && code !== 0) problem = `expected ${check} to pass, it exited ${code}:\n${out}`;
  if (kind === 'fail' && code === 0) problem = `expected ${check} to fail, it passed:\n${out}`;
  if (kind === 'fail' && code !== 0 && text && !out.includes(text)) problem = `${check} failed, but without "${text}":\n${out}`;
  if (problem) {
    failed++;
    console.log(`  FAIL ${file}: ${problem}`);
  } else {
    passed++;
    if (kind === 'fail') proven.add(check);
    console.log(`  ok   ${file}: ${check} ${kind === 'fail' ? `fails (${text})` : 'passes'}`);
  }
}
for (const check of Object.keys(commands)) {
  if (!proven.has(check)) {
    failed++;
    console.log(`  FAIL no fixture shows that the ${check} can fail`);
  }
}
stub.close();
console.log(`k6-self-test: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
