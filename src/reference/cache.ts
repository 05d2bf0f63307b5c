import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { readChecksummed, writeChecksummed } from '../util/checksummed-file.js';
import { VERSION } from '../version.js';

/**
 * Compiled tables and rule sets cached on disk, keyed by the content of every source
 * file, the compile options and the running build: they compile once, later runs load
 * them in milliseconds. Entries are checksummed files (util/checksummed-file.ts): a damaged,
 * truncated or stale entry is ignored and replaced, never trusted.
 */
export type CacheKind = 'table' | 'rules';

/** Entries kept per kind; older ones (from earlier builds or edited tables) are deleted. */
const KEEP_PER_KIND = 4;

function cacheDir(): string {
  if (process.env.FACTLINT_CACHE_DIR) return process.env.FACTLINT_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME ?? (homedir() ? join(homedir(), '.cache') : tmpdir());
  return join(base, 'factlint');
}

/** The running code's own file: a rebuilt factlint never reads what an older build compiled. */
function codeStamp(): string {
  try {
    const stats = statSync(fileURLToPath(import.meta.url));
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return 'unknown';
  }
}

export interface CacheSource {
  file: string;
  text: string;
}

function cacheKey(sources: readonly CacheSource[], options: unknown = null): string {
  const hash = createHash('sha256').update(VERSION).update('\0').update(codeStamp()).update('\0');
  for (const source of sources) hash.update(source.file).update('\0').update(source.text).update('\0');
  hash.update(JSON.stringify(options ?? null));
  return hash.digest('hex').slice(0, 40);
}

function entryPath(kind: CacheKind, key: string): string {
  return join(cacheDir(), `${kind}-${key}.bin`);
}

interface CacheEntry<T> {
  key: string;
  version: string;
  value: T;
}

function readCached<T>(kind: CacheKind, key: string): T | null {
  try {
    const body = readChecksummed(entryPath(kind, key), kind);
    if (!body) return null;
    const entry = deserialize(body) as CacheEntry<T>;
    return entry.key === key && entry.version === VERSION ? entry.value : null;
  } catch {
    return null;
  }
}

function writeCached<T>(kind: CacheKind, key: string, value: T): void {
  try {
    mkdirSync(cacheDir(), { recursive: true });
    writeChecksummed(entryPath(kind, key), kind, serialize({ key, version: VERSION, value } satisfies CacheEntry<T>));
    pruneCache(kind);
  } catch {
    // A cache that cannot be written only costs time.
  }
}

/** Keep the newest few entries of a kind, so rebuilds and table edits do not pile up. */
function pruneCache(kind: CacheKind): void {
  const dir = cacheDir();
  const entries = readdirSync(dir)
    .filter((name) => name.startsWith(`${kind}-`) && name.endsWith('.bin'))
    .map((name) => ({ path: join(dir, name), mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const stale of entries.slice(KEEP_PER_KIND)) {
    try {
      unlinkSync(stale.path);
    } catch {
      // Another run may have removed it first.
    }
  }
}

/** Compile through the cache: `compile` runs only when no valid entry exists for these sources. */
export function cachedCompile<T>(
  kind: CacheKind,
  sources: readonly CacheSource[],
  options: unknown,
  compile: () => T,
): T {
  const key = cacheKey(sources, options);
  const cached = readCached<T>(kind, key);
  if (cached) return cached;
  const value = compile();
  writeCached(kind, key, value);
  return value;
}
