/** In a list sorted by `keyOf`, the index of the first item before `end` whose key is at least `value` (`end` if none). */
export function firstIndexAtLeast<T>(items: readonly T[], value: number, keyOf: (item: T) => number, end = items.length): number {
  let low = 0;
  let high = end;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (keyOf(items[mid] as T) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

export const startOf = (item: { start: number }): number => item.start;
