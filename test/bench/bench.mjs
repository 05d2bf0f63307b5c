// factlint benchmark: whole-folder checks over the shared corpora.
// Usage: node test/bench/bench.mjs [--short]
// Needs ../shared (skips with a message when it is absent) and a built dist/ (npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = join(root, '..', 'shared');
const short = process.argv.includes('--short');

const corpora = [
  { name: 'BBC News 2004-05', dir: join(shared, 'data/corpora/bbc-news-2004-2005'), date: '2004-01-01/2005-12-31' },
  { name: 'PolNeAR train', dir: join(shared, 'data/corpora/polnear/train/text'), date: '2015-01-01/2016-12-31' },
];

if (!existsSync(shared)) {
  console.log('bench: ../shared is absent, so there is nothing to measure (the corpora are not shipped); skipping.');
  process.exit(0);
}
if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('bench: dist/cli.js is missing: run `npm run build` first.');
  process.exit(2);
}

function articles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...articles(full));
    else if (/\.(md|markdown|txt)$/i.test(entry.name)) out.push(full);
  }
  return out;
}

function run(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', join(root, 'test/bench/usage.mjs'), join(root, 'dist/cli.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const usage = JSON.parse(/FACTLINT_USAGE (.*)/.exec(result.stderr)?.[1] ?? '{}');
  if (result.status !== 0 && result.status !== 1) throw new Error(`factlint exited ${result.status}: ${result.stderr.split('\n')[0]}`);
  return { wall, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6, rssMB: usage.maxRSS / 1024 };
}

const rows = [];
for (const corpus of corpora) {
  if (!existsSync(corpus.dir)) continue;
  const files = articles(corpus.dir);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const runs = short ? 1 : 3;
  const results = Array.from({ length: runs }, () => run(['check', corpus.dir, '--date', corpus.date, '--format', 'json', '-o', '/dev/null']));
  const median = (key) => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
  const wall = median('wall');
  rows.push({ corpus: corpus.name, files: files.length, MB: bytes / 1e6, wall, cpu: median('cpu'), filesPerSecond: files.length / wall, MBPerSecond: bytes / 1e6 / wall, peakRssMB: median('rssMB'), runs });
}

const single = corpora[0] && existsSync(corpora[0].dir) ? articles(corpora[0].dir).find((f) => statSync(f).size > 4000 && statSync(f).size < 6000) : null;
const cold = single ? Array.from({ length: short ? 3 : 7 }, () => run(['check', single, '--date', '2005'])) : [];
const coldMedian = cold.map((r) => r.wall).sort((a, b) => a - b)[Math.floor(cold.length / 2)];

console.log(`factlint benchmark (${short ? 'short' : 'full'}) on ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`);
console.log('corpus             files      MB   wall s   cpu s   files/s    MB/s   peak RSS MB');
for (const r of rows) {
  console.log(`${r.corpus.padEnd(17)} ${String(r.files).padStart(6)} ${r.MB.toFixed(2).padStart(7)} ${r.wall.toFixed(2).padStart(8)} ${r.cpu.toFixed(2).padStart(7)} ${r.filesPerSecond.toFixed(0).padStart(9)} ${r.MBPerSecond.toFixed(2).padStart(7)} ${r.peakRssMB.toFixed(0).padStart(12)}`);
}
if (coldMedian !== undefined) console.log(`cold single-article CLI run (5 KB, fresh process): median ${(coldMedian * 1000).toFixed(0)} ms over ${cold.length} runs`);

const out = join(root, 'test/bench/results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'latest.json'), `${JSON.stringify({ date: new Date().toISOString(), cores: availableParallelism(), node: process.version, short, rows, coldSingleArticleMs: coldMedian === undefined ? null : coldMedian * 1000 }, null, 2)}\n`);
