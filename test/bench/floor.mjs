// The I/O floor for the benchmark: read every article under a folder and count its
// quote marks, nothing more. No checker can be faster than this on the same files.
// Usage: node test/bench/floor.mjs <folder>
import { readFileSync } from 'node:fs';
import { articleFiles } from './articles.mjs';

const QUOTE_MARKS = /["'\u2018-\u201e]/g;

const files = articleFiles(process.argv[2] ?? '.');
let marks = 0;
for (const file of files) marks += readFileSync(file, 'utf8').match(QUOTE_MARKS)?.length ?? 0;
console.log(JSON.stringify({ files: files.length, marks }));
