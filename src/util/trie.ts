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
