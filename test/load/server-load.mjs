// Load and abuse test for `factlint serve` (loopback only). For SECONDS seconds:
// - CLIENTS well-behaved clients, each from its own loopback address (127.1.x.y), mixing valid
//   articles with oversize bodies, malformed JSON, wrong tokens, bad dates, slow-drip and stalled
//   bodies: none of them may get a 5xx;
// - a slow-body client: 300 POSTs from one address sending 4 bytes every 2 s;
// - unread-answer clients: 40 clients that send articles with large answers and never read them;
// - hostile-body clients: 2 MB bodies built to be slow to check (unclosed "[", one paragraph of
//   quotes and names, a long quotation full of titles);
// - a /healthz prober in a process of its own, every 50 ms.
// Fails (exit 1) on a 5xx for a well-behaved client, an unexpected status, a crash, /healthz p99
// over 100 ms while the hostile clients run, or resident memory not back within 50 MB of its
// start after they leave. Prints latency and memory either way.
// Usage: node test/load/server-load.mjs [--seconds 30] [--clients 200]
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seededRandom } from '../seeded-random.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    clients: { type: 'string', default: '200' },
    // Only the well-behaved clients: the throughput without attackers, for comparison.
    'no-hostile': { type: 'boolean', default: false },
    // One kind of attacker only: slow-body, unread-answer or hostile-body.
    only: { type: 'string' },
  },
});
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const TOKEN = 'load-test-token-0123456789abcdef';
/** After the clients leave, resident memory must come back within this much of where it started. */
const MAX_RSS_AFTER_MB = 50;
const MAX_HEALTH_P99_MS = 100;
const attacking = (kind) => !values['no-hostile'] && (values.only === undefined || values.only === kind);
const SLOW_BODY_REQUESTS = attacking('slow-body') ? 300 : 0;
const UNREAD_CLIENTS = attacking('unread-answer') ? 40 : 0;
const HOSTILE_CLIENTS = attacking('hostile-body') ? 4 : 0;
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

/** Loopback addresses, one per simulated client: 127.<group>.<x>.<y>. */
const address = (group, i) => `127.${group}.${Math.floor(i / 250)}.${(i % 250) + 1}`;
const delay = (ms) => new Promise((done) => setTimeout(done, ms));

let reusedResets = 0;

/**
 * One HTTP request; resolves with the status (or the client-side error code) and the time
 * taken. A reset on a reused keep-alive socket is the known race of HTTP keep-alive (the
 * server closed an idle socket as the client sent on it), so it is retried once, as Node's
 * documentation advises; any other reset counts.
 */
async function send(options, retried = false) {
  const result = await sendOnce(options);
  if (result.status === 'ECONNRESET' && result.reusedSocket && !retried) {
    reusedResets++;
    return send(options, true);
  }
  return result;
}

function sendOnce({ body, agent, localAddress, token = TOKEN, drip = false, stall = false }) {
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
        localAddress,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': bytes.length,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          if (text.length < 200) text += chunk;
        });
        res.on('end', () => {
          if (process.env.FACTLINT_LOAD_VERBOSE && res.statusCode === 408 && drip) console.log(`  drip 408: ${text}`);
          finish(res.statusCode);
        });
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

/** Bodies of about 2 MB built to be slow to check. */
const HOSTILE_BODIES = [
  JSON.stringify({ text: '['.repeat(1_900_000), date: '2026-01-07' }),
  JSON.stringify({ text: '!['.repeat(950_000), date: '2026-01-07' }),
  JSON.stringify({
    text: 'German Chancellor Friedrich Merz said the plan “works”, he said. Scholz disagreed; '.repeat(22_000),
    date: '2026-01-07',
  }),
  JSON.stringify({
    text: `“${'President Dick Cheney and Chancellor Olaf Scholz met. '.repeat(30_000)}`,
    date: '2026-01-07',
  }),
];
/**
 * An article of 1 MB whose answer would be huge (30,000 findings, quotes and claims; 37 MB for a
 * 2 MB body before 0.2.0): the server sends at most 1 MB, and holds it 10 s for a client that
 * does not read it.
 */
const BIG_ANSWER = JSON.stringify({ text: 'Chancellor Olaf Scholz said “no”. '.repeat(30_000), date: '2026-01-07' });

/** A request on a raw socket whose answer is never read; the socket is dropped after `holdMs`. */
function unreadRequest(localAddress, holdMs) {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress });
    const body = Buffer.from(BIG_ANSWER);
    socket.on('error', () => {});
    socket.on('connect', () => {
      socket.pause();
      socket.write(
        `POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TOKEN}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
      );
      socket.write(body);
    });
    setTimeout(() => {
      socket.destroy();
      done();
    }, holdMs);
  });
}

/** A POST that sends 4 bytes every 2 s until the server gives up on it; its status or error. */
function slowBodyRequest(localAddress, until) {
  return new Promise((done) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/v1/check',
      method: 'POST',
      agent: false,
      localAddress,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'content-length': 1000 },
    });
    const timer = setInterval(() => {
      if (performance.now() > until) {
        req.destroy();
        return;
      }
      req.write('    ');
    }, 2_000);
    const finish = (status) => {
      clearInterval(timer);
      done(status);
    };
    req.on('response', (res) => {
      res.resume();
      finish(res.statusCode);
      req.destroy();
    });
    req.on('error', (error) => finish(error.code ?? 'error'));
    req.on('close', () => finish('closed'));
    req.write('{"te');
  });
}

/** The /healthz prober, in a process of its own so that this one's load does not delay it. */
function startProber() {
  const code = `
    const http = require('node:http');
    const times = [];
    let stop = false;
    let measuring = false;
    process.on('message', (m) => { if (m === 'start') measuring = true; else stop = true; });
    (async () => {
      while (!stop) {
        if (!measuring) { await new Promise((done) => setTimeout(done, 20)); continue; }
        const started = performance.now();
        const status = await new Promise((done) => {
          const req = http.get({ host: '127.0.0.1', port: ${port}, path: '/healthz', agent: false,
            localAddress: '127.3.0.1' }, (res) => { res.resume(); res.on('end', () => done(res.statusCode)); });
          req.on('error', (e) => done(e.code));
          req.setTimeout(5000, () => req.destroy());
        });
        times.push([performance.now() - started, status]);
        await new Promise((done) => setTimeout(done, 50));
      }
      process.send(times, () => process.exit(0));
    })();`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const result = new Promise((done) => child.on('message', done));
  return { start: () => child.send('start'), stop: () => child.send('stop'), result };
}

const prober = startProber();

// Warm up, then measure memory from here.
const warmAgent = new Agent({ keepAlive: true, maxSockets: 8 });
for (let i = 0; i < 200; i++) await send({ body: valid(), agent: warmAgent, localAddress: '127.4.0.1' });
warmAgent.destroy();
await delay(1_000);
const startMB = rssMB(server.pid);
let peakMB = startMB;
const sampler = setInterval(() => {
  if (!crashed) peakMB = Math.max(peakMB, rssMB(server.pid));
}, 250);

prober.start();
// With FACTLINT_LOAD_VERBOSE=1: each second, the server's requests in flight and check threads,
// and this process's event-loop delay (a loaded client delays its own measurements).
const { monitorEventLoopDelay } = await import('node:perf_hooks');
const lag = monitorEventLoopDelay();
lag.enable();
const verbose = process.env.FACTLINT_LOAD_VERBOSE
  ? setInterval(async () => {
      const state = await fetch(`http://127.0.0.1:${port}/healthz`)
        .then((r) => r.json())
        .catch(() => null);
      console.log(
        `  … ${JSON.stringify({ requests: state?.requests, checks: state?.checks, memory: state?.memoryMB })}, ` +
          `client loop delay p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms, rss ${rssMB(server.pid).toFixed(0)} MB`,
      );
      lag.reset();
    }, 1_000)
  : null;
const deadline = performance.now() + SECONDS * 1000;
const results = new Map(KINDS.map((k) => [k.name, { count: 0, statuses: new Map(), ms: [] }]));
const hostile = {
  'slow body': new Map(),
  'hostile body': new Map(),
  'unread answer': new Map([['sent', 0]]),
};
const tally = (map, status) => map.set(status, (map.get(status) ?? 0) + 1);

const wellBehaved = Array.from({ length: CLIENTS }, async (_, i) => {
  // Idle sockets are dropped well before the server's 5 s keep-alive timeout, so the client
  // rarely reuses one the server is closing.
  const agent = new Agent({ keepAlive: true, maxSockets: 1, timeout: 2_000 });
  const localAddress = address(1, i);
  while (performance.now() < deadline && !crashed) {
    const kind = pick();
    const { status, ms } = await send({ ...kind.make(), agent, localAddress });
    const r = results.get(kind.name);
    r.count++;
    r.statuses.set(status, (r.statuses.get(status) ?? 0) + 1);
    if (kind.name === 'valid' && status === 200) r.ms.push(ms);
  }
  agent.destroy();
});
const slowBodies = Array.from({ length: SLOW_BODY_REQUESTS }, async () => {
  while (performance.now() < deadline && !crashed) {
    tally(hostile['slow body'], await slowBodyRequest(address(2, 0), deadline));
    await delay(1_000);
  }
});
const unread = Array.from({ length: UNREAD_CLIENTS }, async (_, i) => {
  while (performance.now() < deadline && !crashed) {
    hostile['unread answer'].set('sent', hostile['unread answer'].get('sent') + 1);
    await unreadRequest(address(5, i), 12_000);
  }
});
const hostileBodies = Array.from({ length: HOSTILE_CLIENTS }, async (_, i) => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1, timeout: 2_000 });
  while (performance.now() < deadline && !crashed) {
    const body = HOSTILE_BODIES[i % HOSTILE_BODIES.length];
    tally(hostile['hostile body'], (await send({ body, agent, localAddress: address(6, i) })).status);
  }
  agent.destroy();
});
await Promise.all(wellBehaved);
if (verbose) clearInterval(verbose);
prober.stop();
const probes = await prober.result;
await Promise.all([...slowBodies, ...unread, ...hostileBodies]);

// The clients have left: memory should come back.
let endMB = crashed ? NaN : rssMB(server.pid);
const leftAt = performance.now();
while (!crashed && endMB - startMB > MAX_RSS_AFTER_MB && performance.now() - leftAt < 60_000) {
  await delay(1_000);
  endMB = rssMB(server.pid);
}
const settleSeconds = (performance.now() - leftAt) / 1000;
clearInterval(sampler);
const health = crashed
  ? null
  : await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((r) => r.status)
      .catch((e) => e.code);
server.kill('SIGTERM');

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const problems = [];
console.log(`server load: ${CLIENTS} well-behaved clients for ${SECONDS} s against factlint serve (loopback), with`);
console.log(
  `  ${SLOW_BODY_REQUESTS} slow-body POSTs, ${UNREAD_CLIENTS} unread-answer clients, ${HOSTILE_CLIENTS} hostile-body clients`,
);
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
for (const [name, statuses] of Object.entries(hostile)) {
  console.log(`  ${name.padEnd(15)} (hostile)  ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`);
}
for (const [status, n] of hostile['slow body'])
  if (![408, 429, 'ECONNRESET', 'EPIPE', 'closed'].includes(status)) problems.push(`slow body: ${n}× ${status}`);
// Refused unread (503 while large articles queue): the client may be cut off mid-body.
for (const [status, n] of hostile['hostile body'])
  if (![200, 503, 429, 'EPIPE', 'ECONNRESET'].includes(status)) problems.push(`hostile body: ${n}× ${status}`);
console.log(`  resets on reused keep-alive sockets, retried once: ${reusedResets}`);
const validMs = results.get('valid').ms;
console.log(
  `  valid requests: p50 ${percentile(validMs, 50).toFixed(1)} ms, p99 ${percentile(validMs, 99).toFixed(1)} ms, ` +
    `${(validMs.length / SECONDS).toFixed(0)} per second`,
);
const healthMs = probes.map(([ms]) => ms);
const healthBad = probes.filter(([, status]) => status !== 200).length;
const healthP99 = percentile(healthMs, 99);
console.log(
  `  /healthz while under attack: ${probes.length} probes, p50 ${percentile(healthMs, 50).toFixed(1)} ms, ` +
    `p99 ${healthP99.toFixed(1)} ms, max ${Math.max(...healthMs).toFixed(1)} ms, not 200: ${healthBad} ` +
    `(bound: p99 ${MAX_HEALTH_P99_MS} ms)`,
);
console.log(
  `  server memory (RSS): ${startMB.toFixed(0)} MB after warm-up, peak ${peakMB.toFixed(0)} MB, ` +
    `${endMB.toFixed(0)} MB ${settleSeconds.toFixed(0)} s after the clients left (bound: +${MAX_RSS_AFTER_MB} MB)`,
);
if (crashed) problems.push(crashed);
if (health !== 200) problems.push(`/healthz after the run answered ${health}`);
if (healthBad > 0) problems.push(`/healthz answered something else than 200 ${healthBad} times`);
if (!(healthP99 <= MAX_HEALTH_P99_MS)) problems.push(`/healthz p99 ${healthP99.toFixed(1)} ms`);
if (!(endMB - startMB <= MAX_RSS_AFTER_MB)) problems.push(`memory stayed ${(endMB - startMB).toFixed(0)} MB up`);
if (problems.length) {
  console.error(`server load: FAILED\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('server load: passed (no 5xx for well-behaved clients, /healthz fast, memory back, no crash)');
