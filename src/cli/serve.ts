import { watch, type FSWatcher } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createFactlintServer } from '../server/http.js';
import { InputError } from '../util/errors.js';
import { parse, stringOption, UsageError } from './args.js';
import { referenceOf, type Settings } from '../runner/settings.js';
import { CHECK_OPTIONS, resolveSettings } from './settings.js';
import { defaultTableDir } from '../reference/load.js';

const SERVE_OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string', short: 'p' },
  token: { type: 'string' },
  config: CHECK_OPTIONS.config,
  'no-config': CHECK_OPTIONS['no-config'],
  reference: CHECK_OPTIONS.reference,
  'no-default-reference': CHECK_OPTIONS['no-default-reference'],
  rules: CHECK_OPTIONS.rules,
  rule: CHECK_OPTIONS.rule,
  'max-table-size': CHECK_OPTIONS['max-table-size'],
} as const;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** `factlint serve`: the HTTP API and the editors' page; reloads the table on SIGHUP or when its files change. */
export async function serveCommand(args: readonly string[], cwd: string): Promise<number> {
  const { values, positionals } = parse(args, SERVE_OPTIONS);
  if (positionals.length) throw new UsageError(`factlint serve takes no paths (got ${positionals[0]})`);
  const host = stringOption(values, 'host') ?? '127.0.0.1';
  const port = Number(stringOption(values, 'port') ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port ${stringOption(values, 'port')}: use 0 to 65535`);
  const token = stringOption(values, 'token') ?? process.env.FACTLINT_TOKEN ?? null;
  if (!LOOPBACK.has(host) && !token)
    throw new UsageError(`refusing to serve on ${host} without --token: only 127.0.0.1 may be served without one`);
  if (token !== null && token.length < 16) throw new UsageError('--token: use at least 16 characters');
  let settings = resolveSettings(values, cwd);
  let reference = referenceOf(settings);
  const log = (line: string) => process.stderr.write(`factlint: ${new Date().toISOString()} ${line}\n`);
  const server = createFactlintServer({
    reference: () => reference,
    checkOptions: () => ({
      rules: settings.config.rules,
      allow: settings.config.allow,
      dateSources: settings.config.dateSources,
    }),
    token,
    requestTimeoutMs: 15_000,
    maxConcurrent: 256,
    log,
  });
  const reload = (why: string) => {
    try {
      const next = resolveSettings(values, cwd);
      reference = referenceOf(next);
      settings = next;
      log(`reloaded the reference table (${why}): ${reference.table.offices.size} offices`);
    } catch (error) {
      const problem = error instanceof InputError ? error.describe() : (error as Error).message;
      log(`kept the previous reference table: reload (${why}) failed: ${problem}`);
    }
  };
  const watchers = watchTables(settings, reload);
  process.on('SIGHUP', () => reload('SIGHUP'));
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        new InputError(
          `cannot serve on ${host}:${port}: ${error.code === 'EADDRINUSE' ? 'the port is in use' : error.message}`,
        ),
      ),
    );
    server.listen(port, host, () => done());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const needsToken = token ? ' (every /v1 request needs "Authorization: Bearer <token>")' : '';
  process.stderr.write(`factlint: serving on http://${shown}:${address.port}${needsToken}\n`);
  return new Promise<number>((done) => {
    const stop = (signal: string) => {
      log(`${signal}: finishing requests in flight, then stopping`);
      for (const watcher of watchers) watcher.close();
      server.close(() => done(0));
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 10_000).unref();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

/** Watch the table folders and files and the config; reload shortly after a change settles. */
function watchTables(settings: Settings, reload: (why: string) => void): FSWatcher[] {
  const { config } = settings;
  const paths = [
    ...(config.defaultReference ? [defaultTableDir()] : []),
    ...config.reference,
    ...(config.file ? [config.file] : []),
  ];
  let timer: NodeJS.Timeout | null = null;
  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => reload('table files changed'), 200);
  };
  const watchers: FSWatcher[] = [];
  for (const path of paths) {
    try {
      watchers.push(watch(path, { recursive: true }, changed));
    } catch {
      // A path that cannot be watched still reloads on SIGHUP.
    }
  }
  return watchers;
}
