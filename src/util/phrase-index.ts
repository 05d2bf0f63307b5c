/**
 * Many multi-word phrases (names) in flat maps: one map from the joined words to the
 * value, plus the set of first words. Matching at a position costs one set lookup, then
 * at most `maxWords` map lookups; memory is one map entry per phrase (a trie would need a
 * map per word), which keeps very large tables quick to build, cache and load. The
 * joined beginnings of longer phrases let a match stop as soon as no phrase can go on.
 */
export interface PhraseIndex<T> {
  readonly first: ReadonlySet<string>;
  readonly entries: ReadonlyMap<string, T>;
  /** Every beginning of two or more words that a longer phrase continues ("a p", "a p j", "a p j abdul"). */
  readonly prefixes: ReadonlySet<string>;
  readonly maxWords: number;
}

/** A phrase index being built (`phraseAdd`). */
export interface PhraseIndexBuilder<T> extends PhraseIndex<T> {
  first: Set<string>;
  entries: Map<string, T>;
  prefixes: Set<string>;
  maxWords: number;
}

export function createPhraseIndex<T>(): PhraseIndexBuilder<T> {
  return { first: new Set(), entries: new Map(), prefixes: new Set(), maxWords: 0 };
}

export function phraseAdd<T>(
  index: PhraseIndexBuilder<T>,
  keys: readonly string[],
  update: (old: T | undefined) => T,
  joined = keys.join(' '),
): void {
  if (keys.length === 0) return;
  index.entries.set(joined, update(index.entries.get(joined)));
  index.first.add(keys[0] as string);
  let prefix = keys[0] as string;
  for (let i = 1; i < keys.length - 1; i++) {
    prefix += ` ${keys[i]}`;
    index.prefixes.add(prefix);
  }
  if (keys.length > index.maxWords) index.maxWords = keys.length;
}

export function phraseGet<T>(index: PhraseIndex<T>, keys: readonly string[]): T | undefined {
  return index.entries.get(keys.join(' '));
}
