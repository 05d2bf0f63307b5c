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
  private readonly hashes: Int32Array;
  private readonly flags: Int32Array;
  private readonly keys: string[];
  private readonly mask: number;

  constructor(entries: ReadonlyMap<string, number>) {
    let size = 16;
    while (size < entries.size * 4) size *= 2;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.flags = new Int32Array(size);
    this.keys = new Array<string>(size).fill('');
    for (const [key, flags] of entries) {
      if (flags === 0) continue;
      const hash = hashOf(key);
      let slot = hash & this.mask;
      while (this.flags[slot] !== 0) slot = (slot + 1) & this.mask;
      this.hashes[slot] = hash;
      this.flags[slot] = flags;
      this.keys[slot] = key;
    }
  }

  get(key: string): number {
    return this.getHashed(key, hashOf(key));
  }

  /** `hash` must be `hashOf(key)`. */
  getHashed(key: string, hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const flags = this.flags[slot] as number;
      if (flags === 0) return 0;
      if (this.hashes[slot] === hash && this.keys[slot] === key) return flags;
    }
  }
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
    addAll(map, table.names.first, WordFlag.nameStart);
    addAll(map, table.surnames.first, WordFlag.surnameStart);
    addAll(map, table.titles.next.keys(), WordFlag.titleStart);
    addAll(map, table.countryWords.next.keys(), WordFlag.countryStart);
    flags = new WordFlags(map);
    byTable.set(table, flags);
  }
  return flags;
}
