import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from '../cli/output.js';
import { VERSION } from '../version.js';
import type { TableSource, CompileOptions } from './compile.js';
import type { Table } from './table.js';

/**
 * Compiled tables cached on disk, keyed by the content of every table file, the compile
 * options and factlint's version: a table compiles once, later runs load it in
 * milliseconds. A damaged or stale cache file is ignored and replaced, never trusted.
 */
export function cacheDir(): string {
  if (process.env.FACTLINT_CACHE_DIR) return process.env.FACTLINT_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME ?? (homedir() ? join(homedir(), '.cache') : tmpdir());
  return join(base, 'factlint');
}

/** The running code's own file: a rebuilt factlint never reads a table compiled by an older build. */
function codeStamp(): string {
  try {
    const stats = statSync(fileURLToPath(import.meta.url));
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return 'unknown';
  }
}

export function cacheKey(sources: readonly TableSource[], options: CompileOptions): string {
  const hash = createHash('sha256').update(VERSION).update('\0').update(codeStamp()).update('\0');
  for (const source of sources) hash.update(source.file).update('\0').update(source.text).update('\0');
  hash.update(JSON.stringify(options.houseStyle ?? {}));
  return hash.digest('hex').slice(0, 40);
}

interface CacheEntry {
  key: string;
  version: string;
  table: Table;
}

export function readCachedTable(key: string): Table | null {
  try {
    const entry = deserialize(readFileSync(join(cacheDir(), `table-${key}.bin`))) as CacheEntry;
    return entry.key === key && entry.version === VERSION ? entry.table : null;
  } catch {
    return null;
  }
}

export function writeCachedTable(key: string, table: Table): void {
  try {
    mkdirSync(cacheDir(), { recursive: true });
    const entry: CacheEntry = { key, version: VERSION, table };
    writeFileAtomic(join(cacheDir(), `table-${key}.bin`), serialize(entry));
  } catch {
    // A cache that cannot be written only costs time.
  }
}
