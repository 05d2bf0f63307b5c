// Writes a synthetic reference table of N terms (default 100,000) for scale tests.
// Usage: node test/bench/generate-table.mjs OUT_DIR [TERMS]
// Deterministic: the same arguments give the same files. Never commit the output.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../seeded-random.mjs';

const [outDir, termsArg] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node test/bench/generate-table.mjs OUT_DIR [TERMS]');
  process.exit(2);
}
const totalTerms = Number(termsArg ?? 100_000);
const TERMS_PER_OFFICE = 25;
const OFFICES_PER_FILE = 500;

const random = seededRandom(42);
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'su',
  'ta',
  'ri',
  'vo',
  'de',
  'ba',
  'go',
  'ly',
  'za',
  'pe',
  'chu',
  'sha',
  'ti',
  'ro',
  'an',
  'el',
];
function word(syllables) {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return w[0].toUpperCase() + w.slice(1);
}
const used = new Set();
function personName() {
  for (;;) {
    const name = `${word(2)} ${word(3)}${word(1).toLowerCase()}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}
function date(year, month, day) {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

mkdirSync(outDir, { recursive: true });
const offices = Math.ceil(totalTerms / TERMS_PER_OFFICE);
let written = 0;
for (let file = 0; file * OFFICES_PER_FILE < offices; file++) {
  const lines = ['offices:'];
  for (let o = file * OFFICES_PER_FILE; o < Math.min(offices, (file + 1) * OFFICES_PER_FILE); o++) {
    const country = `Q${(o % 90) + 10}`;
    lines.push(
      `  gen-office-${o}:`,
      `    name: Minister of ${word(3)} ${o}`,
      `    country: ${country}`,
      `    titles: [${word(2)} Minister ${o}, ${word(3)} Secretary ${o}]`,
      '    source: generated for the scale benchmark',
      '    holders:',
    );
    let year = 1900 + (o % 20);
    for (let t = 0; t < TERMS_PER_OFFICE && written < totalTerms; t++, written++) {
      const start = date(year, 1 + (t % 12), 1 + (t % 28));
      year += 1 + Math.floor(random() * 4);
      const end = t === TERMS_PER_OFFICE - 1 ? '' : `, end: ${date(year, 1 + ((t + 1) % 12), 1 + ((t + 1) % 28))}`;
      lines.push(`      - {person: ${personName()}, start: ${start}${end}}`);
    }
  }
  writeFileSync(join(outDir, `generated-${String(file).padStart(3, '0')}.yml`), `${lines.join('\n')}\n`);
}
console.log(`wrote ${written} terms in ${offices} offices to ${outDir}`);
