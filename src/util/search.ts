import { tally } from './work.js';

/**
 * In a list sorted by `keyOf`, the index of the first item before `end` whose key is at least
 * `value` (`end` if none).
 */
export function firstIndexAtLeast<T>(
  items: readonly T[],
  value: number,
  keyOf: (item: T) => number,
  end = items.length,
): number {
  let low = 0;
  let high = end;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (keyOf(items[mid] as T) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** `firstIndexAtLeast` by `start`, read directly: the commonest search, called for every quote, pronoun and mention. */
export function firstStartAtLeast(items: readonly { start: number }[], value: number, end = items.length): number {
  let low = 0;
  let high = end;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((items[mid] as { start: number }).start < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Two lists, each sorted by `start`, merged as a stable sort of `[...a, ...b]` would order them
 * (no comparator calls).
 */
export function mergeByStart<T extends { start: number }>(a: readonly T[], b: readonly T[]): T[] {
  tally(a.length + b.length);
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length)
    merged.push((b[j] as T).start < (a[i] as T).start ? (b[j++] as T) : (a[i++] as T));
  while (i < a.length) merged.push(a[i++] as T);
  while (j < b.length) merged.push(b[j++] as T);
  return merged;
}

/** Sort by `start` in place (stably), skipping the sort when the list is in order already, as it mostly is. */
export function sortByStart<T extends { start: number }>(items: T[]): T[] {
  tally(items.length);
  for (let k = 1; k < items.length; k++) {
    if ((items[k] as T).start < (items[k - 1] as T).start) return items.sort((x, y) => x.start - y.start);
  }
  return items;
}
