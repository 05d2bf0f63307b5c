import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { formatSize } from '../article/decode.js';
import { reportOf, type Analysis, type CheckOptions, type Reference } from '../engine.js';
import type { FileError, FileReport, Report } from '../types.js';
import { checkArticle, type ArticleResult, type FixMode } from './article-check.js';
import { expandPaths, ignoreFilter } from './files.js';
import { FileChangedError, whileWriting, WriteError, writeFileAtomic } from '../util/atomic-write.js';
import { InputError, reasonOf } from '../util/errors.js';
import { isTerminal } from './output.js';
import { workerThreadsLib } from '../util/libraries.js';
import { displayPath } from '../util/paths.js';
import { ResultsCache } from './results-cache.js';
import { settleTable } from '../reference/compact.js';
import { checkOptionsOf, referenceOf, settingsKey, type Settings } from './settings.js';

export interface RunRequest {
  settings: Settings;
  paths: readonly string[];
  /** Read one article from standard input, shown under this name. */
  stdinName: string | null;
  /** With --cache: where the results cache lives. */
  cacheLocation: string | null;
  fix: FixMode;
  /** Worker threads: a number, or 'auto' (as many as cores, for runs large enough to pay). */
  jobs: number | 'auto';
  keepAnalyses: boolean;
  useIgnoreFile: boolean;
}

export interface Run {
  cwd: string;
  reference: Reference;
  report: Report;
  errors: FileError[];
  analyses: Map<string, Analysis>;
  /** --fix-dry-run diffs, in file order. */
  diffs: string[];
  /** Notes for stderr that are not errors (a named file that is ignored). */
  notes: string[];
}

interface Input {
  path: string;
  absolute: string | null;
  bytes: Uint8Array | null;
  error: string | null;
}

/**
 * Worker threads pay for themselves only on big runs with cores to spare: each thread
 * loads the table and warms up its own JIT (roughly the first thousand articles run at
 * half speed). Measured on 2 cores, 2 workers were slower than one thread on the BBC
 * corpus (2,227 files) and only 7% faster on four times that, so 'auto' stays serial
 * below these.
 */
const PARALLEL_MIN_FILES = 2000;
const PARALLEL_MIN_CORES = 4;
/** The progress line appears for runs this long. */
const PROGRESS_MIN_FILES = 300;
/**
 * Runs this long make the whole table at once (`settleTable`, 20–30 ms) rather than the parts
 * each article asks for: on a folder of articles the checking code then runs as fast as with a
 * freshly compiled table.
 */
const SETTLE_MIN_FILES = 32;

/** Check every article the request names; per-file problems are collected, not thrown. */
export async function runCheck(request: RunRequest): Promise<Run> {
  const { settings } = request;
  const reference = referenceOf(settings);
  const options = checkOptionsOf(settings, reference);
  const inputs = readInputs(request);
  const cache = request.cacheLocation
    ? new ResultsCache(request.cacheLocation, settingsKey(settings, reference))
    : null;
  const results: (ArticleResult | null)[] = inputs.inputs.map((input) => {
    if (input.error !== null || !input.bytes) return { error: input.error ?? `${input.path}: cannot read` };
    const cached = request.fix === 'none' && !request.keepAnalyses ? cache?.get(input.path, input.bytes) : null;
    return cached ? { report: cached } : null;
  });
  const pending = results.map((r, i) => (r === null ? i : -1)).filter((i) => i >= 0);
  const workers = workerCount(request, pending.length);
  if (workers > 1) await checkInWorkers(inputs.inputs, pending, results, settings, workers);
  else {
    if (pending.length >= SETTLE_MIN_FILES) settleTable(reference.table);
    const progress = new Progress(pending.length);
    for (const i of pending) {
      results[i] = checkOne(inputs.inputs[i] as Input, options, settings, request.fix, request.keepAnalyses);
      progress.tick();
    }
    progress.end();
  }
  return finish(inputs.inputs, results, reference, cache, request, inputs.notes);
}

function checkOne(
  input: Input,
  options: Omit<CheckOptions, 'filename'>,
  settings: Settings,
  fix: FixMode,
  keepAnalysis: boolean,
): ArticleResult {
  return checkArticle(
    input.path,
    input.bytes ?? new Uint8Array(0),
    options,
    settings.config.maxFileSize,
    fix,
    keepAnalysis,
  );
}

function readInputs(request: RunRequest): { inputs: Input[]; notes: string[] } {
  const { settings } = request;
  const { cwd, config } = settings;
  const inputs: Input[] = [];
  if (request.stdinName !== null) inputs.push(readStandardInput(request.stdinName, config.maxFileSize));
  const ignored = ignoreFilter(cwd, config.ignorePatterns, request.useIgnoreFile);
  const expanded = expandPaths(request.paths, cwd, ignored);
  for (const folder of expanded.unreadable)
    inputs.push({ ...folder, absolute: null, bytes: null, error: folder.message });
  for (const file of expanded.files) {
    inputs.push(readInput(displayPath(file, cwd), isAbsolute(file) ? file : resolve(cwd, file), config.maxFileSize));
  }
  const notes = expanded.ignoredExplicitly.map(
    (f) => `${displayPath(f, cwd)}: ignored (an ignore pattern matches it); not checked`,
  );
  return { inputs, notes };
}

/** Standard input, read until its end or until it passes the size limit (`< /dev/zero` stops there). */
function readStandardInput(path: string, maxSize: number): Input {
  try {
    const bytes = readToEnd(0, maxSize);
    if (bytes) return { path, absolute: null, bytes, error: null };
    return { path, absolute: null, bytes: null, error: `${path}: ${overLimit(0, maxSize)}` };
  } catch (error) {
    const reason = reasonOf(error as NodeJS.ErrnoException);
    return { path, absolute: null, bytes: null, error: `${path}: cannot read standard input (${reason})` };
  }
}

/** A file opened without blocking: a named pipe with no writer would otherwise wait forever. */
const OPEN_NONBLOCKING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function readInput(path: string, absolute: string, maxSize: number): Input {
  let fd: number | null = null;
  try {
    fd = openSync(absolute, OPEN_NONBLOCKING);
    const bytes = readToEnd(fd, maxSize, true);
    if (bytes && (bytes.length > 0 || !isPipe(fd))) return { path, absolute, bytes, error: null };
    if (bytes) return { path, absolute, bytes: null, error: `${path}: ${PIPE_REFUSED}` };
    return { path, absolute, bytes: null, error: `${path}: ${overLimit(fd, maxSize)}` };
  } catch (error) {
    if (fd !== null && (error as NodeJS.ErrnoException).code === 'EAGAIN')
      return { path, absolute, bytes: null, error: `${path}: ${isPipe(fd) ? PIPE_REFUSED : 'not ready to be read'}` };
    return { path, absolute, bytes: null, error: `${path}: cannot read (${reasonOf(error as NodeJS.ErrnoException)})` };
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

const PIPE_REFUSED = 'is a named pipe or socket, not a file: not read (give a pipe with --stdin)';

function isPipe(fd: number): boolean {
  const stats = fstatSync(fd);
  return stats.isFIFO() || stats.isSocket();
}

/** Over the limit: stat only now, for the size in the message (devices and pipes report none). */
function overLimit(fd: number, maxSize: number): string {
  const size = fstatSync(fd).size;
  const what = size > maxSize ? `file is ${formatSize(size)}, over` : 'input goes past';
  return `${what} the ${formatSize(maxSize)} limit (raise it with --max-file-size)`;
}

/** Reused for every read: most articles fit, and need no stat and one copy. */
const scratch = Buffer.allocUnsafe(256 * 1024);

/**
 * An open file read to its end (regular files, pipes and devices alike), or null once it
 * passes `maxSize`: a stat before each read cost more than the extra read that finds the end.
 * A descriptor that is not ready (EAGAIN: a non-blocking pipe) is waited for, unless
 * `failIfNotReady`.
 */
function readToEnd(fd: number, maxSize: number, failIfNotReady = false): Uint8Array | null {
  let buffer = scratch;
  let filled = 0;
  for (;;) {
    if (filled === buffer.length) {
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, filled);
      buffer = bigger;
    }
    const read = readReady(fd, buffer, filled, failIfNotReady);
    if (read === 0) break;
    filled += read;
    if (filled > maxSize) return null;
  }
  if (buffer !== scratch) return buffer.subarray(0, filled);
  const bytes = Buffer.allocUnsafe(filled);
  scratch.copy(bytes, 0, 0, filled);
  return bytes;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function readReady(fd: number, buffer: Buffer, at: number, failIfNotReady: boolean): number {
  for (;;) {
    try {
      return readSync(fd, buffer, at, buffer.length - at, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN' || failIfNotReady) throw error;
      Atomics.wait(pause, 0, 0, 10);
    }
  }
}

function workerCount(request: RunRequest, files: number): number {
  if (request.fix !== 'none' || request.keepAnalyses) return 1;
  if (request.jobs !== 'auto') return Math.max(1, Math.min(request.jobs, files));
  const cores = availableParallelism();
  if (files < PARALLEL_MIN_FILES || cores < PARALLEL_MIN_CORES) return 1;
  return Math.min(cores - 1, 8);
}

/** Spread the pending files over worker threads; results land at their own index, so the order is the serial order. */
async function checkInWorkers(
  inputs: readonly Input[],
  pending: readonly number[],
  results: (ArticleResult | null)[],
  settings: Settings,
  count: number,
): Promise<void> {
  const progress = new Progress(pending.length);
  const batches: number[][] = Array.from({ length: count }, () => []);
  for (const [n, index] of pending.entries()) batches[n % count]?.push(index);
  await Promise.all(
    batches.map(
      (batch) =>
        new Promise<void>((done, fail) => {
          const worker = new (workerThreadsLib().Worker)(new URL('./worker.js', import.meta.url), {
            workerData: settings,
          });
          let left = batch.length;
          worker.on('message', (message: { index: number; report?: FileReport; error?: string }) => {
            results[message.index] = message.report
              ? { report: message.report }
              : { error: message.error ?? 'worker failed' };
            progress.tick();
            if (--left === 0) void worker.terminate().then(() => done());
          });
          worker.on('error', fail);
          worker.on('exit', (code) =>
            left === 0 ? done() : fail(new Error(`a worker thread stopped (code ${code})`)),
          );
          const jobs = batch.map((index) => ({
            index,
            path: inputs[index]?.path ?? '',
            bytes: inputs[index]?.bytes ?? new Uint8Array(0),
          }));
          if (jobs.length === 0) {
            void worker.terminate().then(() => done());
            return;
          }
          worker.postMessage(jobs);
        }),
    ),
  );
  progress.end();
}

async function finish(
  inputs: readonly Input[],
  results: readonly (ArticleResult | null)[],
  reference: Reference,
  cache: ResultsCache | null,
  request: RunRequest,
  notes: string[],
): Promise<Run> {
  const files: FileReport[] = [];
  const errors: FileError[] = [];
  const analyses = new Map<string, Analysis>();
  const diffs: string[] = [];
  const fixes: { index: number; input: Input; fixed: NonNullable<ArticleResult['fixed']> }[] = [];
  inputs.forEach((input, i) => {
    const result = results[i];
    if (!result || result.error !== undefined || !result.report) {
      errors.push({ path: input.path, message: result?.error ?? `${input.path}: not checked` });
      cache?.delete(input.path);
      return;
    }
    files.push(result.report);
    if (result.analysis && request.keepAnalyses) analyses.set(input.path, result.analysis);
    if (result.fixed) {
      if (request.fix === 'dry-run') diffs.push(result.fixed.diff);
      else if (input.absolute) fixes.push({ index: files.length - 1, input, fixed: result.fixed });
    }
    if (input.bytes && !result.fixed) cache?.set(input.path, input.bytes, result.report);
  });
  if (fixes.length > 0 || cache) {
    await whileWriting(async () => {
      for (const fix of fixes) {
        const problem = writeFix(fix.input, fix.fixed.text);
        if (problem) {
          // The file keeps its text as read: so does its report.
          files[fix.index] = fix.fixed.before;
          if (problem instanceof FileChangedError) notes.push(problem.message);
          else errors.push({ path: fix.input.path, message: problem.message });
          cache?.delete(fix.input.path);
        }
        await nextTurn();
      }
      saveCache(cache, notes);
    });
  }
  // For people checking that the cache works (and for its tests).
  if (cache && process.env.FACTLINT_CACHE_STATS)
    process.stderr.write(`factlint: cache: ${cache.stats.hits} hits, ${cache.stats.misses} misses\n`);
  return {
    cwd: request.settings.cwd,
    reference,
    report: { ...reportOf(files), ...(errors.length ? { errors } : {}) },
    errors,
    analyses,
    diffs,
    notes,
  };
}

/** Write one fixed file; the problem, if any (it is then left as it was). */
function writeFix(input: Input, text: string): InputError | null {
  try {
    writeFileAtomic(input.absolute as string, text, input.bytes ? { unchangedFrom: input.bytes } : {});
    return null;
  } catch (error) {
    if (error instanceof WriteError) return new InputError(`${input.path}: not fixed (${error.reason})`);
    if (error instanceof InputError) return error;
    throw error;
  }
}

/** A cache that cannot be saved costs the next run time, nothing more: a warning. */
function saveCache(cache: ResultsCache | null, notes: string[]): void {
  try {
    cache?.save();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    notes.push(`results cache not saved: ${error.message}`);
  }
}

/** Let the event loop turn (a stop signal is handled between files, never inside a write). */
function nextTurn(): Promise<void> {
  return new Promise((done) => setImmediate(done));
}

/** A progress line on stderr for long runs, only when stderr is a terminal. */
class Progress {
  private done = 0;
  private shownAt = 0;
  private readonly active: boolean;

  constructor(private readonly total: number) {
    this.active = total >= PROGRESS_MIN_FILES && isTerminal(2);
  }

  tick(): void {
    this.done++;
    if (!this.active) return;
    const now = Date.now();
    if (now - this.shownAt < 100 && this.done < this.total) return;
    this.shownAt = now;
    const width = 30;
    const filled = Math.round((width * this.done) / this.total);
    process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${this.done}/${this.total} files`);
  }

  end(): void {
    if (this.active) process.stderr.write('\r\x1b[K');
  }
}
