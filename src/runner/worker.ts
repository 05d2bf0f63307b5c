import { parentPort, workerData } from 'node:worker_threads';
import { checkArticle } from './article-check.js';
import { checkOptionsOf, referenceOf, type Settings } from './settings.js';
import { settleTable } from '../reference/compact.js';

/** A worker thread of a parallel run: checks the articles it is sent, in the order sent. */
interface Job {
  index: number;
  path: string;
  bytes: Uint8Array;
}

const settings = workerData as Settings;
const reference = referenceOf(settings);
// Workers run only for long runs: the whole table now (see run.ts).
settleTable(reference.table);
const options = checkOptionsOf(settings, reference);

parentPort?.on('message', (jobs: Job[] | null) => {
  if (jobs === null) {
    parentPort?.close();
    return;
  }
  for (const job of jobs) {
    const result = checkArticle(job.path, job.bytes, options, settings.config.maxFileSize, 'none');
    parentPort?.postMessage({ index: job.index, report: result.report, error: result.error });
  }
});
