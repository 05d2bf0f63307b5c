/**
 * JSON data with typed arrays in it, as bytes: the caches' format (reference/cache.ts). The
 * typed arrays' bytes follow a JSON header and are read back as views of the file's buffer,
 * with no copy; unlike `v8.deserialize`, reading needs no Node module beyond Buffer (`node:v8`
 * loads Node's streams, 4 ms of a cold start). Only values that come back exactly are taken:
 * anything else (undefined, NaN, -0, a Map, a sparse array …) makes `encode` throw.
 *
 *   [4 bytes: header length, little-endian] [header: UTF-8 JSON] [padding] [arrays, each at a multiple of 8]
 */
const TYPED = '$typed';
const KINDS = { Uint8Array, Int32Array, Uint32Array } as const;
type Kind = keyof typeof KINDS;
type Typed = Uint8Array | Int32Array | Uint32Array;

interface TypedRef {
  [TYPED]: Kind;
  at: number;
  length: number;
}

class Unsupported extends Error {}

export function encodeBinaryJson(value: unknown): Uint8Array[] {
  const arrays: Typed[] = [];
  let offset = 0;
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || Object.is(v, -0)) throw new Unsupported(`number ${v}`);
      return v;
    }
    if (typeof v !== 'object') throw new Unsupported(typeof v);
    const kind = kindOf(v);
    if (kind) {
      const typed = v as Typed;
      const ref: TypedRef = { [TYPED]: kind, at: offset, length: typed.length };
      arrays.push(typed);
      offset += padded(typed.byteLength);
      return ref;
    }
    if (Array.isArray(v)) {
      const out = new Array<unknown>(v.length);
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) throw new Unsupported('sparse array');
        out[i] = walk(v[i]);
      }
      return out;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype) throw new Unsupported('object of a class');
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      if (key === TYPED || key === '__proto__') throw new Unsupported(`key ${key}`);
      out[key] = walk((v as Record<string, unknown>)[key]);
    }
    return out;
  };
  const header = new TextEncoder().encode(JSON.stringify(walk(value)));
  const start = padded(4 + header.length);
  const head = new Uint8Array(start);
  new DataView(head.buffer).setUint32(0, header.length, true);
  head.set(header, 4);
  const parts: Uint8Array[] = [head];
  for (const typed of arrays) {
    const bytes = new Uint8Array(padded(typed.byteLength));
    bytes.set(new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength));
    parts.push(bytes);
  }
  return parts;
}

/** The value `encodeBinaryJson` made; its typed arrays are views of `body` (copies where misaligned). */
export function decodeBinaryJson(body: Buffer): unknown {
  const length = body.readUInt32LE(0);
  const start = padded(4 + length);
  const header = body.toString('utf8', 4, 4 + length);
  return JSON.parse(header, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || !(TYPED in value)) return value;
    const ref = value as TypedRef;
    const Kind = KINDS[ref[TYPED]];
    if (!Kind) throw new Error(`binary JSON: unknown array ${ref[TYPED]}`);
    const byteOffset = body.byteOffset + start + ref.at;
    const byteLength = ref.length * Kind.BYTES_PER_ELEMENT;
    if (start + ref.at + byteLength > body.length) throw new Error('binary JSON: an array out of bounds');
    if (byteOffset % Kind.BYTES_PER_ELEMENT === 0) return view(ref[TYPED], body.buffer, byteOffset, ref.length);
    const copy = new Uint8Array(body.subarray(start + ref.at, start + ref.at + byteLength));
    return view(ref[TYPED], copy.buffer, 0, ref.length);
  });
}

function view(kind: Kind, buffer: ArrayBufferLike, byteOffset: number, length: number): Typed {
  if (kind === 'Int32Array') return new Int32Array(buffer, byteOffset, length);
  if (kind === 'Uint32Array') return new Uint32Array(buffer, byteOffset, length);
  return new Uint8Array(buffer, byteOffset, length);
}

function kindOf(value: object): Kind | null {
  if (value instanceof Int32Array) return 'Int32Array';
  if (value instanceof Uint32Array) return 'Uint32Array';
  if (value instanceof Uint8Array) return 'Uint8Array';
  return null;
}

function padded(length: number): number {
  return Math.ceil(length / 8) * 8;
}
