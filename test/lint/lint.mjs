// `npm run lint`: Biome's lint and format check with not one diagnostic of any level (errors,
// warnings and infos alike), then no line over 120 characters anywhere in src/.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { longLines } from './long-lines.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const MAX_LINE = 120;

const biome = spawnSync(join(ROOT, 'node_modules', '.bin', 'biome'), ['check', '.'], {
  cwd: ROOT,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
});
process.stdout.write(biome.stdout ?? '');
process.stderr.write(biome.stderr ?? '');
// Biome fails only on errors; its summary names warnings and infos as well ("Found 2 infos.").
const diagnostics = /^Found \d+ (errors?|warnings?|infos?)\.$/m.test(`${biome.stdout}\n${biome.stderr}`);
let failed = biome.status !== 0 || diagnostics;

for (const { file, line, length } of longLines(join(ROOT, 'src'), MAX_LINE)) {
  console.error(`${file.slice(ROOT.length + 1)}:${line}: ${length} characters, over ${MAX_LINE}`);
  failed = true;
}
if (failed) {
  console.error('lint: failed');
  process.exit(1);
}
console.log('lint: no diagnostics, no line in src/ over 120 characters');
