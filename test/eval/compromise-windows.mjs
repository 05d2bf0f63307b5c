// Does compromise add anything on small windows? For every full name factlint's own
// scanner finds that the reference table does not know (a capitalised run such as
// "Geshuang Chen"), ask compromise whether the sentence around it tags those words as a
// person, and time it. Also times compromise over whole articles, for comparison.
// Usage: node test/eval/compromise-windows.mjs [--split dev|train] [--show N]
// Needs ../shared (skips with a message when it is absent) and a built dist/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'dev';
const show = args.includes('--show') ? Number(args[args.indexOf('--show') + 1]) : 15;
const dir = join(root, '..', 'shared', 'data', 'corpora', 'polnear', split, 'text');
if (!existsSync(dir)) {
  console.log(`compromise-windows: ${dir} is absent (../shared is not shipped); skipping.`);
  process.exit(0);
}
const { analyze, loadReference } = await import(join(root, 'dist/index.js'));
const reference = loadReference();

const WINDOW = 160;
let names = 0;
let agreed = 0;
let windowMs = 0;
let wholeMs = 0;
let bytes = 0;
const disagreements = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const text = readFileSync(join(dir, file), 'utf8');
  bytes += Buffer.byteLength(text);
  const { article } = analyze(text, { reference, filename: file, date: '2016-01-01' });
  for (const mention of article.mentions) {
    if (mention.form !== 'full' || mention.candidates.length > 0) continue;
    names++;
    const start = Math.max(0, mention.start - WINDOW);
    const window = text.slice(start, Math.min(text.length, mention.end + WINDOW));
    const started = performance.now();
    const people = nlp(window).match('#Person+').out('array');
    windowMs += performance.now() - started;
    const surname = mention.text.split(' ').pop();
    if (people.some((p) => p.includes(surname))) agreed++;
    else disagreements.push(`${file}: "${mention.text}" (compromise people: ${people.join(', ') || 'none'})`);
  }
  const started = performance.now();
  nlp(text).match('#Person+').out('array');
  wholeMs += performance.now() - started;
}
console.log(`compromise on windows, PolNeAR ${split}: ${names} full names the table does not know`);
console.log(
  `  compromise tags the surname as a person in ${agreed} (${((100 * agreed) / names).toFixed(1)}%), not in ${names - agreed}`,
);
console.log(
  `  cost: ${(windowMs / names).toFixed(2)} ms per ${2 * WINDOW}-character window (${windowMs.toFixed(0)} ms in all)`,
);
console.log(
  `  whole articles: ${(bytes / 1e6 / (wholeMs / 1000)).toFixed(2)} MB/s (${wholeMs.toFixed(0)} ms for ${(bytes / 1e6).toFixed(2)} MB)`,
);
console.log(`  names compromise does not call people (first ${show}):`);
for (const line of disagreements.slice(0, show)) console.log(`    ${line}`);
