/**
 * mulberry32, a small seeded generator with a full 2^32 period, exact in 32-bit integer math:
 * a seed gives the same numbers on every machine, so generated tests, tables and load mixes
 * repeat run after run. Shared by the tests (TypeScript) and the scripts (plain Node).
 * @param {number} seed
 * @returns {() => number} the next number in [0, 1)
 */
export function seededRandom(seed) {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
