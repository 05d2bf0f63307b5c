import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFactlintServer, MAX_BODY_BYTES } from '../src/server/http.js';
import { validatorFor } from '../src/util/validate.js';
import reportSchema from '../src/report/schema.json' with { type: 'json' };
import { ROOT, rules, shipped } from './helpers.js';

const TOKEN = 'correct-horse-battery-staple';
const ARTICLE = 'German Chancellor Friedrich Merz spoke in Berlin.\n\n“Germany will engage,” Scholz said.\n';

function start(token: string | null): Promise<{ server: Server; base: string }> {
  const reference = { table: shipped(), rules: rules() };
  const server = createFactlintServer({
    reference: () => reference,
    checkOptions: () => ({}),
    token,
    requestTimeoutMs: 5_000,
    maxConcurrent: 64,
    log: () => {},
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

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
  let open: { server: Server; base: string };
  let guarded: { server: Server; base: string };
  beforeAll(async () => {
    open = await start(null);
    guarded = await start(TOKEN);
  });
  afterAll(() => {
    open.server.close();
    guarded.server.close();
  });

  it('GET /healthz says ok, with the table it serves', async () => {
    const response = await fetch(`${open.base}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.json()).toMatchObject({ status: 'ok', table: { offices: shipped().offices.size } });
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

async function waitFor(condition: () => Promise<boolean> | boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await condition()) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('condition not met in time');
}
