// Cold start of one article: a fresh `node dist/cli.js check <article>` process, with the
// compiled table cached and with no cache, beside Node starting an empty script; the three take
// turns, so a machine whose speed drifts slows them alike. Prints the median and best wall time
// and the median CPU time (user + system, every thread) and peak RSS of each.
// Usage: node test/bench/cold.mjs [runs (default 21)] [article (default the seed article)] [-- check flags]
// Needs a built dist/ (npm run build). Uses a temporary cache folder of its own.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [runsArg, articleArg, ...rest] = process.argv.slice(2);
const runs = Number(runsArg ?? 21);
const article = articleArg ?? join(root, 'corpus/seed-1-paris-peace-talks.md');
const flags = rest[0] === '--' ? rest.slice(1) : rest;
if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('cold: dist/cli.js is missing: run `npm run build` first.');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'factlint-cold-'));
const cached = join(work, 'cache');
const empty = join(work, 'empty.mjs');
writeFileSync(empty, '');
const usage = join(root, 'test/bench/usage.mjs');

function run(script, args, cacheDir) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', usage, script, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FACTLINT_CACHE_DIR: cacheDir },
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`exited ${result.status}: ${result.stderr}`);
  const used = JSON.parse(/FACTLINT_USAGE (.*)/.exec(result.stderr)?.[1] ?? 'null');
  return { wall, cpu: (used.userCPUTime + used.systemCPUTime) / 1000, rss: used.maxRSS / 1024 };
}

const check = ['check', article, ...flags];
const cases = [
  { name: 'node, empty script', run: () => run(empty, [], cached) },
  { name: 'factlint, table cached', run: () => run(join(root, 'dist/cli.js'), check, cached) },
  {
    name: 'factlint, no cache',
    run: () => {
      const none = join(work, 'none');
      rmSync(none, { recursive: true, force: true });
      return run(join(root, 'dist/cli.js'), check, none);
    },
  },
];
try {
  run(join(root, 'dist/cli.js'), check, cached); // fills the cache
  const results = cases.map(() => []);
  for (let i = 0; i < runs; i++) {
    cases.forEach((c, j) => {
      results[j].push(c.run());
    });
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`cold start, ${runs} runs each, taking turns: ${article}${flags.length ? ` ${flags.join(' ')}` : ''}`);
  cases.forEach((c, j) => {
    const r = results[j];
    console.log(
      `  ${c.name.padEnd(24)} wall median ${median(r.map((x) => x.wall))
        .toFixed(0)
        .padStart(5)} ms, best ${Math.min(...r.map((x) => x.wall))
        .toFixed(0)
        .padStart(5)} ms; CPU median ${median(r.map((x) => x.cpu))
        .toFixed(0)
        .padStart(5)} ms; peak RSS ${median(r.map((x) => x.rss)).toFixed(0)} MB`,
    );
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
