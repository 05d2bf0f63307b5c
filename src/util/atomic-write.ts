import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from './errors.js';

type Part = string | Uint8Array;
/** What to write: text, bytes, or parts written one after another (no copy to join them). */
export type Content = Part | readonly Part[];

export interface WriteOptions {
  /**
   * The bytes the file held when it was read. Just before the new content replaces it, the file
   * is read again; if it no longer holds these bytes (someone saved it meanwhile), nothing is
   * written and a `FileChangedError` is thrown.
   */
  unchangedFrom?: Uint8Array;
}

/** The file changed after it was read: it was left as it is. */
export class FileChangedError extends InputError {}

/** A file that could not be written, and why in a few words ("disk full", "not writable"). */
export class WriteError extends InputError {
  constructor(
    path: string,
    readonly reason: string,
  ) {
    super(`cannot write ${path}: ${reason}`);
  }
}

/**
 * Write a whole file or nothing: a temporary file in the same folder, then a rename.
 * - An existing file keeps its mode and owner (they are copied onto the temporary file); one
 *   the user may not write is refused, as the shell would (renaming needs only the folder's
 *   permission).
 * - A file with several hard links, or whose owner cannot be given to the temporary file, is
 *   written in place, so every link and the owner stay; that write is not atomic.
 * - A symlink is followed (the link stays a link); a device, FIFO or socket (/dev/null,
 *   /dev/stdout) is written to directly, since renaming over it would replace it.
 * Temporary files are named `.<name>.factlint-<pid>-<time>.tmp`; those of processes that no
 * longer run are removed from a folder the first time this process writes there.
 */
export function writeFileAtomic(path: string, content: Content, options: WriteOptions = {}): void {
  const target = existingTarget(path);
  if (target && !target.stats.isFile()) {
    writeDirectly(target.path, content);
    return;
  }
  const real = target?.path ?? path;
  removeStaleTemporaries(dirname(real));
  if (target) {
    refuseUnwritable(path, real);
    if (target.stats.nlink > 1) {
      writeInPlace(path, real, content, options);
      return;
    }
  }
  const temp = temporaryPath(real);
  let fd: number | null = null;
  liveTemporaries.add(temp);
  try {
    fd = openSync(temp, 'wx', 0o600);
    if (target && !copyModeAndOwner(fd, target.stats)) {
      closeSync(fd);
      fd = null;
      unlinkSync(temp);
      liveTemporaries.delete(temp);
      writeInPlace(path, real, content, options);
      return;
    }
    if (!target) fchmodSync(fd, 0o666 & ~currentUmask());
    writeAll(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    if (options.unchangedFrom) refuseChanged(path, real, options.unchangedFrom);
    renameSync(temp, real);
    liveTemporaries.delete(temp);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    removeQuietly(temp);
    liveTemporaries.delete(temp);
    if (error instanceof InputError) throw error;
    throw writeError(path, error);
  }
}

/** Temporary files this process has open now: removed if it is told to stop (see `whileWriting`). */
const liveTemporaries = new Set<string>();

/** The longest file name most file systems take; the temporary name shortens the target's to fit. */
const MAX_NAME = 255;
const TEMPORARY = /^\..*\.factlint-(\d+)-\d+\.tmp$/;

function temporaryPath(real: string): string {
  const suffix = `.factlint-${process.pid}-${Date.now()}.tmp`;
  let name = basename(real);
  while (Buffer.byteLength(`.${name}${suffix}`) > MAX_NAME) name = name.slice(0, -1);
  return join(dirname(real), `.${name}${suffix}`);
}

function existingTarget(path: string): { path: string; stats: Stats } | null {
  try {
    const real = realpathSync(path);
    return { path: real, stats: statSync(real) };
  } catch {
    return null;
  }
}

function refuseUnwritable(path: string, real: string): void {
  try {
    accessSync(real, constants.W_OK);
  } catch (error) {
    throw writeError(path, error);
  }
}

/** Mode and owner of the file being replaced, onto the temporary file; false when the owner cannot be kept. */
function copyModeAndOwner(fd: number, stats: Stats): boolean {
  fchmodSync(fd, stats.mode & 0o7777);
  const mine = fstatSync(fd);
  if (mine.uid === stats.uid && mine.gid === stats.gid) return true;
  try {
    fchownSync(fd, stats.uid, stats.gid);
    // chown clears set-user-ID and set-group-ID bits: set the mode again.
    fchmodSync(fd, stats.mode & 0o7777);
    return true;
  } catch {
    return false;
  }
}

/** Rewrite the file's own bytes (its inode, links and owner stay): for hard-linked and foreign-owned files. */
function writeInPlace(path: string, real: string, content: Content, options: WriteOptions): void {
  let fd: number | null = null;
  try {
    if (options.unchangedFrom) refuseChanged(path, real, options.unchangedFrom);
    fd = openSync(real, constants.O_WRONLY);
    const length = writeAll(fd, content);
    ftruncateSync(fd, length);
    fsyncSync(fd);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw writeError(path, error);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function refuseChanged(path: string, real: string, expected: Uint8Array): void {
  let now: Buffer;
  try {
    now = readFileSync(real);
  } catch {
    throw new FileChangedError(`${path}: removed or replaced during the run; not written`);
  }
  if (!now.equals(expected)) throw new FileChangedError(`${path}: changed during the run; not written (run again)`);
}

let umask: number | null = null;

/** The process's umask, read once (setting it is the only way to read it). */
function currentUmask(): number {
  if (umask === null) {
    umask = process.umask(0o022);
    process.umask(umask);
  }
  return umask;
}

function writeDirectly(path: string, content: Content): void {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'w');
    writeAll(fd, content);
  } catch (error) {
    throw writeError(path, error);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Write everything, resuming after a short write; the bytes written. A string is handed to
 * Node as it is: encoding it into a Buffer first would copy a report of several megabytes
 * once more.
 */
function writeAll(fd: number, content: Content): number {
  if (typeof content === 'string') {
    const written = writeSync(fd, content);
    const length = Buffer.byteLength(content);
    if (written < length) writeAll(fd, Buffer.from(content).subarray(written));
    return length;
  }
  if (content instanceof Uint8Array) {
    for (let offset = 0; offset < content.length; ) offset += writeSync(fd, content, offset);
    return content.length;
  }
  let total = 0;
  for (const part of content) total += writeAll(fd, part);
  return total;
}

function writeError(path: string, error: unknown): WriteError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason =
    code === 'ENOSPC'
      ? 'disk full'
      : code === 'EACCES' || code === 'EROFS' || code === 'EPERM'
        ? 'not writable'
        : code === 'ENOENT'
          ? 'folder does not exist'
          : code === 'EISDIR'
            ? 'is a folder'
            : (error as Error).message;
  return new WriteError(path, reason);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // never created, or already gone
  }
}

const cleanedFolders = new Set<string>();

/**
 * Remove `.factlint-<pid>-…` temporary files left in a folder by processes that no longer run
 * (killed with SIGKILL mid-write, or a crash); once per folder per process.
 */
export function removeStaleTemporaries(folder: string): void {
  if (cleanedFolders.has(folder)) return;
  cleanedFolders.add(folder);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = TEMPORARY.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) removeQuietly(join(folder, name));
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Run `work` (which writes files) so that SIGINT or SIGTERM cannot cut a write in half: the
 * signal waits for the write under way, then any temporary file is removed and the process
 * stops as the signal asks. `work` should yield between files, so that a stop comes promptly.
 */
export async function whileWriting<T>(work: () => Promise<T> | T): Promise<T> {
  const stop = (signal: NodeJS.Signals) => {
    for (const temp of liveTemporaries) removeQuietly(temp);
    for (const s of STOP_SIGNALS) process.removeListener(s, stop);
    process.kill(process.pid, signal);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, stop);
  try {
    return await work();
  } finally {
    for (const signal of STOP_SIGNALS) process.removeListener(signal, stop);
  }
}
