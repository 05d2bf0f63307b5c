// Loading the shipped reference table (and rules) from the on-disk cache in a fresh process:
// the CPU and wall time of `loadReference()` from dist/index.js, medians of many processes,
// and the size of the cache entry. With --all, also what making every office, person and name
// costs (what a run over many articles does once: settleTable).
// Usage: node test/bench/table-load.mjs [runs (default 15)] [--all]
// Needs a built dist/ (npm run build). Uses a temporary cache folder of its own.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 15);
const all = process.argv.includes('--all');
const index = join(root, 'dist/index.js');
if (!existsSync(index)) {
  console.error('table-load: dist/index.js is missing: run `npm run build` first.');
  process.exit(2);
}

const child = `
const { loadReference } = await import(${JSON.stringify(index)});
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const c0 = cpu(), t0 = performance.now();
const { table } = loadReference();
const c1 = cpu(), t1 = performance.now();
let c2 = c1, t2 = t1;
if (${all}) {
  for (const office of table.offices.values()) office.terms.length;
  for (const _ of table.people.values());
  for (const _ of table.termsByPerson.values());
  for (const _ of table.names.entries.values());
  for (const _ of table.surnames.entries.values());
  c2 = cpu(); t2 = performance.now();
}
console.log(JSON.stringify({ cpu: c1 - c0, wall: t1 - t0, allCpu: c2 - c1, allWall: t2 - t1 }));
`;
const cache = mkdtempSync(join(tmpdir(), 'factlint-table-load-'));
try {
  const once = () => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', child], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, FACTLINT_CACHE_DIR: cache },
    });
    if (result.status !== 0) throw new Error(result.stderr);
    return JSON.parse(result.stdout);
  };
  const first = once();
  const samples = Array.from({ length: runs }, once);
  const median = (key) => samples.map((s) => s[key]).sort((a, b) => a - b)[Math.floor(runs / 2)];
  const entries = readdirSync(cache).map((name) => ({ name, size: statSync(join(cache, name)).size }));
  console.log(
    `compile and write the cache (first run): ${first.wall.toFixed(0)} ms wall, ${first.cpu.toFixed(0)} ms CPU`,
  );
  console.log(
    `load from the cache, median of ${runs} processes: ${median('wall').toFixed(1)} ms wall, ${median('cpu').toFixed(1)} ms CPU`,
  );
  if (all)
    console.log(
      `then make every record: ${median('allWall').toFixed(1)} ms wall, ${median('allCpu').toFixed(1)} ms CPU`,
    );
  for (const e of entries) console.log(`  ${e.name}: ${(e.size / 1e6).toFixed(2)} MB`);
} finally {
  rmSync(cache, { recursive: true, force: true });
}
