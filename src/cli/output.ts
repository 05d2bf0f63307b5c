import {
  closeSync,
  fstatSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../util/errors.js';

/**
 * Write a whole file or nothing: a temporary file in the same folder, then a rename.
 * A symlink is followed (the link stays a link); a device, FIFO or socket (/dev/null,
 * /dev/stdout) is written to directly, since renaming over it would replace it.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const target = existingTarget(path);
  if (target && !target.regular) {
    writeDirectly(target.path, content);
    return;
  }
  const real = target?.path ?? path;
  const temp = join(dirname(real), `.${basename(real)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx', 0o644);
    writeAll(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, real);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // the temporary file was never created
    }
    throw writeError(path, error);
  }
}

function existingTarget(path: string): { path: string; regular: boolean } | null {
  try {
    const real = realpathSync(path);
    return { path: real, regular: statSync(real).isFile() };
  } catch {
    return null;
  }
}

function writeDirectly(path: string, content: string | Uint8Array): void {
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
 * Write everything, resuming after a short write. A string is handed to Node as it is:
 * encoding it into a Buffer first would copy a report of several megabytes once more.
 */
function writeAll(fd: number, content: string | Uint8Array): void {
  if (typeof content === 'string') {
    const written = writeSync(fd, content);
    if (written < Buffer.byteLength(content)) writeAll(fd, Buffer.from(content).subarray(written));
    return;
  }
  for (let offset = 0; offset < content.length; ) offset += writeSync(fd, content, offset);
}

function writeError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason =
    code === 'ENOSPC'
      ? 'disk full'
      : code === 'EACCES' || code === 'EROFS' || code === 'EPERM'
        ? 'not writable'
        : code === 'ENOENT'
          ? 'folder does not exist'
          : (error as Error).message;
  return new InputError(`cannot write ${path}: ${reason}`);
}

let standardOutputReady = false;

/**
 * Standard output, where a reader that stops early (`factlint … | head`) ends the run
 * quietly instead of failing it. Built on first use: for a pipe the stream loads Node's
 * net code (about 4 ms), which a run writing its report to a file never needs.
 */
export function standardOutput(): NodeJS.WriteStream {
  if (!standardOutputReady) {
    standardOutputReady = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return process.stdout;
}

/**
 * Whether standard output (1) or error (2) is a terminal. Only a character device can be
 * one; asking the stream itself first would build it, loading Node's net and stream code,
 * for every run whose output goes to a pipe or a file.
 */
export function isTerminal(fd: 1 | 2): boolean {
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  // Windows consoles are not promised to stat as character devices: ask the stream there.
  if (process.platform === 'win32') return stream().isTTY === true;
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return stream().isTTY === true;
}
