/**
 * Items keyed by token index: an array lookup where a Map<number, T> would hash (the resolvers
 * ask many times per article).
 */
export class TokenMap<T> {
  private readonly items: (T | undefined)[];

  /** A later item with the same key replaces an earlier one, as in a Map built from the same list. */
  constructor(size: number, items: readonly T[], keyOf: (item: T) => number) {
    this.items = new Array<T | undefined>(size + 1).fill(undefined);
    for (const item of items) this.items[keyOf(item)] = item;
  }

  get(index: number): T | undefined {
    return this.items[index];
  }

  has(index: number): boolean {
    return this.items[index] !== undefined;
  }
}
