import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write.js';

/**
 * The one on-disk scheme of factlint's caches (compiled tables and rules, results): a header
 * line naming the scheme, the kind of content and the SHA-256 of the body, then the body.
 * Written atomically; a missing, truncated, edited or other-kind file reads as null, so a
 * damaged cache is rebuilt, never trusted.
 *
 *   factlint-cache/2 results sha256:<64 hex digits>\n<body>
 */
const SCHEME = 'factlint-cache/2';
const DIGEST_HEX = 64;

/** `body`: text, bytes, or bytes in parts (written one after another). */
export function writeChecksummed(path: string, kind: string, body: string | Uint8Array | readonly Uint8Array[]): void {
  const hash = createHash('sha256');
  const parts = typeof body === 'string' || body instanceof Uint8Array ? [body] : body;
  for (const part of parts) hash.update(part);
  writeFileAtomic(path, [`${prefixOf(kind)}${hash.digest('hex')}\n`, ...parts]);
}

/** The body, or null when the file is missing or is not a whole, unchanged file of this kind. */
export function readChecksummed(path: string, kind: string): Buffer | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
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
