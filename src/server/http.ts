import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { httpLib } from '../util/libraries.js';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { type ArticleFormat, check, type CheckOptions, type Reference } from '../engine.js';
import { describeTerm } from '../reference/query.js';
import { whoHeld } from '../reference/tools.js';
import type { Report } from '../types.js';
import { parseDateSpec } from '../util/dates.js';
import { packageRoot } from '../util/package.js';
import { validatorFor } from '../util/validate.js';
import { InputError } from '../util/errors.js';
import { VERSION } from '../version.js';
import reportSchema from '../report/schema.json' with { type: 'json' };
import requestSchema from './request-schema.json' with { type: 'json' };

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface ServerOptions {
  /** The reference in use; `reference()` is read per request, so a reload swaps it between requests. */
  reference: () => Reference;
  /** Check settings besides the article (rule overrides, allowlists, date sources); read per request too. */
  checkOptions: () => Omit<CheckOptions, 'reference' | 'filename' | 'date' | 'format'>;
  token: string | null;
  /** How long a request may take, body included (slow clients are cut off). */
  requestTimeoutMs: number;
  /** Requests waiting or running at once; more get 503. */
  maxConcurrent: number;
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
  const server = httpLib().createServer((request, response) => {
    active++;
    response.on('close', () => active--);
    if (active > options.maxConcurrent) {
      send(response, 503, { error: { message: 'busy: too many requests at once, try again' } });
      return;
    }
    handle(request, response, options).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500)
        options.log(`internal error on ${request.method} ${safePath(request)}: ${(error as Error).message}`);
      if (!response.headersSent)
        send(response, status, { error: { message: status === 500 ? 'internal error' : (error as Error).message } });
      else response.destroy();
    });
  });
  server.requestTimeout = options.requestTimeoutMs;
  server.headersTimeout = Math.min(options.requestTimeoutMs, 10_000);
  server.keepAliveTimeout = 5_000;
  return server;
}

async function handle(request: IncomingMessage, response: ServerResponse, options: ServerOptions): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const page = PAGE_FILES[url.pathname];
  if (page) return servePage(request, response, page);
  if (url.pathname === '/healthz') return serveHealth(request, response, options);
  if (url.pathname.startsWith('/v1/')) authorize(request, options.token);
  if (url.pathname === '/v1/check') return serveCheck(request, response, options);
  if (url.pathname === '/v1/reference/who') return serveWho(request, response, url, options);
  throw new HttpError(404, 'no such route (see GET /, GET /healthz, POST /v1/check, GET /v1/reference/who)');
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

function serveHealth(request: IncomingMessage, response: ServerResponse, options: ServerOptions): void {
  requireMethod(request, 'GET');
  const { table, rules } = options.reference();
  send(response, 200, {
    status: 'ok',
    version: VERSION,
    table: { offices: table.offices.size, people: table.people.size, fingerprint: table.fingerprint },
    rules: rules.length,
  });
}

/** Bearer token, compared in constant time (hashes of equal length, so the length leaks nothing either). */
function authorize(request: IncomingMessage, token: string | null): void {
  if (token === null) return;
  const given = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim() ?? '';
  const digest = (s: string) => createHash('sha256').update(s).digest();
  if (!timingSafeEqual(digest(given), digest(token)))
    throw new HttpError(401, 'a valid "Authorization: Bearer <token>" header is required');
}

async function serveCheck(request: IncomingMessage, response: ServerResponse, options: ServerOptions): Promise<void> {
  requireMethod(request, 'POST');
  const body = await readBody(request);
  const input = parseRequest(body);
  let report: Report;
  try {
    report = check(input.text, {
      ...options.checkOptions(),
      reference: options.reference(),
      filename: input.filename ?? 'article',
      ...(input.format ? { format: input.format } : {}),
      ...(input.date ? { date: input.date } : {}),
    });
  } catch (error) {
    if (error instanceof InputError) throw new HttpError(422, error.describe());
    throw error;
  }
  if (input.date) for (const file of report.files) file.date.source = 'request';
  const validate = validatorFor(reportSchema);
  if (!validate(report))
    throw new Error(`the report does not match its schema: ${schemaMessage(validate.errors?.[0])}`);
  send(response, 200, report);
}

interface CheckRequest {
  text: string;
  format?: ArticleFormat;
  date?: string;
  filename?: string;
}

function parseRequest(body: string): CheckRequest {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON');
  }
  const validate = validatorFor(requestSchema);
  if (!validate(value)) throw new HttpError(400, schemaMessage(validate.errors?.[0]));
  const request = value as CheckRequest;
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

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      request.resume();
      fail(new HttpError(413, `the request body is over the ${MAX_BODY_BYTES / 1024 / 1024} MB limit`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        fail(new HttpError(413, `the request body is over the ${MAX_BODY_BYTES / 1024 / 1024} MB limit`));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        done(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        fail(new HttpError(400, 'the request body is not UTF-8'));
      }
    });
    request.on('error', () => fail(new HttpError(400, 'the request was cut off')));
  });
}

function securityHeaders(): Record<string, string> {
  return { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' };
}

/**
 * JSON with <, > and & escaped: text echoed from a request (a field name, an article) can never
 * read as markup, whatever a client sniffs.
 */
function safeJson(body: unknown): string {
  return JSON.stringify(body).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = safeJson(body);
  response.writeHead(status, {
    ...securityHeaders(),
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}

function safePath(request: IncomingMessage): string {
  return (request.url ?? '').split('?')[0]?.slice(0, 100) ?? '';
}
