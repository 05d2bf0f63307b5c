// factlint benchmark: factlint, the I/O floor and a peer prose linter (textlint) over the
// same shared corpora in one run, plus single-article latency cold (fresh process) and
// warm (HTTP server).
// First the hostile inputs, timed (test/bench/adversarial.mjs: no corpus needed, a miss printed),
// and the language server's warm re-check (test/bench/lsp.mjs).
// Usage: node test/bench/bench.mjs [--short]
// Needs ../shared (skips with a message when it is absent) and a built dist/ (npm run build).
// textlint is installed on first use into test/bench/textlint/ (npm registry needed).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleFiles } from './articles.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = join(root, '..', 'shared');
const peerDir = join(root, 'test/bench/textlint');
const short = process.argv.includes('--short');
// The host's speed swings by half within minutes (another tenant's load), so the quick
// tools take more runs than textlint, whose ten seconds a run would make CI slow.
const RUNS = short ? 3 : 7;
const PEER_RUNS = short ? 1 : 3;
const COLD_RUNS = short ? 5 : 11;
const WARM_REQUESTS = 1000;

const corpora = [
  { name: 'BBC News 2004-05', dir: join(shared, 'data/corpora/bbc-news-2004-2005'), date: '2004-01-01/2005-12-31' },
  { name: 'PolNeAR train', dir: join(shared, 'data/corpora/polnear/train/text'), date: '2015-01-01/2016-12-31' },
];

// Hostile inputs first: they need no corpus.
const adversarial = spawnSync(
  process.execPath,
  [join(root, 'test/bench/adversarial.mjs'), ...(short ? ['--short'] : [])],
  { stdio: 'inherit' },
);
if (adversarial.status !== 0) process.exit(adversarial.status ?? 2);
// The language server's warm re-check of a 5 KB article (test/bench/lsp.mjs: no corpus needed, a miss printed).
const lsp = spawnSync(process.execPath, [join(root, 'test/bench/lsp.mjs'), ...(short ? ['--short'] : [])], {
  stdio: 'inherit',
});
if (lsp.status !== 0) process.exit(lsp.status ?? 2);

if (!existsSync(shared)) {
  console.log('bench: ../shared is absent, so there is nothing to measure (the corpora are not shipped); skipping.');
  process.exit(0);
}
if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('bench: dist/cli.js is missing: run `npm run build` first.');
  process.exit(2);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

/** One node process with its own CPU time and peak RSS (reported by usage.mjs as it exits). */
function timeNode(script, args, cwd = root, nodeFlags = []) {
  const started = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    [...nodeFlags, '--import', join(root, 'test/bench/usage.mjs'), script, ...args],
    { cwd, encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${script} exited ${result.status}: ${result.stderr.trim().split('\n')[0]}`);
  const usage = JSON.parse(/FACTLINT_USAGE (.*)/.exec(result.stderr)?.[1] ?? 'null');
  return {
    wall,
    cpu: usage ? (usage.userCPUTime + usage.systemCPUTime) / 1e6 : NaN,
    rssMB: usage ? usage.maxRSS / 1024 : NaN,
  };
}

/** Every tool once per round while it has runs left: a machine whose speed drifts slows all tools alike. */
function measureAll(tools, corpus) {
  const results = tools.map(() => []);
  for (let round = 0; round < RUNS; round++) {
    tools.forEach((tool, i) => {
      if (round < (tool.runs ?? RUNS)) results[i].push(tool.run(corpus));
    });
  }
  return results.map((runs) => ({
    wall: median(runs.map((r) => r.wall)),
    bestWall: Math.min(...runs.map((r) => r.wall)),
    cpu: median(runs.map((r) => r.cpu)),
    rssMB: median(runs.map((r) => r.rssMB)),
  }));
}

/** textlint with textlint-rule-prh (a 200-name dictionary) and textlint-rule-no-todo, installed for the benchmark only. */
function textlintBin() {
  const bin = join(peerDir, 'node_modules/textlint/bin/textlint.js');
  if (!existsSync(bin)) {
    console.log('bench: installing the peer (textlint) into test/bench/textlint ...');
    const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: peerDir,
      encoding: 'utf8',
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (install.status !== 0 || !existsSync(bin)) return null;
  }
  const dictionary = spawnSync(process.execPath, [join(peerDir, 'make-dictionary.mjs')], { encoding: 'utf8' });
  if (dictionary.status !== 0) throw new Error(`make-dictionary.mjs failed: ${dictionary.stderr}`);
  return bin;
}

const peer = textlintBin();

// factlint caches its compiled table and rules on disk, per build: the first run after a
// build compiles them (0.1–0.25 s). One untimed run fills the cache, so every timed run
// measures what every run but the first after an install costs (CI's short mode times
// one run only, on a fresh build).
spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'check', '--stdin', '--date', '2005'], {
  cwd: root,
  input: 'Warm-up.\n',
  encoding: 'utf8',
});
const factlintArgs = (c) => ['check', c.dir, '--date', c.date, '--format', 'json', '-o', '/dev/null'];
const loadBefore = loadavg()[0];
const tools = [
  {
    name: 'floor (read + scan quote marks)',
    key: 'floor',
    run: (c) => timeNode(join(root, 'test/bench/floor.mjs'), [c.dir]),
  },
  { name: 'factlint check', key: 'factlint', run: (c) => timeNode(join(root, 'dist/cli.js'), factlintArgs(c)) },
  // Not a target: how much one V8 helper thread (README, "How fast it is") buys on this machine.
  ...(short
    ? []
    : [
        {
          name: 'factlint, v8-pool-size=1 (info)',
          key: 'factlint-pool1',
          run: (c) => timeNode(join(root, 'dist/cli.js'), factlintArgs(c), root, ['--v8-pool-size=1']),
        },
      ]),
  ...(peer
    ? [
        {
          name: 'textlint (prh 200 + no-todo)',
          key: 'textlint',
          runs: PEER_RUNS,
          run: (c) =>
            timeNode(
              peer,
              ['--config', join(peerDir, '.textlintrc.json'), '--format', 'json', '-o', '/dev/null', c.dir],
              peerDir,
            ),
        },
      ]
    : []),
];
if (!peer) console.log('bench: textlint could not be installed (no npm registry?); the peer row is left out.');

const rows = [];
for (const corpus of corpora) {
  if (!existsSync(corpus.dir)) {
    console.log(`bench: ${corpus.dir} is missing; skipping ${corpus.name}.`);
    continue;
  }
  const files = articleFiles(corpus.dir);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  measureAll(tools, corpus).forEach((m, i) => {
    rows.push({
      corpus: corpus.name,
      tool: tools[i].key,
      files: files.length,
      MB: bytes / 1e6,
      ...m,
      filesPerSecond: files.length / m.wall,
      MBPerSecond: bytes / 1e6 / m.wall,
    });
  });
}

const bbc = corpora[0];
const single = existsSync(bbc.dir)
  ? articleFiles(bbc.dir).find((f) => statSync(f).size >= 4500 && statSync(f).size <= 5500)
  : null;
const cold = single
  ? Array.from(
      { length: COLD_RUNS },
      () => timeNode(join(root, 'dist/cli.js'), ['check', single, '--date', '2005']).wall * 1000,
    )
  : [];
const warm = single ? await warmLatencies(readFileSync(single, 'utf8')) : [];

/** Start `factlint serve` on a free port and time sequential POST /v1/check requests after a warm-up. */
async function warmLatencies(text) {
  const server = spawn(process.execPath, [join(root, 'dist/cli.js'), 'serve', '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await new Promise((found, fail) => {
    let seen = '';
    server.stderr.on('data', (chunk) => {
      seen += chunk;
      const match = /serving on http:\/\/[^:]+:(\d+)/.exec(seen);
      if (match) found(Number(match[1]));
    });
    server.once('exit', (code) => fail(new Error(`factlint serve exited ${code}: ${seen.trim()}`)));
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const body = JSON.stringify({ text, date: '2005-03-01', filename: 'article.txt' });
  const post = () =>
    new Promise((done, fail) => {
      const started = process.hrtime.bigint();
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/v1/check',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200
              ? done(Number(process.hrtime.bigint() - started) / 1e6)
              : fail(new Error(`HTTP ${res.statusCode}`)),
          );
        },
      );
      req.on('error', fail);
      req.end(body);
    });
  try {
    for (let i = 0; i < 100; i++) await post();
    const times = [];
    for (let i = 0; i < WARM_REQUESTS; i++) times.push(await post());
    return times;
  } finally {
    agent.destroy();
    server.kill('SIGTERM');
  }
}

const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const load = [loadBefore, loadavg()[0]];
console.log(
  `\nfactlint benchmark (${short ? 'short' : 'full'}: medians of ${RUNS} runs, textlint ${PEER_RUNS}, tools taking turns; "best" is the fastest run) on ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; load average ${fmt(load[0])} before, ${fmt(load[1])} after`,
);
console.log(
  'corpus            tool                              files     MB   wall s   best s   cpu s  files/s    MB/s  peak RSS MB',
);
for (const r of rows) {
  const name = tools.find((t) => t.key === r.tool)?.name ?? r.tool;
  console.log(
    `${r.corpus.padEnd(17)} ${name.padEnd(32)} ${String(r.files).padStart(6)} ${fmt(r.MB).padStart(6)} ${fmt(r.wall).padStart(8)} ${fmt(r.bestWall).padStart(8)} ${fmt(r.cpu).padStart(7)} ${fmt(r.filesPerSecond, 0).padStart(8)} ${fmt(r.MBPerSecond).padStart(7)} ${fmt(r.rssMB, 0).padStart(12)}`,
  );
}
const ratios = corpora.map((c) => {
  const of = (key) => rows.find((r) => r.corpus === c.name && r.tool === key);
  const factlint = of('factlint');
  return {
    corpus: c.name,
    overFloor: factlint && of('floor') ? factlint.wall / of('floor').wall : null,
    overTextlint: factlint && of('textlint') ? factlint.wall / of('textlint').wall : null,
  };
});
for (const r of ratios)
  console.log(`${r.corpus}: factlint / floor ${fmt(r.overFloor)}x, factlint / textlint ${fmt(r.overTextlint)}x`);
const latency = {
  coldMedianMs: cold.length ? median(cold) : null,
  warmMedianMs: warm.length ? median(warm) : null,
  warmP99Ms: warm.length ? percentile(warm, 99) : null,
};
if (single) {
  console.log(
    `single article (${single.split('/').slice(-2).join('/')}, ${statSync(single).size} bytes): cold CLI median ${fmt(latency.coldMedianMs, 0)} ms over ${cold.length} runs; warm server median ${fmt(latency.warmMedianMs)} ms, p99 ${fmt(latency.warmP99Ms)} ms over ${warm.length} requests`,
  );
}

const bbcFactlint = rows.find((r) => r.corpus === bbc.name && r.tool === 'factlint');
const targets = [
  ['factlint / textlint, BBC', ratios[0]?.overTextlint, (v) => v <= 0.15, '<= 0.15'],
  ['throughput, BBC (MB/s)', bbcFactlint?.MBPerSecond, (v) => v >= 8, '>= 8'],
  ['peak RSS, BBC (MB)', bbcFactlint?.rssMB, (v) => v <= 200, '<= 200'],
  ['cold single article (ms)', latency.coldMedianMs, (v) => v <= 250, '<= 250'],
  ['warm median (ms)', latency.warmMedianMs, (v) => v <= 2, '<= 2'],
  ['warm p99 (ms)', latency.warmP99Ms, (v) => v <= 10, '<= 10'],
];
console.log('targets:');
for (const [what, value, ok, target] of targets) {
  console.log(
    `  ${what.padEnd(28)} ${fmt(value).padStart(8)}  target ${target.padEnd(7)} ${value == null ? 'not measured' : ok(value) ? 'met' : 'MISSED'}`,
  );
}

const out = join(root, 'test/bench/results');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'latest.json'),
  `${JSON.stringify({ date: new Date().toISOString(), cores: availableParallelism(), cpu: cpus()[0]?.model ?? null, node: process.version, short, runs: RUNS, peerRuns: PEER_RUNS, loadAverage: load, rows, ratios, latency, singleArticle: single }, null, 2)}\n`,
);
