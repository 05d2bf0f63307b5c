import { describe, expect, it } from 'vitest';
import { check, loadReference } from '../../src/index.js';
import { workOf } from '../../src/util/work.js';
import { seededRandom } from '../seeded-random.mjs';
import { HOSTILE_SHAPES, repeated } from './hostile-shapes.mjs';

/** What random Markdown is made of: markup that opens and never closes, as often as markup that does. */
const MARKDOWN_PIECES = [
  '[',
  ']',
  '(',
  ')',
  '![',
  '](',
  '][',
  '`',
  '``',
  '*',
  '_',
  '**',
  '<',
  '>',
  '<b>',
  '</b>',
  '<a href="',
  '<!--',
  '-->',
  '\\',
  '#',
  '> ',
  '- ',
  '\n',
  '\n\n',
  ' ',
  'word ',
  'Scholz ',
  '“',
  '”',
  '"',
  'http://x.org/',
  'www.',
];

const reference = loadReference();

/** One check of the text: the units of work it took (src/util/work.ts) and the quotes it found. */
function counted(text: string): { work: number; quotes: number } {
  let quotes = -1;
  const work = workOf(() => {
    quotes = check(text, { reference, filename: 'hostile.md', date: '2025-06-01' }).files[0]?.quotes.length ?? -1;
  });
  return { work, quotes };
}

/** Characters of the smaller text; the larger has four times as many. */
const SMALL = 20_000;
/** Linear growth gives 4 (a cap's warm-up a little more); a quadratic path about 16. */
const MAX_GROWTH = 4.5;

/**
 * Work is counted, not timed, so a busy machine cannot fail these tests: four times the input
 * may take at most 4.5 times the work. Wall-clock times of the same shapes at up to 5 MB are
 * printed by `npm run bench` (test/bench/adversarial.mjs), where a miss is reported, not failed.
 */
describe('hostile input: the work grows linearly with the input', () => {
  for (const shape of HOSTILE_SHAPES) {
    it(shape.name, () => {
      // A shape may ask for more, so that a scanner's cap (200 title claims, 64 namesakes,
      // 120-token sentences) is reached at the smaller size already.
      const size = shape.countedSize ?? SMALL;
      const small = repeated(size, shape.unit);
      const large = repeated(4 * size, shape.unit);
      const smallRun = counted(small.text);
      const largeRun = counted(large.text);
      // Per character, so that the texts' overshoot of SMALL and LARGE does not count.
      const growth = ((largeRun.work / large.text.length) * small.text.length * 4) / smallRun.work;
      console.log(
        `work: ${shape.name}: ${smallRun.work} → ${largeRun.work} units for 4× the input (${growth.toFixed(2)}×)`,
      );
      // Every character is looked at: a count that stopped counting would not pass for linear.
      expect(smallRun.work).toBeGreaterThan(small.text.length);
      expect(growth, `${shape.name}: ${smallRun.work} → ${largeRun.work} units`).toBeLessThanOrEqual(MAX_GROWTH);
      expect(largeRun.quotes).toBeGreaterThanOrEqual(shape.quotes(large.units));
    });
  }

  // blankLinks (src/article/markdown.ts) was quadratic inside one regular expression, where the
  // counter cannot see (200,000 "[" took a minute); it is now a scan whose steps are counted, and
  // its shapes are in HOSTILE_SHAPES. test/cli.test.ts times 200,000 "[" through the CLI.
  it('random Markdown (brackets, parentheses, backticks, emphasis, HTML, links): work linear in its length', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      // The same seed for both sizes: the larger text starts with the smaller one.
      const markdown = (size: number) => {
        const random = seededRandom(seed);
        return repeated(size, () => MARKDOWN_PIECES[Math.floor(random() * MARKDOWN_PIECES.length)] as string);
      };
      const small = markdown(SMALL);
      const large = markdown(4 * SMALL);
      const smallRun = counted(small.text);
      const largeRun = counted(large.text);
      const growth = ((largeRun.work / large.text.length) * small.text.length * 4) / smallRun.work;
      expect(growth, `seed ${seed}: ${smallRun.work} → ${largeRun.work} units`).toBeLessThanOrEqual(MAX_GROWTH);
    }
  });
});
