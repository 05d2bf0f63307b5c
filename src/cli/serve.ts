import { type FSWatcher, readFileSync, statSync, watch } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { createFactlintServer, hostName } from '../server/http.js';
import { CheckPool } from '../server/pool.js';
import { InputError } from '../util/errors.js';
import { listOption, parse, type Parsed, stringOption, UsageError } from './args.js';
import { referenceOf, type Settings } from '../runner/settings.js';
import { CHECK_OPTIONS, resolveSettings } from './settings.js';
import { defaultTableDir, yamlFilesIn } from '../reference/load.js';
import { plural } from '../reference/tools.js';

export const SERVE_OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string', short: 'p' },
  token: { type: 'string' },
  'token-file': { type: 'string' },
  'allow-host': { type: 'string', multiple: true },
  config: CHECK_OPTIONS.config,
  'no-config': CHECK_OPTIONS['no-config'],
  reference: CHECK_OPTIONS.reference,
  'no-default-reference': CHECK_OPTIONS['no-default-reference'],
  rules: CHECK_OPTIONS.rules,
  rule: CHECK_OPTIONS.rule,
  'max-table-size': CHECK_OPTIONS['max-table-size'],
} as const;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
/** A check may run this long on its thread; past it the answer is 503 and the thread is replaced. */
const CHECK_TIMEOUT_MS = 10_000;
/** Table files must have been still this long before a change is adopted (a half-written file is not). */
const QUIET_MS = 1_000;

/** `factlint serve`: the HTTP API and the editors' page; reloads the table on SIGHUP or when its files change. */
export async function serveCommand(args: readonly string[], cwd: string): Promise<number> {
  const { values, positionals } = parse(args, SERVE_OPTIONS);
  if (positionals.length) throw new UsageError(`factlint serve takes no paths (got ${positionals[0]})`);
  const host = stringOption(values, 'host') ?? '127.0.0.1';
  const port = Number(stringOption(values, 'port') ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port ${stringOption(values, 'port')}: use 0 to 65535`);
  const token = tokenOf(values, cwd);
  if (!LOOPBACK.has(host) && !token)
    throw new UsageError(
      `refusing to serve on ${host} without --token or --token-file: only 127.0.0.1 may be served without one`,
    );
  if (token !== null && token.length < 16) throw new UsageError('--token: use at least 16 characters');
  let settings = resolveSettings(values, cwd);
  // Checks run on the pool's threads (each settles its own table); this one answers /healthz and who.
  let reference = referenceOf(settings);
  const log = (line: string) => process.stderr.write(`factlint: ${new Date().toISOString()} ${line}\n`);
  const checker = new CheckPool({
    script: new URL('./server-worker.js', import.meta.url),
    settings,
    checkTimeoutMs: CHECK_TIMEOUT_MS,
    queueTimeoutMs: 15_000,
    log,
  });
  await checker.ready();
  const server = createFactlintServer({
    reference: () => reference,
    checker,
    token,
    allowedHosts: allowedHosts(host, listOption(values, 'allow-host')),
    requestTimeoutMs: 15_000,
    maxConcurrent: 1024,
    maxPerClient: 16,
    log,
  });
  const reload = (why: string) => {
    try {
      const next = resolveSettings(values, cwd);
      reference = referenceOf(next);
      settings = next;
      checker.reload(next);
      log(`reloaded the reference table (${why}): ${plural(reference.table.offices.size, 'office')}`);
    } catch (error) {
      const problem = error instanceof InputError ? error.describe() : (error as Error).message;
      log(`kept the previous reference table: reload (${why}) failed: ${problem}`);
    }
  };
  // Listen first: a watcher would keep the process alive after a failed listen (the check threads
  // are stopped when it fails).
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        new InputError(
          `cannot serve on ${host}:${port}: ${error.code === 'EADDRINUSE' ? 'the port is in use' : error.message}`,
        ),
      ),
    );
    // A deep accept queue: under a flood of slow clients a new connection waits to be accepted,
    // rather than being dropped and retried by the client's kernel a second or three later.
    server.listen({ port, host, backlog: 4096 }, () => done());
  }).catch(async (error: unknown) => {
    await checker.close();
    throw error;
  });
  const watchers = watchTables(settings, reload);
  process.on('SIGHUP', () => reload('SIGHUP'));
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const needsToken = token ? ' (every /v1 request needs "Authorization: Bearer <token>")' : '';
  process.stderr.write(`factlint: serving on http://${shown}:${address.port}${needsToken}\n`);
  return new Promise<number>((done) => {
    const stop = (signal: string) => {
      log(`${signal}: finishing requests in flight, then stopping`);
      for (const watcher of watchers) watcher.close();
      server.close(() => void checker.close().then(() => done(0)));
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 10_000).unref();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

/** --token, else --token-file (its first line; for secrets mounted as files), else FACTLINT_TOKEN. */
function tokenOf(values: Parsed['values'], cwd: string): string | null {
  const given = stringOption(values, 'token');
  const file = stringOption(values, 'token-file');
  if (given !== undefined && file !== undefined) throw new UsageError('--token and --token-file: choose one');
  if (file === undefined) return given ?? process.env.FACTLINT_TOKEN ?? null;
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`--token-file ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const token = text.split(/\r?\n/)[0]?.trim() ?? '';
  if (!token) throw new UsageError(`--token-file ${file}: the file is empty`);
  return token;
}

/**
 * The Host names a request may use: loopback names, the address served on (for an unspecified
 * address such as 0.0.0.0, this machine's name and every address of its interfaces), and the
 * --allow-host names.
 */
function allowedHosts(host: string, extra: readonly string[]): Set<string> {
  const bracketed = (address: string) => (address.includes(':') ? `[${address}]` : address);
  const names = new Set(['localhost', '127.0.0.1', '[::1]', hostName(bracketed(host))]);
  if (host === '0.0.0.0' || host === '::') {
    names.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces()))
      for (const address of addresses ?? []) names.add(bracketed(address.address.toLowerCase()));
  }
  for (const name of extra) names.add(hostName(name));
  return names;
}

/**
 * Watch the table folders and files and the config; reload once a change has settled: no event
 * and no file touched for QUIET_MS, so an editor still writing a file (a valid but half-written
 * table) is not adopted. SIGHUP reloads at once.
 */
function watchTables(settings: Settings, reload: (why: string) => void): FSWatcher[] {
  const { config } = settings;
  const paths = [
    ...(config.defaultReference ? [defaultTableDir()] : []),
    ...config.reference,
    ...(config.file ? [config.file] : []),
  ];
  let timer: NodeJS.Timeout | null = null;
  let waited = 0;
  const settle = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      // A clock that disagrees with the file system's cannot hold a reload back for more than 10 rounds.
      if (Date.now() - newestChange(paths) < QUIET_MS && ++waited < 10) return settle();
      waited = 0;
      reload('table files changed');
    }, QUIET_MS);
  };
  const watchers: FSWatcher[] = [];
  for (const path of paths) {
    try {
      watchers.push(watch(path, { recursive: true }, settle));
    } catch {
      // A path that cannot be watched still reloads on SIGHUP.
    }
  }
  return watchers;
}

/** The latest modification time of the watched table files and the config, in ms. */
function newestChange(paths: readonly string[]): number {
  let newest = 0;
  for (const path of paths) {
    try {
      for (const file of yamlFilesIn(path)) newest = Math.max(newest, statSync(file).mtimeMs);
    } catch {
      // a path that went away: the reload says why
    }
  }
  return newest;
}
