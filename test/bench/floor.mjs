// The I/O floor for the benchmark: read every article under a folder and count its
// quote marks, nothing more. No checker can be faster than this on the same files.
// Usage: node test/bench/floor.mjs <folder>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const QUOTE_MARKS = /["'\u2018-\u201e]/g;

function walk(dir, visit) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else if (/\.(md|markdown|txt)$/i.test(entry.name)) visit(full);
  }
}

let files = 0;
let marks = 0;
walk(process.argv[2] ?? '.', (file) => {
  files++;
  marks += readFileSync(file, 'utf8').match(QUOTE_MARKS)?.length ?? 0;
});
console.log(JSON.stringify({ files, marks }));
