import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from './errors.js';

type Part = string | Uint8Array;
/** What to write: text, bytes, or parts written one after another (no copy to join them). */
export type Content = Part | readonly Part[];

/**
 * Write a whole file or nothing: a temporary file in the same folder, then a rename.
 * A symlink is followed (the link stays a link); a device, FIFO or socket (/dev/null,
 * /dev/stdout) is written to directly, since renaming over it would replace it.
 */
export function writeFileAtomic(path: string, content: Content): void {
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
 * Write everything, resuming after a short write. A string is handed to Node as it is:
 * encoding it into a Buffer first would copy a report of several megabytes once more.
 */
function writeAll(fd: number, content: Content): void {
  if (typeof content === 'string') {
    const written = writeSync(fd, content);
    if (written < Buffer.byteLength(content)) writeAll(fd, Buffer.from(content).subarray(written));
  } else if (content instanceof Uint8Array) {
    for (let offset = 0; offset < content.length; ) offset += writeSync(fd, content, offset);
  } else {
    for (const part of content) writeAll(fd, part);
  }
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
