/**
 * A fixed list of distinct strings stored as typed arrays (UTF-8 bytes, ends, an open-addressing
 * hash index), so that loading one from a cache makes no string and no object per entry. A
 * lookup hashes the key and decodes a stored string only when its hash matches; a decoded
 * string is kept. Used for the keys of the cached reference table (compact.ts).
 */
export interface PackedList {
  bytes: Uint8Array;
  /** Where each string ends in `bytes`. */
  ends: Uint32Array;
}

export interface PackedStrings extends PackedList {
  /** Hash of each string. */
  hashes: Int32Array;
  /** Open addressing: 1 + the index of the string in the slot, 0 when empty; length a power of two. */
  slots: Int32Array;
}

/** FNV-1a over UTF-16 code units. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return hash;
}

/**
 * Strings in one UTF-8 buffer, read back by index (`StringList`); with a `separator` (one
 * ASCII character) between them, string i begins one byte after `ends[i - 1]`.
 */
export function packList(strings: readonly string[], separator = ''): PackedList {
  const encoder = new TextEncoder();
  const encoded = strings.map((s) => encoder.encode(s));
  const ends = new Uint32Array(strings.length);
  let length = 0;
  encoded.forEach((bytes, index) => {
    if (index > 0) length += separator.length;
    length += bytes.length;
    ends[index] = length;
  });
  const bytes = new Uint8Array(length);
  for (const [index, part] of encoded.entries()) {
    bytes.set(part, (ends[index] as number) - part.length);
    if (index > 0 && separator) bytes[(ends[index] as number) - part.length - 1] = separator.charCodeAt(0);
  }
  return { bytes, ends };
}

/** Distinct strings with a hash index (`StringTable`). */
export function packStrings(strings: readonly string[]): PackedStrings {
  let size = 16;
  while (size < strings.length * 2) size *= 2;
  const slots = new Int32Array(size);
  const hashes = Int32Array.from(strings, hashOf);
  strings.forEach((_, index) => {
    let slot = (hashes[index] as number) & (size - 1);
    while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
    slots[slot] = index + 1;
  });
  return { ...packList(strings), hashes, slots };
}

/** Strings read by index from one UTF-8 buffer, each decoded once, when first asked for. */
export class StringList {
  private readonly buffer: Buffer;
  private readonly ends: Uint32Array;
  private readonly decoded: (string | undefined)[];

  constructor(packed: PackedList) {
    const { bytes } = packed;
    this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.ends = packed.ends;
    this.decoded = new Array<string | undefined>(packed.ends.length);
  }

  get size(): number {
    return this.ends.length;
  }

  /** The string at `index`. */
  at(index: number): string {
    let text = this.decoded[index];
    if (text === undefined) {
      text = this.buffer.toString('utf8', index === 0 ? 0 : this.ends[index - 1], this.ends[index]);
      this.decoded[index] = text;
    }
    return text;
  }
}

/**
 * A `StringList` of distinct strings that also finds a string's index. A run that looks up
 * more keys than the table holds (a batch of articles) switches to a `Map` of every key, whose
 * lookups V8 hashes natively; a run over one article never pays for making every string.
 */
export class StringTable extends StringList {
  private readonly hashes: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  private lookups = 0;
  private map: Map<string, number> | null = null;

  constructor(packed: PackedStrings) {
    super(packed);
    this.hashes = packed.hashes;
    this.slots = packed.slots;
    this.mask = packed.slots.length - 1;
    if (packed.hashes.length !== packed.ends.length || (packed.slots.length & this.mask) !== 0)
      throw new Error('string table: inconsistent arrays');
  }

  /** The index of `key`, or -1. */
  indexOf(key: string): number {
    // Kept small, so that V8 inlines it where a run looks keys up; the rest is `probe`.
    const map = this.map;
    if (map === null) return this.probe(key);
    const index = map.get(key);
    return index === undefined ? -1 : index;
  }

  private probe(key: string): number {
    if (++this.lookups > this.size + 64) {
      const map = new Map<string, number>();
      for (let index = 0; index < this.size; index++) map.set(this.at(index), index);
      this.map = map;
      return this.indexOf(key);
    }
    const hash = hashOf(key);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const index = (this.slots[slot] as number) - 1;
      if (index < 0) return -1;
      if (this.hashes[index] === hash && this.at(index) === key) return index;
    }
  }
}

/** A read-only set over a string table. */
export class PackedSet implements ReadonlySet<string> {
  constructor(private readonly strings: StringTable) {}

  get size(): number {
    return this.strings.size;
  }

  has(key: string): boolean {
    return this.strings.indexOf(key) >= 0;
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const key of this.values()) callback.call(thisArg, key, key, this);
  }

  *values(): SetIterator<string> {
    for (let index = 0; index < this.strings.size; index++) yield this.strings.at(index);
  }

  keys(): SetIterator<string> {
    return this.values();
  }

  *entries(): SetIterator<[string, string]> {
    for (const key of this.values()) yield [key, key];
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }
}

/**
 * A read-only map over a string table whose values are made on first use from their index
 * (`make` returns undefined for an index that has no value: the key is then absent). `order`,
 * when given, lists the indexes that have values in the map's iteration order.
 */
export class LazyMap<V> implements ReadonlyMap<string, V> {
  private readonly made: (V | undefined)[];

  constructor(
    private readonly strings: StringTable,
    private readonly make: (index: number) => V | undefined,
    private readonly order: ArrayLike<number> | null = null,
  ) {
    this.made = new Array<V | undefined>(strings.size);
  }

  get size(): number {
    return this.order ? this.order.length : this.strings.size;
  }

  get(key: string): V | undefined {
    const index = this.strings.indexOf(key);
    if (index < 0) return undefined;
    const value = this.made[index];
    return value !== undefined ? value : this.at(index);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Whether any value has been made (and handed out). */
  madeAny = false;

  /** Make every value not made yet with `make` (for making them all at once). */
  fill(make: (index: number) => V | undefined): void {
    for (let index = 0; index < this.made.length; index++) this.made[index] ??= make(index);
  }

  /** The value at an index of the string table. */
  at(index: number): V | undefined {
    let value = this.made[index];
    if (value === undefined) {
      value = this.make(index);
      this.made[index] = value;
      this.madeAny = true;
    }
    return value;
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  *entries(): MapIterator<[string, V]> {
    const count = this.size;
    for (let i = 0; i < count; i++) {
      const index = this.order ? (this.order[i] as number) : i;
      const value = this.at(index);
      if (value !== undefined) yield [this.strings.at(index), value];
    }
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}
