import type { Table } from '../reference/table.js';
import { FUNCTION_WORDS, HONORIFICS, NAME_PARTICLES } from './lexicon.js';
import { speechVerbForms } from './verbs.js';

/**
 * What a word can start or be, as bits of `Token.flags`. The tokenizer looks each word
 * up once in one small map of every such word, so the scanners test a bit where each
 * would otherwise look the word up in its own set.
 */
export const WordFlag = {
  /** First word of a full name in the table. */
  nameStart: 1,
  /** First word of a surname in the table. */
  surnameStart: 2,
  /** First word of a title in the table. */
  titleStart: 4,
  /** First word of a country word in the table. */
  countryStart: 8,
  functionWord: 16,
  honorific: 32,
  speechVerb: 64,
  nameParticle: 128,
} as const;

/** FNV-1a over UTF-16 code units: what the tokenizer computes as it reads a word. */
export const HASH_SEED = 0x811c9dc5;
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 16777619);
}

export function hashOf(key: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < key.length; i++) hash = hashStep(hash, key.charCodeAt(i));
  return hash;
}

/**
 * Word → flags in an open-addressing table keyed by our own hash. The tokenizer hashes
 * a word while it reads it, so a lookup is a slot or two and, only for listed words, one
 * string comparison: far cheaper than a Map, which must hash every new word afresh.
 */
export class WordFlags {
  private hashes: Int32Array;
  private flags: Int32Array;
  private keys: string[];
  private mask: number;
  /** Flags made from a cache (`fromSlots`): 1 + the index of the word in a slot whose key is still ''. */
  private lazyKeys: LazyKeys | null = null;

  constructor(entries: ReadonlyMap<string, number>, size = slotsFor(entries.size)) {
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.flags = new Int32Array(size);
    this.keys = new Array<string>(size).fill('');
    for (const [key, flags] of entries) this.add(key, hashOf(key), flags);
  }

  /** Flags from slots laid out as `tableWordsOf` lays them out; a slot's word is read (`word`) when first compared. */
  static fromSlots(slots: SlotArrays, word: (index: number) => string): WordFlags {
    const made = new WordFlags(new Map(), 16);
    made.mask = slots.hashes.length - 1;
    made.hashes = slots.hashes;
    made.flags = slots.flags;
    made.keys = new Array<string>(slots.hashes.length).fill('');
    made.lazyKeys = { indexes: slots.indexes, word };
    return made;
  }

  get(key: string): number {
    return this.getHashed(key, hashOf(key));
  }

  /** `hash` must be `hashOf(key)`. */
  getHashed(key: string, hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const flags = this.flags[slot] as number;
      if (flags === 0) return 0;
      if (this.hashes[slot] === hash && this.keyAt(slot) === key) return flags;
    }
  }

  /** Adds `flags` to the word's flags. */
  add(key: string, hash: number, flags: number): void {
    if (flags === 0) return;
    let slot = hash & this.mask;
    for (; this.flags[slot] !== 0; slot = (slot + 1) & this.mask) {
      if (this.hashes[slot] === hash && this.keyAt(slot) === key) {
        this.flags[slot] = (this.flags[slot] as number) | flags;
        return;
      }
    }
    this.hashes[slot] = hash;
    this.flags[slot] = flags;
    this.keys[slot] = key;
  }

  /** Read every word still unread (for a long run: lookups then never branch off to read one). */
  readAllKeys(): void {
    const lazy = this.lazyKeys;
    if (lazy === null) return;
    for (let slot = 0; slot < this.keys.length; slot++) this.keyAt(slot);
    this.lazyKeys = null;
  }

  private keyAt(slot: number): string {
    const key = this.keys[slot] as string;
    if (key !== '' || this.lazyKeys === null) return key;
    const index = (this.lazyKeys.indexes[slot] as number) - 1;
    if (index < 0) return key;
    const word = this.lazyKeys.word(index);
    this.keys[slot] = word;
    return word;
  }
}

/** A WordFlags' slots: hash, flags and (for table words) 1 + the word's index, per slot; a power of two long. */
export interface SlotArrays {
  hashes: Int32Array;
  flags: Int32Array;
  indexes: Int32Array;
}

interface LazyKeys {
  indexes: Int32Array;
  word: (index: number) => string;
}

/** Slots for `count` words: a quarter full at most. */
function slotsFor(count: number): number {
  let size = 16;
  while (size < count * 4) size *= 2;
  return size;
}

function addAll(flags: Map<string, number>, words: Iterable<string>, bit: number): void {
  for (const word of words) flags.set(word, (flags.get(word) ?? 0) | bit);
}

function fixedWordFlags(): Map<string, number> {
  const flags = new Map<string, number>();
  addAll(flags, FUNCTION_WORDS, WordFlag.functionWord);
  addAll(flags, HONORIFICS.keys(), WordFlag.honorific);
  addAll(flags, speechVerbForms(), WordFlag.speechVerb);
  addAll(flags, NAME_PARTICLES, WordFlag.nameParticle);
  return flags;
}

let fixedOnly: WordFlags | null = null;

/** The fixed word lists alone (no table): for tokenizing outside a check. Built on first use, not at start-up. */
export function fixedWordFlagsOnly(): WordFlags {
  fixedOnly ??= new WordFlags(fixedWordFlags());
  return fixedOnly;
}

const byTable = new WeakMap<Table, WordFlags>();

/** The flags of every word that matters against this table, built once per table. */
export function wordFlagsOf(table: Table): WordFlags {
  let flags = byTable.get(table);
  if (!flags) {
    const map = fixedWordFlags();
    addTableWords(map, table);
    flags = new WordFlags(map);
    byTable.set(table, flags);
  }
  return flags;
}

function addTableWords(map: Map<string, number>, table: Table): void {
  addAll(map, table.names.first, WordFlag.nameStart);
  addAll(map, table.surnames.first, WordFlag.surnameStart);
  addAll(map, table.titles.next.keys(), WordFlag.titleStart);
  addAll(map, table.countryWords.next.keys(), WordFlag.countryStart);
}

/**
 * The word flags of a table as the table cache keeps them: the slots `wordFlagsOf` would fill
 * (the table's words and the fixed lists), each word's text in `words`, and what the fixed lists
 * were (`fixed`), so that a cache made by code with other lists is not trusted for them.
 */
export interface TableWords extends SlotArrays {
  /** The words, in the order `indexes` counts them. */
  words: string[];
  /** The flags each word has from the table alone, by word. */
  tableFlags: Int32Array;
  fixed: string;
}

export function tableWordsOf(table: Table): TableWords {
  const fixed = fixedWordFlags();
  const own = new Map<string, number>();
  addTableWords(own, table);
  const all = fixedWordFlags();
  addTableWords(all, table);
  const size = slotsFor(all.size);
  const hashes = new Int32Array(size);
  const flags = new Int32Array(size);
  const indexes = new Int32Array(size);
  const words = [...all.keys()];
  words.forEach((word, index) => {
    const bits = all.get(word) as number;
    if (bits === 0) return;
    const hash = hashOf(word);
    let slot = hash & (size - 1);
    while (flags[slot] !== 0) slot = (slot + 1) & (size - 1);
    hashes[slot] = hash;
    flags[slot] = bits;
    indexes[slot] = index + 1;
  });
  const tableFlags = Int32Array.from(words, (word) => own.get(word) ?? 0);
  return { words, hashes, flags, indexes, tableFlags, fixed: fixedKey(fixed) };
}

function fixedKey(fixed: ReadonlyMap<string, number>): string {
  return JSON.stringify([...fixed]);
}

/**
 * Give a table loaded from the cache its word flags (`tableWordsOf`): the cached slots as they
 * are, a word's text read only when a lookup's hash matches it (`words.at`). When the running
 * code's fixed lists differ from the cached ones, the flags are built again from the table's
 * words and the running lists.
 */
export function adoptTableWords(
  table: Table,
  cached: Omit<TableWords, 'words'>,
  words: { size: number; at(index: number): string },
): void {
  const fixed = fixedWordFlags();
  const size = cached.hashes.length;
  let flags: WordFlags;
  if (cached.fixed === fixedKey(fixed) && (size & (size - 1)) === 0) {
    flags = WordFlags.fromSlots(cached, (index) => words.at(index));
  } else {
    for (let index = 0; index < words.size; index++) {
      const bits = cached.tableFlags[index] as number;
      if (bits !== 0) fixed.set(words.at(index), (fixed.get(words.at(index)) ?? 0) | bits);
    }
    flags = new WordFlags(fixed);
  }
  byTable.set(table, flags);
}
