// The language server's warm re-check: a 5 KB article open in `factlint lsp --stdio`, changed
// again and again; each time from sending didChange to receiving the diagnostics of that version
// (JSON-RPC both ways, the incremental text sync and the check). Debounce set to 0 so the
// number is the re-check, not the pause the server waits for typing to stop.
// Target: median <= 10 ms. Usage: node test/bench/lsp.mjs [--short]. Needs a built dist/.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const short = process.argv.includes('--short');
const WARM_UP = 50;
const CHANGES = short ? 200 : 1000;
const ARTICLE = join(root, 'corpus/seed-1-paris-peace-talks.md');

if (!existsSync(join(root, 'dist/lsp.js'))) {
  console.error('bench lsp: dist/lsp.js is missing: run `npm run build` first.');
  process.exit(2);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

const server = spawn(process.execPath, [join(root, 'dist/cli.js'), 'lsp', '--stdio'], { cwd: root });
server.stderr.pipe(process.stderr);
const connection = createMessageConnection(
  new StreamMessageReader(server.stdout),
  new StreamMessageWriter(server.stdin),
);
const waiting = new Map();
connection.onNotification('textDocument/publishDiagnostics', ({ uri, version }) => {
  const key = `${uri}@${version}`;
  waiting.get(key)?.();
  waiting.delete(key);
});
connection.listen();

const published = (uri, version) => new Promise((done) => waiting.set(`${uri}@${version}`, done));

const text = readFileSync(ARTICLE, 'utf8');
const uri = pathToFileURL(ARTICLE).href;
// The change: "Zelensky" at the start of line 7 spelled one way, then the other (its finding comes and goes).
const line = text.split('\n').findIndex((l) => l.startsWith('Volodymyr Zelensky President'));
const at = (character) => ({ line, character });

await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(root).href,
  capabilities: {},
  initializationOptions: { debounceMs: 0 },
});
await connection.sendNotification('initialized', {});
let version = 1;
const opened = published(uri, version);
await connection.sendNotification('textDocument/didOpen', {
  textDocument: { uri, languageId: 'markdown', version, text },
});
await opened;

let long = false;
async function change() {
  version++;
  const range = long ? { start: at(18), end: at(19) } : { start: at(18), end: at(18) };
  const done = published(uri, version);
  const started = process.hrtime.bigint();
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range, text: long ? '' : 'y' }],
  });
  await done;
  long = !long;
  return Number(process.hrtime.bigint() - started) / 1e6;
}

for (let i = 0; i < WARM_UP; i++) await change();
const times = [];
for (let i = 0; i < CHANGES; i++) times.push(await change());
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();

const ms = (value) => value.toFixed(2);
const med = median(times);
console.log(
  `lsp warm re-check (${Buffer.byteLength(text)} bytes, ${CHANGES} changes after ${WARM_UP} to warm up): ` +
    `median ${ms(med)} ms, p95 ${ms(percentile(times, 95))} ms, p99 ${ms(percentile(times, 99))} ms; ` +
    `target median <= 10 ms ${med <= 10 ? 'met' : 'MISSED'}`,
);
