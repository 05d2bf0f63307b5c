import { isUtf8 } from 'node:buffer';
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { httpLib } from '../util/libraries.js';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import type { Reference } from '../engine.js';
import { describeTerm } from '../reference/query.js';
import { whoHeld } from '../reference/tools.js';
import { parseDateSpec } from '../util/dates.js';
import { packageRoot } from '../util/package.js';
import { validatorFor } from '../util/validate.js';
import { VERSION } from '../version.js';
import requestSchema from './request-schema.json' with { type: 'json' };
import { safeJson } from './answer.js';
import { type Checker, type CheckJob, LARGE_QUEUE_FULL } from './pool.js';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Once a body has taken this long, it must keep arriving at MIN_BODY_BYTES_PER_SECOND on average. */
const BODY_GRACE_MS = 5_000;
const MIN_BODY_BYTES_PER_SECOND = 64;
/** An answer the client has not taken in this long is dropped with its connection. */
const WRITE_TIMEOUT_MS = 10_000;
/** Request bodies held at once, all requests together; past it a body is refused with 503. */
const MAX_BUFFERED_BODY_BYTES = 256 * 1024 * 1024;

/** Bytes of request bodies held now, all requests of one server together. */
interface BodyBudget {
  held: number;
}

export interface ServerOptions {
  /** The reference in use, for /healthz and /v1/reference/who; read per request, so a reload swaps it. */
  reference: () => Reference;
  /** Runs the checks, off this thread (pool.ts). */
  checker: Checker;
  token: string | null;
  /**
   * Host names (no port) a request may name in its Host header: loopback names and the bound
   * address by default, and --allow-host ones. Anything else is refused (DNS rebinding).
   */
  allowedHosts: ReadonlySet<string>;
  /** How long a request may take to arrive, body included (slow clients are cut off). */
  requestTimeoutMs: number;
  /** Requests in flight at once; more get 503. */
  maxConcurrent: number;
  /** Requests in flight at once from one client address; more get 429. */
  maxPerClient: number;
  log: (line: string) => void;
}

const PAGE_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The HTTP API and the editors' page around `check`. Never crashes on a request; every error is JSON. */
export function createFactlintServer(options: ServerOptions): Server {
  let active = 0;
  const perClient = new Map<string, number>();
  const budget: BodyBudget = { held: 0 };
  // Timeouts are enforced within a second of their limit (Node checks every 30 s by default).
  const server = httpLib().createServer({ connectionsCheckingInterval: 1_000 }, (request, response) => {
    const client = request.socket.remoteAddress ?? 'unknown';
    active++;
    perClient.set(client, (perClient.get(client) ?? 0) + 1);
    response.on('close', () => {
      active--;
      const left = (perClient.get(client) ?? 1) - 1;
      if (left > 0) perClient.set(client, left);
      else perClient.delete(client);
    });
    // /healthz is cheap and must answer while the server is full: it is never turned away.
    const health = request.url === '/healthz';
    if (!health && (perClient.get(client) ?? 0) > options.maxPerClient) {
      sendError(response, 429, `too many requests at once from one client (at most ${options.maxPerClient})`);
      return;
    }
    if (!health && active > options.maxConcurrent) {
      sendError(response, 503, 'busy: too many requests at once, try again');
      return;
    }
    handle(request, response, { ...options, budget }, client, active).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500)
        options.log(`internal error on ${request.method} ${safePath(request)}: ${(error as Error).message}`);
      if (!response.headersSent)
        sendError(response, status, status === 500 ? 'internal error' : (error as Error).message);
      else response.destroy();
    });
  });
  server.requestTimeout = options.requestTimeoutMs;
  server.headersTimeout = Math.min(options.requestTimeoutMs, 10_000);
  server.keepAliveTimeout = 5_000;
  return server;
}

type Handling = ServerOptions & { budget: BodyBudget };

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  options: Handling,
  client: string,
  active: number,
): Promise<void> {
  checkHost(request, options.allowedHosts);
  const url = requestTarget(request);
  const page = PAGE_FILES[url.pathname];
  if (page) return servePage(request, response, page);
  if (url.pathname === '/healthz') return serveHealth(request, response, options, active);
  if (url.pathname.startsWith('/v1/')) authorize(request, options.token);
  if (url.pathname === '/v1/check') return serveCheck(request, response, options, client);
  if (url.pathname === '/v1/reference/who') return serveWho(request, response, url, options);
  throw new HttpError(404, 'no such route (see GET /, GET /healthz, POST /v1/check, GET /v1/reference/who)');
}

/** The path and query; a target no URL parser takes (`//[`) is a bad request, not an internal error. */
function requestTarget(request: IncomingMessage): URL {
  const target = request.url ?? '/';
  if (!target.startsWith('/')) throw new HttpError(400, 'the request target must be a path');
  try {
    return new URL(`http://localhost${target.replace(/^\/+/, '/')}`);
  } catch {
    throw new HttpError(400, 'the request target is not a valid path');
  }
}

/**
 * The Host header must name this server (DNS rebinding: a page on attacker.example whose name
 * now points at 127.0.0.1 would otherwise drive it), and an Origin header must be this server's
 * own: a page elsewhere may not use it, nor read its answers.
 */
function checkHost(request: IncomingMessage, allowed: ReadonlySet<string>): void {
  const host = request.headers.host ?? '';
  if (!allowed.has(hostName(host)))
    throw new HttpError(421, 'the Host header does not name this server (add the name with --allow-host)');
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let own = false;
  try {
    const parsed = new URL(origin);
    own = (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.host === host.toLowerCase();
  } catch {
    own = false;
  }
  if (!own) throw new HttpError(403, 'requests from another origin are refused');
}

/** A Host header's name without its port, lower case: `[::1]:8080` → `[::1]`, `Localhost:80` → `localhost`. */
export function hostName(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  const colon = lower.indexOf(':');
  return (colon === -1 ? lower : lower.slice(0, colon)).replace(/\.$/, '');
}

function requireMethod(request: IncomingMessage, method: string): void {
  if (request.method !== method && !(method === 'GET' && request.method === 'HEAD'))
    throw new HttpError(405, `use ${method} here`);
}

function servePage(request: IncomingMessage, response: ServerResponse, page: { file: string; type: string }): void {
  requireMethod(request, 'GET');
  const body = readFileSync(join(packageRoot(), 'src', 'server', 'page', page.file));
  response.writeHead(200, {
    ...securityHeaders(),
    'content-type': page.type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'cache-control': 'no-cache',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function serveHealth(request: IncomingMessage, response: ServerResponse, options: ServerOptions, active: number): void {
  requireMethod(request, 'GET');
  const { table, rules } = options.reference();
  send(response, 200, {
    status: 'ok',
    version: VERSION,
    table: { offices: table.offices.size, people: table.people.size, fingerprint: table.fingerprint },
    rules: rules.length,
    requests: active,
    checks: options.checker.stats(),
    memoryMB: memoryMB(),
  });
}

/** This process's memory in MB: resident (all threads), and this thread's heap and buffers. */
function memoryMB(): { rss: number; heap: number; external: number } {
  const usage = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return { rss: mb(usage.rss), heap: mb(usage.heapUsed), external: mb(usage.external) };
}

/** Bearer token, compared in constant time (hashes of equal length, so the length leaks nothing either). */
function authorize(request: IncomingMessage, token: string | null): void {
  if (token === null) return;
  const given = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim() ?? '';
  const digest = (s: string) => createHash('sha256').update(s).digest();
  if (!timingSafeEqual(digest(given), digest(token)))
    throw new HttpError(401, 'a valid "Authorization: Bearer <token>" header is required');
}

async function serveCheck(
  request: IncomingMessage,
  response: ServerResponse,
  options: Handling,
  client: string,
): Promise<void> {
  requireMethod(request, 'POST');
  requireJson(request);
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > MAX_BODY_BYTES) {
    response.setHeader('Connection', 'close');
    throw bodyTooLarge();
  }
  if (Number.isFinite(declared) && options.checker.accepts?.(declared) === false) {
    response.setHeader('Connection', 'close');
    throw new HttpError(503, LARGE_QUEUE_FULL);
  }
  let held = 0;
  response.once('close', () => {
    options.budget.held -= held;
  });
  // The body's text is not kept past parsing: only the job waits for a thread.
  const job = parseRequest(
    await readBody(request, options.requestTimeoutMs, (bytes) => {
      if (options.budget.held + bytes > MAX_BUFFERED_BODY_BYTES) return false;
      options.budget.held += bytes;
      held += bytes;
      return true;
    }),
  );
  const answer = await options.checker.run(job, client);
  if (response.destroyed) return;
  sendText(response, answer.status, answer.body);
}

/** `Content-Type: application/json` (a charset, if given, must be UTF-8): a form or text/plain post is refused. */
function requireJson(request: IncomingMessage): void {
  const [type = '', ...params] = (request.headers['content-type'] ?? '').split(';').map((p) => p.trim().toLowerCase());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (type !== 'application/json' || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8'))
    throw new HttpError(415, 'send the request as "Content-Type: application/json"');
}

function parseRequest(body: string): CheckJob {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON');
  }
  const validate = validatorFor(requestSchema);
  if (!validate(value)) throw new HttpError(400, schemaMessage(validate.errors?.[0]));
  const request = value as CheckJob;
  if (request.date !== undefined && !parseDateSpec(request.date))
    throw new HttpError(400, 'date: not a real date (use YYYY-MM-DD, YYYY-MM, YYYY or A/B)');
  return request;
}

/** Names the field, never echoes the request's content. */
function schemaMessage(error: ErrorObject | undefined): string {
  if (!error) return 'invalid request';
  const field = error.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'request';
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `${String(params.missingProperty)}: required`;
  if (error.keyword === 'additionalProperties')
    return 'unknown field in the request (use text, format, date, filename)';
  if (error.keyword === 'type') return `${field}: must be a ${String(params.type)}`;
  if (error.keyword === 'enum') return `${field}: must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
  if (error.keyword === 'maxLength') return `${field}: too long`;
  if (error.keyword === 'pattern') return `${field}: not a date (use YYYY-MM-DD, YYYY-MM, YYYY or A/B)`;
  return `${field}: ${error.message ?? 'invalid'}`;
}

function serveWho(request: IncomingMessage, response: ServerResponse, url: URL, options: ServerOptions): void {
  requireMethod(request, 'GET');
  const office = url.searchParams.get('office') ?? '';
  const dateText = url.searchParams.get('date') ?? '';
  if (!office || office.length > 200)
    throw new HttpError(400, 'office: required (an office id, its name, or a title such as "German Chancellor")');
  const range = parseDateSpec(dateText);
  if (!range) throw new HttpError(400, 'date: required, as YYYY-MM-DD, YYYY-MM, YYYY or A/B');
  const holdings = whoHeld(options.reference().table, office, range);
  send(response, 200, {
    offices: holdings.map(({ office: o, terms }) => ({
      id: o.id,
      name: o.name,
      source: o.source,
      holders: terms.map((t) => ({
        person: t.personId,
        start: t.startText,
        end: t.endText,
        acting: t.acting,
        term: describeTerm(t),
      })),
    })),
  });
}

function bodyTooLarge(): HttpError {
  return new HttpError(413, `the request body is over the ${MAX_BODY_BYTES / 1024 / 1024} MB limit`);
}

/**
 * The body, up to MAX_BODY_BYTES; one that stalls or trickles (under MIN_BODY_BYTES_PER_SECOND
 * on average once BODY_GRACE_MS have passed) or outlasts the request timeout is cut off with 408
 * within a quarter of a second, so slow clients cannot hold the request slots.
 */
function readBody(request: IncomingMessage, timeoutMs: number, hold: (bytes: number) => boolean): Promise<string> {
  return new Promise((done, fail) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      request.resume();
      fail(bodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const started = performance.now();
    const judge = () => {
      if (finished) return;
      const elapsed = performance.now() - started;
      const tooSlow = elapsed >= BODY_GRACE_MS && size < (elapsed / 1000) * MIN_BODY_BYTES_PER_SECOND;
      if (!tooSlow && elapsed < timeoutMs) return;
      stop();
      // The answer closes the connection (sendError), so the rest of the body is never waited for.
      fail(new HttpError(408, tooSlow ? 'the request body arrives too slowly' : 'the request took too long'));
    };
    // Judged after the loop's pending reads (setImmediate), so a busy server never blames the client.
    const pace = setInterval(() => setImmediate(judge), 250);
    let finished = false;
    const stop = () => {
      finished = true;
      clearInterval(pace);
      request.removeAllListeners('data');
      request.resume();
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        stop();
        fail(bodyTooLarge());
        return;
      }
      if (!hold(chunk.length)) {
        stop();
        fail(new HttpError(503, 'busy: too much request data in flight, try again'));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      finished = true;
      clearInterval(pace);
      // isUtf8 and toString are native and fast; the fatal TextDecoder took ~15 ms per 2 MB body
      // on the thread that answers connections.
      const body = Buffer.concat(chunks);
      const text = isUtf8(body) ? body.toString('utf8') : null;
      // A leading byte order mark is dropped, as the TextDecoder did.
      if (text !== null) done(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      else fail(new HttpError(400, 'the request body is not UTF-8'));
    });
    request.on('close', () => {
      finished = true;
      clearInterval(pace);
    });
    request.on('error', () => {
      finished = true;
      clearInterval(pace);
      fail(new HttpError(400, 'the request was cut off'));
    });
  });
}

function securityHeaders(): Record<string, string> {
  return { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  sendText(response, status, safeJson(body));
}

function sendError(response: ServerResponse, status: number, message: string): void {
  if (status === 408 || status === 421) response.setHeader('connection', 'close');
  send(response, status, { error: { message } });
}

/** A JSON answer; one the client has not taken within WRITE_TIMEOUT_MS is dropped with its connection. */
function sendText(response: ServerResponse, status: number, text: string | Uint8Array): void {
  response.writeHead(status, {
    ...securityHeaders(),
    'content-type': 'application/json; charset=utf-8',
    'content-length': typeof text === 'string' ? Buffer.byteLength(text) : text.length,
    'cache-control': 'no-store',
  });
  response.end(text);
  if (response.writableFinished) return;
  const timer = setTimeout(() => response.destroy(), WRITE_TIMEOUT_MS);
  timer.unref();
  response.once('close', () => clearTimeout(timer));
}

function safePath(request: IncomingMessage): string {
  return (request.url ?? '').split('?')[0]?.slice(0, 100) ?? '';
}
