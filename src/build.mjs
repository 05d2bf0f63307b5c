// `npm run build` and `prepare`: the lexicon from compromise (when it is installed; the generated
// file is committed), the five bundles with esbuild, then the type declarations with tsc.
// esbuild is an optional dependency rather than a dev one, so an install that leaves out dev
// dependencies (a pre-commit hook's, `npm install --omit=dev` of a clone) still builds a
// working CLI; only the declarations, which the CLI does not need, wait for typescript.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

let compromise = null;
try {
  compromise = require.resolve('compromise');
} catch {
  // An install without dev dependencies uses the committed src/scan/generated/lexicon.json.
}
if (compromise) {
  const result = spawnSync(process.execPath, [join(root, 'src/scan/build-lexicon.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('factlint build: esbuild is not installed (npm install, without --omit=optional, installs it)');
  process.exit(1);
}

// Bundled CommonJS dependencies call require(); an ES module has none of its own.
const banner =
  "import{createRequire as __factlintRequire}from'node:module';" + 'const require=__factlintRequire(import.meta.url);';
const entries = {
  'src/cli/main.ts': 'dist/cli.js',
  'src/runner/worker.ts': 'dist/worker.js',
  'src/lsp/command.ts': 'dist/lsp.js',
  'src/index.ts': 'dist/index.js',
  'src/server/check-worker.ts': 'dist/server-worker.js',
};
for (const [entry, outfile] of Object.entries(entries)) {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: banner },
  });
}

let tsc = null;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  console.error('factlint build: typescript is not installed, so dist/types (the library API types) is not built');
}
if (tsc) {
  const result = spawnSync(process.execPath, [tsc], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
