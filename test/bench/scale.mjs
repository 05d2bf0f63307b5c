// Scale benchmark: compile time of a 100,000-term table, and per-article check cost with
// the shipped table and with shipped + generated. Usage: node test/bench/scale.mjs [TERMS]
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { check, loadReference } = await import(join(root, 'dist/index.js'));
const terms = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'factlint-scale-'));
spawnSync(process.execPath, [join(root, 'test/bench/generate-table.mjs'), dir, String(terms)], { stdio: 'inherit' });

function time(fn) {
  const started = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

const shipped = time(() => loadReference({ cache: false }));
const generatedOnly = time(() => loadReference({ cache: false, noDefault: true, paths: [dir] }));
const big = time(() => loadReference({ cache: false, paths: [dir] }));
const cachedOnce = loadReference({ paths: [dir] });
const bigCached = time(() => loadReference({ paths: [dir] }));
void cachedOnce;

const articles = readdirSync(join(root, 'corpus'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(join(root, 'corpus', f), 'utf8'));
function perArticle(reference) {
  const rounds = 30;
  for (let warm = 0; warm < 10; warm++) for (const text of articles) check(text, { reference });
  const { ms } = time(() => {
    for (let r = 0; r < rounds; r++) for (const text of articles) check(text, { reference });
  });
  return ms / (rounds * articles.length);
}
const withShipped = perArticle(shipped.value);
const withBig = perArticle(big.value);

console.log(
  `table load+validate+compile: shipped ${shipped.ms.toFixed(0)} ms (${shipped.value.table.offices.size} offices); the ${terms}-term table alone ${generatedOnly.ms.toFixed(0)} ms; shipped + generated ${big.ms.toFixed(0)} ms (${big.value.table.offices.size} offices, ${big.value.table.people.size} people); from the compiled-table cache ${bigCached.ms.toFixed(0)} ms`,
);
console.log(
  `check per corpus article: ${withShipped.toFixed(2)} ms with the shipped table, ${withBig.toFixed(2)} ms with the ${terms}-term table (ratio ${(withBig / withShipped).toFixed(2)})`,
);
