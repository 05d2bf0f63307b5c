import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/config.js';
import { MAX_ANSWER_BYTES } from '../src/server/answer.js';
import { createFactlintServer, MAX_BODY_BYTES, type ServerOptions } from '../src/server/http.js';
import { CheckPool, type PoolOptions } from '../src/server/pool.js';
import { validatorFor } from '../src/util/validate.js';
import reportSchema from '../src/report/schema.json' with { type: 'json' };
import { ROOT, rules, shipped } from './helpers.js';

const TOKEN = 'correct-horse-battery-staple';
const ARTICLE = 'German Chancellor Friedrich Merz spoke in Berlin.\n\n“Germany will engage,” Scholz said.\n';
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

interface Started {
  server: Server;
  base: string;
  port: number;
  pool: CheckPool;
  close: () => Promise<void>;
}

/** A server in this process, its checks on worker threads from the build (dist/server-worker.js). */
async function start(
  token: string | null,
  options: Partial<ServerOptions> = {},
  poolOptions: Partial<PoolOptions> = {},
): Promise<Started> {
  const reference = { table: shipped(), rules: rules() };
  const pool = new CheckPool({
    script: join(ROOT, 'dist/server-worker.js'),
    settings: { config: defaultConfig(), cwd: ROOT, date: null, reportUnusedDirectives: false },
    size: 2,
    checkTimeoutMs: 10_000,
    queueTimeoutMs: 15_000,
    log: () => {},
    ...poolOptions,
  });
  await pool.ready();
  const server = createFactlintServer({
    reference: () => reference,
    checker: pool,
    token,
    allowedHosts: LOOPBACK_NAMES,
    requestTimeoutMs: 5_000,
    maxConcurrent: 64,
    maxPerClient: 32,
    log: () => {},
    ...options,
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const port = (server.address() as AddressInfo).port;
  const close = async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    await pool.close();
  };
  return { server, base: `http://127.0.0.1:${port}`, port, pool, close };
}

interface RawOptions {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Another loopback address to send from: another client. */
  localAddress?: string;
}

/** One request with headers fetch would not send (Host, a raw target); the status and body, or the error code. */
function raw(port: number, options: RawOptions = {}): Promise<{ status: number | string; body: string; ms: number }> {
  const started = performance.now();
  return new Promise((done) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/healthz',
        headers: options.headers ?? {},
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, body, ms: performance.now() - started }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      done({ status: error.code ?? 'error', body: '', ms: performance.now() - started }),
    );
    req.end(options.body);
  });
}

const JSON_HEADERS = { 'content-type': 'application/json' };

async function post(base: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/v1/check`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as {
      error?: { message: string };
      files?: { findings: { text: string; ruleId: string }[] }[];
    },
  };
}

describe('HTTP API', () => {
  let open: Started;
  let guarded: Started;
  // Two pools of two threads, each loading the shipped table: seconds on a busy machine.
  beforeAll(async () => {
    open = await start(null);
    guarded = await start(TOKEN);
  }, 60_000);
  afterAll(async () => {
    await open?.close();
    await guarded?.close();
  });

  it('GET /healthz says ok, with the table it serves', async () => {
    const response = await fetch(`${open.base}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.json()).toMatchObject({
      status: 'ok',
      table: { offices: shipped().offices.size },
      checks: { workers: 2, busy: 0, queued: 0 },
    });
  });

  it('POST /v1/check returns the JSON report, valid against the report schema', async () => {
    const { status, json } = await post(
      open.base,
      JSON.stringify({ text: ARTICLE, date: '2026-01-07', format: 'text', filename: 'a.txt' }),
    );
    expect(status).toBe(200);
    expect(validatorFor(reportSchema)(json)).toBe(true);
    expect(json.files?.[0]?.findings.map((f) => `${f.ruleId} ${f.text}`)).toEqual(['quote-attribution Scholz']);
  });

  it('rejects malformed JSON, missing and unknown fields, wrong types and bad dates with 400, naming the field', async () => {
    const cases: [string, RegExp][] = [
      ['{"text": ', /not valid JSON/],
      ['{}', /^text: required$/],
      ['{"text": 5}', /^text: must be a string$/],
      ['{"text": "x", "date": "soon"}', /^date: not a date/],
      ['{"text": "x", "date": "2025-02-30"}', /^date: not a real date/],
      ['{"text": "x", "format": "docx"}', /^format: must be one of markdown, text, html$/],
      ['{"text": "x", "<script>alert(1)</script>": 1}', /^unknown field in the request/],
      ['[1, 2]', /^request: must be a object$/],
    ];
    for (const [body, message] of cases) {
      const { status, json } = await post(open.base, body);
      expect(status, body).toBe(400);
      expect(json.error?.message, body).toMatch(message);
      expect(JSON.stringify(json)).not.toContain('<script>');
    }
  });

  it('refuses a body that is not UTF-8 (400) and takes one that starts with a byte order mark', async () => {
    const send = (body: Buffer) => raw(open.port, { method: 'POST', path: '/v1/check', headers: JSON_HEADERS, body });
    const json = Buffer.from(JSON.stringify({ text: ARTICLE, date: '2026-01-07' }));
    const bad = await send(Buffer.concat([Buffer.from('{"text": "'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]));
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ error: { message: 'the request body is not UTF-8' } });
    const surrogate = await send(
      Buffer.concat([Buffer.from('{"text": "'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
    );
    expect(surrogate.status).toBe(400);
    expect((await send(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json]))).status).toBe(200);
  });

  it('never sends request text back as raw markup: <, > and & leave as JSON escapes', async () => {
    const article = `${ARTICLE}\n“<script>alert(1)</script> & more,” Scholz said.\n`;
    const response = await fetch(`${open.base}/v1/check`, {
      method: 'POST',
      body: JSON.stringify({ text: article, date: '2026-01-07' }),
      headers: { 'content-type': 'application/json' },
    });
    const raw = await response.text();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(raw).not.toMatch(/[<>&]/);
    expect(raw).toContain('\\u003cscript\\u003e');
    const parsed = JSON.parse(raw) as { files: { quotes: { text: string }[] }[] };
    expect(parsed.files[0]?.quotes.map((q) => q.text)).toContain('“<script>alert(1)</script> & more,”');
    const broken = await fetch(`${open.base}/v1/check`, {
      method: 'POST',
      body: JSON.stringify({ text: '---\n<b>: [x\n---\n', filename: '<i>.md' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(422);
    expect(await broken.text()).not.toMatch(/[<>]/);
  });

  it('checks HTML (format: "html"): positions in the HTML, the date source "request" when the body gave it', async () => {
    const html =
      '<p>German Chancellor <em>Friedrich</em>&nbsp;Merz spoke.</p>\n<p>&ldquo;We will engage,&rdquo; Scholz said.</p>';
    const { status, json } = await post(open.base, JSON.stringify({ text: html, format: 'html', date: '2026-01-07' }));
    expect(status).toBe(200);
    expect(validatorFor(reportSchema)(json)).toBe(true);
    const file = json.files?.[0] as unknown as {
      date: { source: string };
      findings: { text: string; offset: number; line: number }[];
    };
    expect(file.date.source).toBe('request');
    expect(file.findings.map((f) => [f.text, f.offset, f.line])).toEqual([['Scholz', html.indexOf('Scholz'), 2]]);
    const undated = await post(open.base, JSON.stringify({ text: '---\ndate: 2026-01-07\n---\nText.\n' }));
    const [undatedFile] = (undated.json.files ?? []) as unknown as { date: { source: string } }[];
    expect(undatedFile?.date.source).toBe('front-matter');
  });

  it('answers 422 for malformed front matter in the text', async () => {
    const { status, json } = await post(
      open.base,
      JSON.stringify({ text: '---\ndate: [x\n---\nBody', format: 'markdown', filename: 'a.md' }),
    );
    expect(status).toBe(422);
    expect(json.error?.message).toBe(
      'a.md:2:1: front matter, line 2: a [ opens a value that is never closed: end it with ] on the same line',
    );
  });

  it('refuses a body over 2 MB with 413, declared or streamed', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await post(open.base, big)).status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(MAX_BODY_BYTES / 2)));
        controller.close();
      },
    });
    const response = await fetch(`${open.base}/v1/check`, {
      method: 'POST',
      body: stream,
      headers: JSON_HEADERS,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('requires the bearer token when one is set', async () => {
    const body = JSON.stringify({ text: ARTICLE });
    expect((await post(guarded.base, body)).status).toBe(401);
    expect((await post(guarded.base, body, { authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(401);
    expect((await post(guarded.base, body, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await fetch(`${guarded.base}/healthz`)).status).toBe(200);
  });

  it('GET /v1/reference/who answers who held an office on a date', async () => {
    const response = await fetch(`${open.base}/v1/reference/who?office=German%20Chancellor&date=2026-01-07`);
    const json = (await response.json()) as { offices: { id: string; holders: { person: string }[] }[] };
    expect(json.offices).toEqual([
      expect.objectContaining({
        id: 'de-chancellor',
        holders: [expect.objectContaining({ person: 'Friedrich Merz' })],
      }),
    ]);
    expect((await fetch(`${open.base}/v1/reference/who?office=German%20Chancellor&date=later`)).status).toBe(400);
    expect((await fetch(`${open.base}/v1/reference/who?date=2026`)).status).toBe(400);
  });

  it('unknown routes are 404 and wrong methods 405, as JSON', async () => {
    const missing = await fetch(`${open.base}/v2/nothing`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/no such route/);
    expect((await fetch(`${open.base}/v1/check`)).status).toBe(405);
    expect((await fetch(`${open.base}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('serves the page with a restrictive Content-Security-Policy', async () => {
    const response = await fetch(`${open.base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<script type="module" src="/app.js">');
  });
});

describe('HTTP API under hostile requests (issue 17)', () => {
  /** About 1.5 MB of one paragraph: a check of a second or more, on any machine. */
  const HOSTILE = JSON.stringify({
    text: 'German Chancellor Friedrich Merz said the plan “works”, he said. Scholz disagreed; '.repeat(18_000),
    date: '2026-01-07',
  });

  it('answers /healthz within 100 ms while a check runs past its time budget; that check gets 503', async () => {
    const logged: string[] = [];
    const budget = await start(
      null,
      { log: (line) => logged.push(line) },
      {
        checkTimeoutMs: 500,
        log: (line) => logged.push(line),
      },
    );
    try {
      const hostile = raw(budget.port, { method: 'POST', path: '/v1/check', headers: JSON_HEADERS, body: HOSTILE });
      let answered: { status: number | string; body: string; ms: number } | null = null;
      void hostile.then((result) => (answered = result));
      // The body is sent and parsed in this process; the probes measure from when the check is on its thread.
      while (budget.pool.stats().busy === 0 && answered === null) await new Promise((done) => setTimeout(done, 5));
      const health: number[] = [];
      while (answered === null) {
        const probe = await raw(budget.port);
        expect(probe.status).toBe(200);
        health.push(probe.ms);
        await new Promise((done) => setTimeout(done, 20));
      }
      const result = await hostile;
      expect(result.status).toBe(503);
      expect(JSON.parse(result.body)).toEqual({
        error: { message: 'the check took longer than the 0.5 s limit; the text was not checked' },
      });
      expect(result.ms).toBeLessThan(3_000);
      expect(health.length).toBeGreaterThan(5);
      expect(Math.max(...health), health.map((ms) => ms.toFixed(0)).join(' ')).toBeLessThan(100);
      expect(logged).toContain('a check ran past the 0.5 s limit; its thread is replaced');
      // The thread was replaced: the next check is answered.
      const next = await raw(budget.port, {
        method: 'POST',
        path: '/v1/check',
        headers: JSON_HEADERS,
        body: JSON.stringify({ text: ARTICLE, date: '2026-01-07' }),
      });
      expect(next.status).toBe(200);
    } finally {
      await budget.close();
    }
  }, 30_000);

  it('cuts an answer to at most 1,000 findings, quotes and claims and 1 MB, marked truncated, the summary counting all', async () => {
    const server = await start(null);
    try {
      const text = 'Chancellor Olaf Scholz said “no”. '.repeat(45_000);
      const answer = await raw(server.port, {
        method: 'POST',
        path: '/v1/check',
        headers: JSON_HEADERS,
        body: JSON.stringify({ text, date: '2026-01-07' }),
      });
      expect(answer.status).toBe(200);
      expect(Buffer.byteLength(answer.body)).toBeLessThanOrEqual(MAX_ANSWER_BYTES);
      const report = JSON.parse(answer.body) as {
        files: { truncated?: boolean; findings: unknown[]; quotes: unknown[]; claims: unknown[] }[];
        summary: { errors: number };
      };
      expect(validatorFor(reportSchema)(report)).toBe(true);
      const [file] = report.files;
      expect(file?.truncated).toBe(true);
      // Cut to 1,000 each, then halved until the answer fits in 1 MB (test/unit/answer.test.ts).
      const kept = file?.findings.length ?? 0;
      expect(kept).toBeGreaterThan(100);
      expect(kept).toBeLessThanOrEqual(1000);
      expect(file?.quotes).toHaveLength(kept);
      expect(file?.claims).toHaveLength(kept);
      expect(report.summary.errors).toBeGreaterThan(10_000);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('refuses a Host not naming it (DNS rebinding), a foreign Origin, and a body that is not JSON', async () => {
    const server = await start(null);
    const check = (headers: Record<string, string>) =>
      raw(server.port, { method: 'POST', path: '/v1/check', headers, body: JSON.stringify({ text: ARTICLE }) });
    try {
      const port = server.port;
      expect((await raw(port, { headers: { host: 'attacker.example' } })).status).toBe(421);
      expect((await raw(port, { headers: { host: `attacker.example:${port}` } })).status).toBe(421);
      expect((await check({ ...JSON_HEADERS, host: `evil.localhost.example:${port}` })).status).toBe(421);
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `LOCALHOST:${port}`, 'localhost'])
        expect((await raw(port, { headers: { host } })).status, host).toBe(200);
      const foreign = await check({ ...JSON_HEADERS, origin: 'http://attacker.example' });
      expect(foreign.status).toBe(403);
      expect(JSON.parse(foreign.body)).toEqual({ error: { message: 'requests from another origin are refused' } });
      expect((await check({ ...JSON_HEADERS, origin: `http://localhost:${port + 1}` })).status).toBe(403);
      expect((await check({ ...JSON_HEADERS, origin: 'null' })).status).toBe(403);
      expect((await check({ ...JSON_HEADERS, origin: `http://127.0.0.1:${port}` })).status).toBe(200);
      expect((await check({ 'content-type': 'text/plain' })).status).toBe(415);
      expect((await check({ 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
      expect((await check({})).status).toBe(415);
      expect((await check({ 'content-type': 'application/json; charset=latin1' })).status).toBe(415);
      expect((await check({ 'content-type': 'Application/JSON; charset=UTF-8' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('answers a request target no URL parser takes (`//[`) with a 4xx, not 500', async () => {
    const server = await start(null);
    try {
      for (const path of ['//[', '//', '/%', '//x/healthz']) {
        const answer = await raw(server.port, { path });
        expect(answer.status, path).not.toBe(500);
        expect(typeof answer.status === 'number' && answer.status < 500, path).toBe(true);
      }
    } finally {
      await server.close();
    }
  });

  it('cuts off a trickling body, and one outlasting the request timeout, within a second of the limit', async () => {
    const server = await start(null, { requestTimeoutMs: 8_000 });
    try {
      const trickle = (bytesPerTick: number, tickMs: number) =>
        new Promise<{ status: number | string; ms: number }>((done) => {
          const started = performance.now();
          const req = httpRequest(
            {
              host: '127.0.0.1',
              port: server.port,
              method: 'POST',
              path: '/v1/check',
              headers: { ...JSON_HEADERS, 'content-length': '1000000' },
              agent: false,
            },
            (res) => {
              res.resume();
              done({ status: res.statusCode ?? 0, ms: performance.now() - started });
              clearInterval(timer);
            },
          );
          req.on('error', (error: NodeJS.ErrnoException) => {
            clearInterval(timer);
            done({ status: error.code ?? 'error', ms: performance.now() - started });
          });
          const timer = setInterval(() => req.write('x'.repeat(bytesPerTick)), tickMs);
        });
      // 8 bytes a second: under the 64 B/s minimum once the 5 s grace has passed.
      const slow = await trickle(4, 500);
      expect(slow.status).toBe(408);
      expect(slow.ms).toBeGreaterThan(4_900);
      expect(slow.ms).toBeLessThan(6_500);
      // 2 KB a second is fast enough, but the 1 MB body would take minutes: the 8 s request timeout ends it.
      const long = await trickle(1024, 500);
      expect(long.status).toBe(408);
      expect(long.ms).toBeGreaterThan(7_900);
      expect(long.ms).toBeLessThan(9_000);
    } finally {
      await server.close();
    }
  }, 30_000);

  it('limits the requests one client has in flight (429), without holding back other clients', async () => {
    const server = await start(null, { maxPerClient: 3 });
    try {
      const hold = () =>
        httpRequest({
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/v1/check',
          headers: { ...JSON_HEADERS, 'content-length': '100' },
          agent: false,
        }).on('error', () => {});
      const held = [hold(), hold(), hold()];
      for (const request of held) request.write('{');
      await new Promise((done) => setTimeout(done, 200));
      const small = { method: 'POST', path: '/v1/check', headers: JSON_HEADERS, body: '{"text":"Hi."}' };
      const fourth = await raw(server.port, small);
      expect(fourth.status).toBe(429);
      // /healthz is never turned away, not even for a client at its limit.
      expect((await raw(server.port, { path: '/healthz' })).status).toBe(200);
      const other = await raw(server.port, { ...small, localAddress: '127.0.0.2' });
      expect(other.status).toBe(200);
      for (const request of held) request.destroy();
    } finally {
      await server.close();
    }
  });
});

describe('HTTP API: bodies refused before they are read', () => {
  let server: Server;
  let port: number;
  let runs = 0;
  beforeAll(async () => {
    const reference = { table: shipped(), rules: rules() };
    server = createFactlintServer({
      reference: () => reference,
      checker: {
        run: async () => {
          runs++;
          return { status: 200, body: '{}' };
        },
        accepts: (bytes) => bytes <= 100_000,
        stats: () => ({ workers: 1, busy: 1, queued: 9 }),
        close: async () => {},
      },
      token: null,
      allowedHosts: LOOPBACK_NAMES,
      requestTimeoutMs: 5_000,
      maxConcurrent: 64,
      maxPerClient: 32,
      log: () => {},
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it('a large body while large articles queue is 503 at once, unparsed and unchecked', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(200_000) });
    const answer = await raw(port, { method: 'POST', path: '/v1/check', headers: JSON_HEADERS, body });
    expect([503, 'EPIPE', 'ECONNRESET']).toContain(answer.status);
    expect(runs).toBe(0);
    const small = await raw(port, { method: 'POST', path: '/v1/check', headers: JSON_HEADERS, body: '{"text":"Hi."}' });
    expect(small.status).toBe(200);
    expect(runs).toBe(1);
  });

  it('a declared length over the body limit is 413 before any byte is read', async () => {
    const answer = await raw(port, {
      method: 'POST',
      path: '/v1/check',
      headers: { ...JSON_HEADERS, 'content-length': String(MAX_BODY_BYTES + 1) },
      body: '{"text":"Hi."}',
    });
    expect([413, 'EPIPE', 'ECONNRESET']).toContain(answer.status);
  });
});

describe('factlint serve', () => {
  function serve(args: string[], cwd = ROOT): Promise<{ child: ChildProcess; base: string; log: () => string }> {
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), 'serve', '--port', '0', ...args], { cwd });
    let log = '';
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    return new Promise((done, fail) => {
      const timer = setInterval(() => {
        const port = /serving on http:\/\/127\.0\.0\.1:(\d+)/.exec(log)?.[1];
        if (port) {
          clearInterval(timer);
          done({ child, base: `http://127.0.0.1:${port}`, log: () => log });
        }
      }, 20);
      child.on('exit', () => {
        clearInterval(timer);
        fail(new Error(`serve exited: ${log}`));
      });
    });
  }

  it('refuses to bind beyond loopback without a token', () => {
    return new Promise<void>((done) => {
      const child = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), 'serve', '--host', '0.0.0.0', '--port', '0']);
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('exit', (code) => {
        expect(code).toBe(2);
        expect(err).toBe(
          'factlint: refusing to serve on 0.0.0.0 without --token or --token-file: only 127.0.0.1 may be served without one\n',
        );
        done();
      });
    });
  });

  it('on a port already in use prints one line and exits 2 (it used to hang)', async () => {
    const busy = await start(null);
    const port = (busy.server.address() as AddressInfo).port;
    try {
      const child = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), 'serve', '--port', String(port)]);
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const code = await new Promise<number | null>((done, fail) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          fail(new Error(`still running after 20 s: ${err}`));
        }, 20_000);
        child.on('exit', (c) => {
          clearTimeout(timer);
          done(c);
        });
      });
      expect(code).toBe(2);
      expect(err).toBe(`factlint: cannot serve on 127.0.0.1:${port}: the port is in use\n`);
    } finally {
      busy.server.close();
    }
  });

  it('reads the token from --token-file (a mounted secret), trimmed to its first line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factlint-token-'));
    writeFileSync(join(dir, 'token'), `${TOKEN}\n`);
    const { child, base } = await serve(['--token-file', 'token'], dir);
    try {
      const body = JSON.stringify({ text: ARTICLE });
      expect((await post(base, body)).status).toBe(401);
      expect((await post(base, body, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    writeFileSync(join(dir, 'empty'), '\n');
    const empty = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), 'serve', '--token-file', 'empty'], { cwd: dir });
    let err = '';
    empty.stderr.on('data', (d: Buffer) => (err += d.toString()));
    expect(await new Promise((done) => empty.on('exit', done))).toBe(2);
    expect(err).toBe('factlint: --token-file empty: the file is empty\n');
  });

  it('reloads the table on SIGHUP, keeps the old one when the new one is broken, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factlint-serve-'));
    const office = (holder: string) =>
      `offices:\n  zz-mayor:\n    name: Mayor of Zed\n    country: ZZ\n    titles: [Mayor]\n    holders:\n      - {person: ${holder}, start: 2020-01-01}\ncountries:\n  ZZ: {names: [Zed]}\n`;
    writeFileSync(join(dir, 'zed.yml'), office('Ann Alpha'));
    const { child, base, log } = await serve(['--no-default-reference', '--reference', 'zed.yml'], dir);
    const who = async () =>
      (
        (await (await fetch(`${base}/v1/reference/who?office=zz-mayor&date=2026`)).json()) as {
          offices: { holders: { person: string }[] }[];
        }
      ).offices[0]?.holders[0]?.person;
    expect(await who()).toBe('Ann Alpha');
    writeFileSync(join(dir, 'zed.yml'), office('Bob Beta'));
    child.kill('SIGHUP');
    await waitFor(async () => (await who()) === 'Bob Beta');
    writeFileSync(join(dir, 'zed.yml'), 'offices: [broken\n');
    child.kill('SIGHUP');
    await waitFor(async () =>
      /kept the previous reference table: reload \((SIGHUP|table files changed)\) failed: zed\.yml:\d+:\d+: invalid YAML/.test(
        log(),
      ),
    );
    expect(await who()).toBe('Bob Beta');
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(readFileSync(join(dir, 'zed.yml'), 'utf8')).toContain('broken');
  });
});

describe('factlint serve: the table watcher', () => {
  it('does not adopt a table while it is still being written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factlint-serve-'));
    const office = (id: string, holder: string) =>
      `  ${id}:\n    name: Mayor of ${id}\n    country: ZZ\n    titles: [Mayor]\n    holders:\n` +
      `      - {person: ${holder}, start: 2020-01-01}\n`;
    const head = 'countries:\n  ZZ: {names: [Zed]}\noffices:\n';
    writeFileSync(join(dir, 'zed.yml'), head + office('zz-a', 'Ann Alpha') + office('zz-b', 'Bob Beta'));
    const child = spawn(
      process.execPath,
      [join(ROOT, 'dist/cli.js'), 'serve', '--port', '0', '--no-default-reference', '--reference', 'zed.yml'],
      { cwd: dir },
    );
    let log = '';
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    await waitFor(() => /serving on/.test(log), 15_000);
    const base = `http://127.0.0.1:${/serving on http:\/\/127\.0\.0\.1:(\d+)/.exec(log)?.[1]}`;
    const offices = async () =>
      ((await (await fetch(`${base}/healthz`)).json()) as { table: { offices: number } }).table.offices;
    try {
      expect(await offices()).toBe(2);
      // An editor that writes in place: the first office (a valid table of one), then the rest 400 ms later.
      writeFileSync(join(dir, 'zed.yml'), head + office('zz-a', 'Ann Alpha'));
      const seen = new Set<number>();
      const until = performance.now() + 400;
      while (performance.now() < until) {
        seen.add(await offices());
        await new Promise((done) => setTimeout(done, 25));
      }
      appendFileSync(join(dir, 'zed.yml'), office('zz-b', 'Bob Beta') + office('zz-c', 'Cy Gamma'));
      await waitFor(async () => {
        const count = await offices();
        seen.add(count);
        return count === 3;
      }, 10_000);
      expect([...seen].sort()).toEqual([2, 3]);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);
});

async function waitFor(condition: () => Promise<boolean> | boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await condition()) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('condition not met in time');
}
