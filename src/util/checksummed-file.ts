import { createHash } from 'node:crypto';
import { closeSync, constants, lstatSync, openSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write.js';
import { InputError } from './errors.js';

/**
 * The one on-disk scheme of factlint's caches (compiled tables and rules, results): a header
 * line naming the scheme, the kind of content and the SHA-256 of the body, then the body.
 * Written atomically; a missing, truncated, garbled or other-kind file reads as null, so a
 * damaged cache is rebuilt, never trusted. The checksum detects corruption, not tampering:
 * whoever can write the file can write a matching checksum, so readers still check the shape
 * of what they read. A cache is never read or written through a symbolic link (a committed
 * `.factlintcache -> ~/.bashrc` must not be overwritten).
 *
 *   factlint-cache/2 results sha256:<64 hex digits>\n<body>
 */
const SCHEME = 'factlint-cache/2';
const DIGEST_HEX = 64;

/** `body`: text, bytes, or bytes in parts (written one after another). */
export function writeChecksummed(path: string, kind: string, body: string | Uint8Array | readonly Uint8Array[]): void {
  if (isSymlink(path))
    throw new InputError(`cannot write ${path}: a symbolic link (a cache is never written through one)`);
  const hash = createHash('sha256');
  const parts = typeof body === 'string' || body instanceof Uint8Array ? [body] : body;
  for (const part of parts) hash.update(part);
  writeFileAtomic(path, [`${prefixOf(kind)}${hash.digest('hex')}\n`, ...parts]);
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Opened without following a final symlink (O_NOFOLLOW: a symlink fails to open, ELOOP). */
const OPEN_NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

function readNoFollow(path: string): Buffer {
  if (!constants.O_NOFOLLOW && isSymlink(path)) throw new Error('a symbolic link');
  const fd = openSync(path, OPEN_NO_FOLLOW);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The body, or null when the file is missing or is not a whole, unchanged file of this kind. */
export function readChecksummed(path: string, kind: string): Buffer | null {
  let bytes: Buffer;
  try {
    bytes = readNoFollow(path);
  } catch {
    return null;
  }
  const prefix = prefixOf(kind);
  const bodyStart = prefix.length + DIGEST_HEX + 1;
  if (bytes.length < bodyStart || bytes.toString('latin1', 0, prefix.length) !== prefix) return null;
  if (bytes[bodyStart - 1] !== 0x0a) return null;
  const body = bytes.subarray(bodyStart);
  const digest = bytes.toString('latin1', prefix.length, bodyStart - 1);
  return createHash('sha256').update(body).digest('hex') === digest ? body : null;
}

function prefixOf(kind: string): string {
  return `${SCHEME} ${kind} sha256:`;
}
