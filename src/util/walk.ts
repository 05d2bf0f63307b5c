import { type Dirent, readdirSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { compareText } from './text.js';

export interface WalkOptions {
  /** Which files to return (any entry that is not a folder: symlinks too, unless `keep` asks `entry.isFile()`). */
  keep: (path: string, entry: Dirent) => boolean;
  /** Leave out an entry; for a folder, everything in it. */
  skip?: (path: string, entry: Dirent) => boolean;
  /** Each folder's entries in code-unit order of their names (a stable order, e.g. for merging); default: as listed. */
  sorted?: boolean;
  /** Into subfolders (default true). */
  recursive?: boolean;
  /** A subfolder that cannot be listed is passed over instead of failing the walk. */
  skipUnreadable?: boolean;
  /** Told of each folder that cannot be listed, which is then passed over (the walk goes on). */
  onUnreadable?: (path: string, error: NodeJS.ErrnoException) => void;
}

/** The files in a folder and, depth first, its subfolders. Symlinked folders are not followed. */
export function filesUnder(dir: string, options: WalkOptions): string[] {
  const files: string[] = [];
  walk(dir, options, files);
  return files;
}

function walk(dir: string, options: WalkOptions, files: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (options.skipUnreadable) return;
    if (!options.onUnreadable) throw error;
    options.onUnreadable(dir, error as NodeJS.ErrnoException);
    return;
  }
  if (options.sorted) entries.sort((a, b) => compareText(a.name, b.name));
  for (const entry of entries) {
    const path = childPath(dir, entry.name);
    if (options.skip?.(path, entry)) continue;
    if (!entry.isDirectory()) {
      if (options.keep(path, entry)) files.push(path);
    } else if (options.recursive !== false) walk(path, options, files);
  }
}

/**
 * Whether a walked entry is a file to read: a regular file, or a symlink to one. A symlink that
 * leads nowhere (dangling, a loop) counts, so that reading it reports why; one to a folder does not.
 */
export function isFileEntry(path: string, entry: Dirent): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return true;
  }
}

/** `join(dir, name)` for a normalised folder and a name from readdir, without join's normalising. */
function childPath(dir: string, name: string): string {
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}
