import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../util/yaml.js';

/** Write a whole file or nothing: a temporary file in the same folder, then a rename. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx', 0o644);
    writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // the temporary file was never created
    }
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = code === 'ENOSPC' ? 'disk full' : code === 'EACCES' || code === 'EROFS' || code === 'EPERM' ? 'not writable' : code === 'ENOENT' ? 'folder does not exist' : (error as Error).message;
    throw new InputError(`cannot write ${path}: ${reason}`);
  }
}
