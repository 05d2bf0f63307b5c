import { parentPort, workerData } from 'node:worker_threads';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { check, type CheckOptions } from '../engine.js';
import { checkOptionsOf, referenceOf, type Settings } from '../runner/settings.js';
import { settleTable } from '../reference/compact.js';
import type { Report } from '../types.js';
import { InputError } from '../util/errors.js';
import { validatorFor } from '../util/validate.js';
import reportSchema from '../report/schema.json' with { type: 'json' };
import { answerJson, safeJson } from './answer.js';
import type { CheckJob, WorkerReply, WorkerSetup } from './pool.js';

/**
 * A thread of the server's check pool (pool.ts): loads the table and rules once, then checks
 * one article at a time and sends back the whole answer, already serialised and cut to size,
 * so the server's own thread never does more than copy it to the socket.
 */
const { settings } = workerData as WorkerSetup;
lowerPriority();
const send = (reply: WorkerReply) => parentPort?.postMessage(reply);

let options: Omit<CheckOptions, 'filename'>;
try {
  const reference = referenceOf(settings as Settings);
  // A thread answers many requests: the whole table now, not lazily on the first ones (see run.ts).
  settleTable(reference.table);
  options = checkOptionsOf(settings as Settings, reference);
  send({ kind: 'ready' });
} catch (error) {
  const message = error instanceof InputError ? error.describe() : (error as Error).message;
  send({ kind: 'failed', message });
}

parentPort?.on('message', ({ id, job }: { id: number; job: CheckJob }) => {
  const { status, body, log } = answer(job);
  // The answer's bytes move to the server's thread (transferred, not copied), outside its heap.
  const bytes = new TextEncoder().encode(body);
  const heapMb = getHeapStatistics().total_heap_size / 1024 / 1024;
  const reply: WorkerReply = { kind: 'answer', id, status, body: bytes, heapMb, ...(log ? { log } : {}) };
  parentPort?.postMessage(reply, [bytes.buffer]);
});

function answer(job: CheckJob): { status: number; body: string; log?: string } {
  let report: Report;
  try {
    report = check(job.text, {
      ...options,
      filename: job.filename ?? 'article',
      ...(job.format ? { format: job.format } : {}),
      ...(job.date ? { date: job.date } : {}),
    });
  } catch (error) {
    if (error instanceof InputError) return { status: 422, body: safeJson({ error: { message: error.describe() } }) };
    return internal(`the check failed: ${(error as Error).message}`);
  }
  if (job.date) for (const file of report.files) file.date.source = 'request';
  const validate = validatorFor(reportSchema);
  if (!validate(report)) return internal(`the report does not match its schema: ${validate.errors?.[0]?.message}`);
  return { status: 200, body: answerJson(report) };
}

function internal(log: string): { status: number; body: string; log: string } {
  return { status: 500, body: safeJson({ error: { message: 'internal error' } }), log };
}

/**
 * Below the thread that answers connections (Linux: a thread's own nice value), so that on a
 * busy machine `/healthz` and the other clients are served first. Best effort.
 */
function lowerPriority(): void {
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(thread)) setPriority(thread, 10);
  } catch {
    // not Linux, or not allowed: the thread keeps the process's priority
  }
}
