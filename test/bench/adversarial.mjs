// Hostile inputs, timed: each shape at up to 5 MB against a time bound, and each at two sizes
// for the time ratio of four times the input (linear about 4, quadratic about 16). Timings
// depend on the machine and its load, so a miss is printed, not failed; `npm test` asserts
// linear growth by counting work instead (test/reliability/adversarial.test.ts).
// Usage: node test/bench/adversarial.mjs [--short]   (needs a built dist/: npm run build)
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOSTILE_SHAPES, KNOWN_QUADRATIC_SHAPES, repeated } from '../reliability/hostile-shapes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const short = process.argv.includes('--short');
if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('bench: dist/index.js is missing: run `npm run build` first.');
  process.exit(2);
}
const { check, loadReference } = await import(join(root, 'dist/index.js'));
const reference = loadReference();

function timed(text) {
  const started = performance.now();
  const report = check(text, { reference, filename: 'hostile.md', date: '2025-06-01' });
  return { ms: performance.now() - started, quotes: report.files[0]?.quotes.length ?? -1 };
}

// Sizes and bounds from the former timed test: a bound is about four times what a 2-core CI
// machine took. --short divides both by five.
const LARGE_RUNS = {
  'one paragraph of quotes and names': [5_000_000, 20_000],
  'unmatched opening quote marks': [600_000, 5_000],
  'straight quote marks': [300_000, 8_000],
  'a line with no spaces': [1_000_000, 3_000],
  'repetitions of "he said"': [400_000, 3_000],
  'quotes each followed by "he said"': [800_000, 10_000],
  'namesakes ("Aq Scholz") and surname quotes': [500_000, 8_000],
  'a predecessor quoted beside the officeholder': [600_000, 10_000],
  'quotes attributed to "the chancellor" after many titles': [500_000, 10_000],
  'one paragraph per line': [1_000_000, 5_000],
  'disable/enable comment pairs': [1_000_000, 5_000],
};
const scale = short ? 5 : 1;
let missed = 0;
const report = (ok) => {
  if (!ok) missed++;
  return ok ? 'met' : 'MISSED';
};

console.log(`adversarial: hostile input against a time bound${short ? ' (short: a fifth of the sizes)' : ''}`);
for (const shape of HOSTILE_SHAPES) {
  const [size, boundMs] = LARGE_RUNS[shape.name] ?? [];
  if (!size) continue;
  const { text, units } = repeated(size / scale, shape.unit);
  const { ms, quotes } = timed(text);
  const enough = quotes >= shape.quotes(units);
  console.log(
    `  ${shape.name.padEnd(58)} ${(text.length / 1e6).toFixed(2).padStart(5)} MB ${ms.toFixed(0).padStart(6)} ms  bound ${(boundMs / scale).toFixed(0).padStart(5)} ms ${report(ms < boundMs / scale && enough)}${enough ? '' : ` (only ${quotes} quotes)`}`,
  );
}

// Best of three (short: two) at each size after a warm-up, the sizes alternating, so that a
// slow moment of the machine lands on both. Known quadratic shapes are timed at sizes small enough to finish.
console.log('adversarial: time for four times the input (linear about 4, quadratic about 16; bound 8)');
const rounds = short ? 2 : 3;
for (const [shape, small] of [
  ...HOSTILE_SHAPES.map((s) => [s, 150_000 / scale]),
  ...KNOWN_QUADRATIC_SHAPES.map((s) => [s, 5_000]),
]) {
  const smallText = repeated(small, shape.unit).text;
  const largeText = repeated(4 * small, shape.unit).text;
  timed(smallText); // warm-up: the first run of a shape compiles its code paths
  let smallMs = Infinity;
  let largeMs = Infinity;
  for (let round = 0; round < rounds; round++) {
    smallMs = Math.min(smallMs, timed(smallText).ms);
    largeMs = Math.min(largeMs, timed(largeText).ms);
  }
  const ratio = largeMs / Math.max(smallMs, 0.01);
  const known = KNOWN_QUADRATIC_SHAPES.includes(shape) ? ' (known quadratic)' : '';
  // A few milliseconds are mostly timer and collector noise: printed, not judged.
  const verdict =
    smallMs < 5 ? 'too quick to judge' : known ? `${ratio < 8 ? 'met' : 'MISSED'}${known}` : report(ratio < 8);
  console.log(
    `  ${shape.name.padEnd(58)} ${smallMs.toFixed(0).padStart(6)} ms → ${largeMs.toFixed(0).padStart(6)} ms  ratio ${ratio.toFixed(1).padStart(5)} ${verdict}`,
  );
}
console.log(`adversarial: ${missed === 0 ? 'every bound met' : `${missed} bound(s) missed (printed, not failed)`}`);
