/** Turn a file's bytes into article text, or say in one line why they are not an article. */
import { Buffer, isUtf8 } from 'node:buffer';

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

const RAISE_LIMIT = ' (raise it with --max-file-size)';

export function decodeArticle(bytes: Uint8Array, maxBytes: number): DecodeResult {
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      message: `file is ${formatSize(bytes.length)}, over the ${formatSize(maxBytes)} limit${RAISE_LIMIT}`,
    };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, message: 'file is UTF-16; save it as UTF-8' };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, message: `binary file (NUL byte at offset ${nul}), not an article` };
  // A strict check, then Node's own decoder: twice as fast as TextDecoder, the same text.
  if (isUtf8(bytes)) {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.length - bom).toString('utf8') };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, message: `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})` };
  }
  return { ok: true, text };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    const [low, high] = secondByteRange(b);
    const second = bytes[i + 1];
    if (need > 0 && (second === undefined || second < low || second > high)) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}

/**
 * Where the second byte must lie: this is what rules out overlong forms, surrogates (ED A0..BF)
 * and code points past U+10FFFF.
 */
function secondByteRange(first: number): [number, number] {
  if (first === 0xe0) return [0xa0, 0xbf];
  if (first === 0xed) return [0x80, 0x9f];
  if (first === 0xf0) return [0x90, 0xbf];
  if (first === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
