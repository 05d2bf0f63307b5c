// A seeded random source (mulberry32), so that every run plants the same errors.
// Each generator gets its own stream (`streamFor`), so adding a kind does not move the others.

export function createRandom(seed) {
  let state = seed | 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = (items) => (items.length === 0 ? undefined : items[Math.floor(next() * items.length)]);
  const shuffle = (items) => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  /** Up to `n` items, in a seeded order. */
  const sample = (items, n) => (items.length <= n ? shuffle(items) : shuffle(items).slice(0, n));
  return { next, pick, shuffle, sample, chance: (p) => next() < p };
}

/** A stream per name: the same seed and name always give the same sequence. */
export function streamFor(seed, name) {
  let hash = seed | 0;
  for (const ch of name) hash = Math.imul(hash ^ ch.codePointAt(0), 0x01000193);
  return createRandom(hash);
}
