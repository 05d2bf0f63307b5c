import { describe, expect, it } from 'vitest';
import { check, loadReference } from '../../src/index.js';

const reference = loadReference();

function timed(text: string): { ms: number; quotes: number; findings: number } {
  const started = performance.now();
  const report = check(text, { reference, filename: 'hostile.md', date: '2025-06-01' });
  const file = report.files[0];
  return { ms: performance.now() - started, quotes: file?.quotes.length ?? -1, findings: file?.findings.length ?? -1 };
}

/** Text of about `size` characters made by repeating `unit(i)`. */
function repeated(size: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

const distinctName = (i: number) => `A${i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)] ?? 'q')}`;

/**
 * Hostile shapes, each with a size, a time bound (about four times what a 2-core CI
 * machine takes) and what must still be found. Times are printed for the notes.
 */
const CASES = [
  {
    name: 'a 5 MB single paragraph of quotes and names',
    size: 5_000_000,
    boundMs: 20_000,
    text: (n: number) =>
      repeated(n, () => 'German Chancellor Friedrich Merz said the plan “works”, he said. Scholz disagreed; '),
    quotesAtLeast: 50_000,
  },
  {
    name: '100,000 unmatched opening quote marks',
    size: 600_000,
    boundMs: 5_000,
    text: (n: number) => repeated(n, () => '“word '),
    quotesAtLeast: 1,
  },
  {
    name: '100,000 straight quote marks',
    size: 300_000,
    boundMs: 8_000,
    text: (n: number) => repeated(n, () => '"a '),
    quotesAtLeast: 40_000,
  },
  {
    name: 'a 1 MB line with no spaces',
    size: 1_000_000,
    boundMs: 3_000,
    text: (n: number) => 'a'.repeat(n),
    quotesAtLeast: 0,
  },
  {
    name: '50,000 repetitions of "he said"',
    size: 400_000,
    boundMs: 3_000,
    text: (n: number) => repeated(n, () => 'he said '),
    quotesAtLeast: 0,
  },
  {
    name: '50,000 quotes each followed by "he said"',
    size: 800_000,
    boundMs: 10_000,
    text: (n: number) => repeated(n, () => '“Yes,” he said. '),
    quotesAtLeast: 50_000,
  },
  {
    name: 'thousands of namesakes ("Aq Scholz") and surname quotes',
    size: 500_000,
    boundMs: 8_000,
    text: (n: number) => repeated(n, (i) => `${distinctName(i)} Scholz arrived. “Yes,” Scholz said. `),
    quotesAtLeast: 10_000,
  },
  {
    name: 'a predecessor quoted 10,000 times beside the officeholder',
    size: 600_000,
    boundMs: 10_000,
    text: (n: number) => repeated(n, () => 'German Chancellor Friedrich Merz spoke. “Yes,” Scholz said. '),
    quotesAtLeast: 9_000,
  },
  {
    name: 'quotes attributed to "the chancellor" after thousands of titles',
    size: 500_000,
    boundMs: 10_000,
    text: (n: number) => repeated(n, () => 'Chancellor Olaf Scholz arrived. “No,” the chancellor said. '),
    quotesAtLeast: 8_000,
  },
  {
    name: 'one paragraph per line, 500,000 lines',
    size: 1_000_000,
    boundMs: 5_000,
    text: (n: number) => 'a\n'.repeat(n / 2),
    quotesAtLeast: 0,
  },
  {
    name: '20,000 disable/enable comment pairs',
    size: 1_000_000,
    boundMs: 5_000,
    text: (n: number) =>
      repeated(
        n,
        () =>
          '<!-- factlint-disable title-holder -->\nChancellor Olaf Scholz said.\n<!-- factlint-enable title-holder -->\n',
      ),
    quotesAtLeast: 0,
  },
];

describe('hostile input finishes in bounded, linear time', () => {
  for (const c of CASES) {
    it(`${c.name}`, () => {
      const text = c.text(c.size);
      const result = timed(text);
      console.log(
        `adversarial: ${c.name}: ${(text.length / 1e6).toFixed(2)} MB in ${result.ms.toFixed(0)} ms (${result.quotes} quotes, ${result.findings} findings)`,
      );
      expect(result.ms).toBeLessThan(c.boundMs);
      expect(result.quotes).toBeGreaterThanOrEqual(c.quotesAtLeast);
    }, 60_000);
  }

  it('four times the input takes about four times as long, far from sixteen (no quadratic path)', () => {
    // Shapes that were quadratic before their fixes. Linear growth gives a time ratio near 4,
    // quadratic near 16; the bound sits between them, leaving room for a GC pause or a slow
    // moment of a shared machine landing on one size only (CI once saw 69 → 319 ms for twice
    // the input, 2.3 times what linear growth predicts).
    const shapes = [CASES[0], CASES[2], CASES[6], CASES[7], CASES[8], CASES[9]];
    for (const shape of shapes) {
      if (!shape) continue;
      const smallText = shape.text(150_000);
      const largeText = shape.text(600_000);
      // Sizes alternate (best of five each) so that a machine slowing down slows both alike.
      let small = Infinity;
      let large = Infinity;
      for (let round = 0; round < 5; round++) {
        small = Math.min(small, timed(smallText).ms);
        large = Math.min(large, timed(largeText).ms);
      }
      console.log(
        `scaling: ${shape.name}: ${small.toFixed(0)} ms → ${large.toFixed(0)} ms, ratio ${(large / small).toFixed(2)}`,
      );
      expect(large / small, `${shape.name}: ${small.toFixed(0)} ms → ${large.toFixed(0)} ms`).toBeLessThan(8);
    }
  }, 120_000);
});
