import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeBinaryJson, encodeBinaryJson } from '../util/binary-json.js';
import { readChecksummed, writeChecksummed } from '../util/checksummed-file.js';
import { VERSION } from '../version.js';

/**
 * Compiled tables and rule sets cached on disk, keyed by the content of every source
 * file, the compile options and the running build: they compile once, later runs load
 * them in milliseconds. Entries are checksummed files (util/checksummed-file.ts): a damaged,
 * truncated or stale entry is ignored and replaced, never trusted.
 */
export type CacheKind = 'table' | 'table-objects' | 'rules';

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
  /** The file's content, as text or as its bytes (either is hashed as UTF-8 bytes). */
  text: string | Uint8Array;
}

/**
 * How a kind's value is stored: `pack` makes what is written, `unpack` what a run uses from what
 * is read (null for an entry it does not recognise). `layout` names the stored form; a change
 * of it makes a new key, so an entry in an older form is never read.
 */
export interface CacheCodec<T, P> {
  layout: string;
  /** null: this value is not cached. */
  pack(value: T): P | null;
  /** `sidecar` reads the entry's sidecar (null when there is none, or it is damaged). */
  unpack(packed: P, sidecar: () => Buffer | null): T | null;
  /**
   * A second entry beside the first, written with it and read only when `unpack`'s value asks
   * for it (bytes in a form of its own, e.g. `v8.serialize`'s).
   */
  sidecar?: { kind: CacheKind; pack(value: T): Uint8Array };
}

function cacheKey(sources: readonly CacheSource[], options: unknown, layout: string): string {
  const hash = createHash('sha256').update(VERSION).update('\0').update(codeStamp()).update('\0');
  hash.update(layout).update('\0');
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
    const entry = decodeBinaryJson(body) as CacheEntry<T>;
    return entry.key === key && entry.version === VERSION ? entry.value : null;
  } catch {
    return null;
  }
}

function writeCached<T>(kind: CacheKind, key: string, value: T): void {
  try {
    mkdirSync(cacheDir(), { recursive: true });
    const entry: CacheEntry<T> = { key, version: VERSION, value };
    writeChecksummed(entryPath(kind, key), kind, encodeBinaryJson(entry));
    pruneCache(kind);
  } catch {
    // A cache that cannot be written only costs time.
  }
}

/** Keep the newest few entries of a kind, so rebuilds and table edits do not pile up. */
function pruneCache(kind: CacheKind): void {
  const dir = cacheDir();
  const entries = readdirSync(dir)
    .filter((name) => name.startsWith(`${kind}-`) && /^-[0-9a-f]{40}\.bin$/.test(name.slice(kind.length)))
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

const asIs: CacheCodec<unknown, unknown> = { layout: '', pack: (value) => value, unpack: (packed) => packed };

/**
 * Compile through the cache: `compile` runs only when no valid entry exists for these sources.
 * With a codec, what a run gets is always unpacked, whether the entry was read or just written,
 * so the two runs behave alike.
 */
export function cachedCompile<T, P = T>(
  kind: CacheKind,
  sources: readonly CacheSource[],
  options: unknown,
  compile: () => T,
  codec: CacheCodec<T, P> = asIs as CacheCodec<T, P>,
): T {
  const key = cacheKey(sources, options ?? null, codec.layout);
  const { sidecar } = codec;
  const readSidecar = () => (sidecar ? readChecksummed(entryPath(sidecar.kind, key), sidecar.kind) : null);
  const cached = readCached<P>(kind, key);
  if (cached) {
    const value = unpacked(codec, cached, readSidecar);
    if (value) return value;
  }
  const value = compile();
  const packed = codec.pack(value);
  if (packed === null) return value;
  writeCached(kind, key, packed);
  if (sidecar) writeSidecar(sidecar.kind, key, () => sidecar.pack(value));
  return codec.unpack(packed, readSidecar) ?? fail(`${kind} cache: a value just packed does not unpack`);
}

function unpacked<T, P>(codec: CacheCodec<T, P>, packed: P, sidecar: () => Buffer | null): T | null {
  try {
    return codec.unpack(packed, sidecar);
  } catch {
    return null;
  }
}

function writeSidecar(kind: CacheKind, key: string, bytes: () => Uint8Array): void {
  try {
    writeChecksummed(entryPath(kind, key), kind, bytes());
    pruneCache(kind);
  } catch {
    // A sidecar that cannot be written only costs time.
  }
}

function fail(message: string): never {
  throw new Error(message);
}
