import { describe, expect, it } from 'vitest';
import { decodeBinaryJson, encodeBinaryJson } from '../../src/util/binary-json.js';

const bytesOf = (parts: Uint8Array[]) => Buffer.concat(parts);

describe('binary JSON (the caches’ format)', () => {
  const value = {
    text: 'Zelenskyy \u{1F600} \ud800 lone',
    list: [1, -2.5, true, null, 'x'],
    nested: { ints: Int32Array.from([1, -7, 2 ** 31 - 1]), ends: Uint32Array.from([0, 4294967295]) },
    bytes: Uint8Array.from([0, 10, 255]),
    empty: new Int32Array(0),
  };

  it('reads back the same data and the same typed arrays', () => {
    const decoded = decodeBinaryJson(bytesOf(encodeBinaryJson(value))) as typeof value;
    expect(decoded).toEqual(value);
    expect(decoded.nested.ints).toBeInstanceOf(Int32Array);
    expect(decoded.nested.ends).toBeInstanceOf(Uint32Array);
    expect(decoded.bytes).toBeInstanceOf(Uint8Array);
  });

  it('reads arrays from a body at any offset of its buffer (views where aligned, copies where not)', () => {
    const encoded = bytesOf(encodeBinaryJson(value));
    for (const shift of [1, 2, 3, 5, 8]) {
      const file = Buffer.alloc(encoded.length + shift);
      encoded.copy(file, shift);
      expect(decodeBinaryJson(file.subarray(shift))).toEqual(value);
    }
  });

  it('refuses what would not come back exactly', () => {
    for (const bad of [
      { a: undefined },
      { a: Number.NaN },
      { a: Number.POSITIVE_INFINITY },
      { a: -0 },
      { a: new Map() },
      { a: new Array(3) },
      { a: 1n },
      { $typed: 'Int32Array', at: 0, length: 1 },
      JSON.parse('{"__proto__": 1}'),
    ])
      expect(() => encodeBinaryJson(bad), JSON.stringify(String(Object.keys(bad)))).toThrow();
  });

  it('fails on a body whose arrays run past its end', () => {
    const encoded = bytesOf(encodeBinaryJson({ ints: new Int32Array(100) }));
    expect(() => decodeBinaryJson(encoded.subarray(0, encoded.length - 8))).toThrow();
  });
});
