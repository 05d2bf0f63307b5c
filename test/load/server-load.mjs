// Load and abuse test for `factlint serve` (loopback only): CLIENTS concurrent clients for
// SECONDS seconds, mixing valid articles with oversize bodies, malformed JSON, wrong tokens,
// bad dates, slow-drip bodies and stalled requests. Fails (exit 1) on any 5xx or wrong
// status, a crash, or memory growth over the bound; prints latency and memory either way.
// Usage: node test/load/server-load.mjs [--seconds 30] [--clients 200]
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seededRandom } from '../seeded-random.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '30' }, clients: { type: 'string', default: '200' } },
});
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const TOKEN = 'load-test-token-0123456789abcdef';
/** The server's resident memory may grow by at most this much from warm-up to the end. */
const MAX_GROWTH_MB = 150;
/** The mix of requests repeats from run to run (how many are sent still depends on the machine). */
const random = seededRandom(20261207);

const articles = readdirSync(join(root, 'corpus'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(join(root, 'corpus', f), 'utf8'));

const server = spawn(process.execPath, [join(root, 'dist/cli.js'), 'serve', '--port', '0', '--token', TOKEN], {
  stdio: ['ignore', 'ignore', 'pipe'],
});
let serverLog = '';
let crashed = null;
server.on('exit', (code, signal) => {
  crashed ??= `server exited (code ${code}, signal ${signal})`;
});
const port = await new Promise((found, fail) => {
  server.stderr.on('data', (chunk) => {
    serverLog += chunk;
    const match = /serving on http:\/\/[^:]+:(\d+)/.exec(serverLog);
    if (match) found(Number(match[1]));
  });
  server.once('exit', () => fail(new Error(`factlint serve did not start: ${serverLog}`)));
});

function rssMB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

// Idle sockets are dropped well before the server's 5 s keep-alive timeout, so the client
// rarely reuses one the server is closing.
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS, timeout: 2_000 });

/**
 * One HTTP request; resolves with the status (or the client-side error code) and the time
 * taken. A reset on a reused keep-alive socket is the known race of HTTP keep-alive (the
 * server closed an idle socket as the client sent on it), so it is retried once, as Node's
 * documentation advises; any other reset counts.
 */
async function send(request, retried = false) {
  const result = await sendOnce(request);
  if (result.status === 'ECONNRESET' && result.reusedSocket && !retried) {
    reusedResets++;
    return send(request, true);
  }
  return result;
}
let reusedResets = 0;

function sendOnce({ body, token = TOKEN, drip = false, stall = false }) {
  return new Promise((done) => {
    const started = performance.now();
    const finish = (status) => done({ status, ms: performance.now() - started, reusedSocket: req.reusedSocket });
    const bytes = Buffer.from(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/v1/check',
        method: 'POST',
        agent: stall || drip ? false : agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': bytes.length,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => finish(res.statusCode));
        res.on('error', (error) => finish(error.code ?? 'error'));
      },
    );
    req.on('error', (error) => finish(error.code ?? 'error'));
    if (stall) {
      req.write(bytes.subarray(0, 10));
      setTimeout(() => req.destroy(), 3_000);
    } else if (drip) {
      let at = 0;
      const step = Math.ceil(bytes.length / 20);
      const timer = setInterval(() => {
        req.write(bytes.subarray(at, at + step));
        at += step;
        if (at >= bytes.length) {
          clearInterval(timer);
          req.end();
        }
      }, 50);
    } else req.end(bytes);
  });
}

const valid = () =>
  JSON.stringify({
    text: articles[Math.floor(random() * articles.length)],
    date: '2026-01-07',
    filename: 'article.md',
  });
const KINDS = [
  { name: 'valid', weight: 60, expect: [200], make: () => ({ body: valid() }) },
  {
    name: 'oversize',
    weight: 3,
    expect: [413, 'ECONNRESET', 'EPIPE'],
    make: () => ({ body: JSON.stringify({ text: 'x'.repeat(3 * 1024 * 1024) }) }),
  },
  { name: 'malformed JSON', weight: 10, expect: [400], make: () => ({ body: '{"text": "unfinished' }) },
  {
    name: 'wrong token',
    weight: 10,
    expect: [401],
    make: () => ({ body: valid(), token: 'not-the-token-at-all-0000' }),
  },
  {
    name: 'bad date',
    weight: 10,
    expect: [400],
    make: () => ({ body: JSON.stringify({ text: 'x', date: '2025-02-30' }) }),
  },
  { name: 'slow drip', weight: 5, expect: [200], make: () => ({ body: valid(), drip: true }) },
  { name: 'stalled', weight: 2, expect: ['ECONNRESET', 'aborted', 408], make: () => ({ body: valid(), stall: true }) },
];
const totalWeight = KINDS.reduce((sum, k) => sum + k.weight, 0);
function pick() {
  let r = random() * totalWeight;
  for (const kind of KINDS) {
    r -= kind.weight;
    if (r < 0) return kind;
  }
  return KINDS[0];
}

// Warm up, then measure memory from here.
for (let i = 0; i < 200; i++) await send({ body: valid() });
const startMB = rssMB(server.pid);
let peakMB = startMB;
const sampler = setInterval(() => {
  if (!crashed) peakMB = Math.max(peakMB, rssMB(server.pid));
}, 250);

const results = new Map(KINDS.map((k) => [k.name, { count: 0, statuses: new Map(), ms: [] }]));
const deadline = performance.now() + SECONDS * 1000;
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < deadline && !crashed) {
      const kind = pick();
      const { status, ms } = await send(kind.make());
      const r = results.get(kind.name);
      r.count++;
      r.statuses.set(status, (r.statuses.get(status) ?? 0) + 1);
      if (kind.name === 'valid' && status === 200) r.ms.push(ms);
    }
  }),
);
clearInterval(sampler);
agent.destroy();
const health = crashed
  ? null
  : await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((r) => r.status)
      .catch((e) => e.code);
const endMB = crashed ? NaN : rssMB(server.pid);
server.kill('SIGTERM');

const sorted = results.get('valid').ms.sort((a, b) => a - b);
const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const problems = [];
console.log(`server load: ${CLIENTS} clients for ${SECONDS} s against factlint serve (loopback)`);
for (const kind of KINDS) {
  const r = results.get(kind.name);
  const statuses = [...r.statuses].map(([s, n]) => `${s}×${n}`).join(' ');
  console.log(`  ${kind.name.padEnd(15)} ${String(r.count).padStart(7)} requests   ${statuses}`);
  for (const [status, n] of r.statuses) {
    if (typeof status === 'number' && status >= 500)
      problems.push(`${kind.name}: ${n} responses with status ${status}`);
    else if (!kind.expect.includes(status)) problems.push(`${kind.name}: ${n} unexpected outcomes ${status}`);
  }
}
console.log(`  resets on reused keep-alive sockets, retried once: ${reusedResets}`);
console.log(
  `  valid requests: p50 ${at(50).toFixed(1)} ms, p99 ${at(99).toFixed(1)} ms, ${(sorted.length / SECONDS).toFixed(0)} per second`,
);
console.log(
  `  server memory (RSS): ${startMB.toFixed(0)} MB after warm-up, peak ${peakMB.toFixed(0)} MB, ${endMB.toFixed(0)} MB at the end (bound: +${MAX_GROWTH_MB} MB)`,
);
if (crashed) problems.push(crashed);
if (health !== 200) problems.push(`/healthz after the run answered ${health}`);
if (!(endMB - startMB <= MAX_GROWTH_MB)) problems.push(`memory grew by ${(endMB - startMB).toFixed(0)} MB`);
if (problems.length) {
  console.error(`server load: FAILED\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('server load: passed (no 5xx, no unexpected status, no crash, memory within bound)');
