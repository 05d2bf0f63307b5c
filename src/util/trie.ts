/** A trie over word keys, for matching many multi-word phrases in one pass over the tokens. */
export interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  value: T | undefined;
}

export function createTrie<T>(): TrieNode<T> {
  return { next: new Map(), value: undefined };
}

export function trieInsert<T>(root: TrieNode<T>, keys: readonly string[], update: (old: T | undefined) => T): void {
  let node = root;
  for (const key of keys) {
    let child = node.next.get(key);
    if (!child) {
      child = createTrie<T>();
      node.next.set(key, child);
    }
    node = child;
  }
  node.value = update(node.value);
}

export interface TrieMatch<T> {
  /** Index after the last key matched. */
  end: number;
  value: T;
}

/**
 * Longest phrase starting at `start`. `keyAt(i)` gives the key of item i, or null to
 * stop; `skip(i)` lets the walk pass over an item (a full stop after an initial).
 */
export function trieLongest<T>(
  root: TrieNode<T>,
  start: number,
  limit: number,
  keyAt: (i: number) => string | null,
  skip?: (i: number) => boolean,
): TrieMatch<T> | null {
  let node = root;
  let best: TrieMatch<T> | null = null;
  for (let i = start; i < limit; i++) {
    if (i > start && skip?.(i)) continue;
    const key = keyAt(i);
    if (key === null) break;
    const child = node.next.get(key);
    if (!child) break;
    node = child;
    if (node.value !== undefined) best = { end: i + 1, value: node.value };
  }
  return best;
}
