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

export type WordFlags = ReadonlyMap<string, number>;

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

/** The fixed word lists alone (no table): for tokenizing outside a check. */
export const FIXED_WORD_FLAGS: WordFlags = fixedWordFlags();

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
    flags = map;
    byTable.set(table, flags);
  }
  return flags;
}
