import { closeSync, fstatSync, openSync, readFileSync, type Stats, statSync } from 'node:fs';
import { formatSize } from '../article/decode.js';
import { join, resolve } from 'node:path';
import { InputError, reasonOf } from '../util/errors.js';
import { displayPath } from '../util/paths.js';
import { filesUnder, isFileEntry } from '../util/walk.js';
import { packageRoot } from '../util/package.js';
import { compileTable, type CompileOptions } from './compile.js';
import type { Table } from './table.js';
import { cachedCompile } from './cache.js';
import { packSettled, packTable, TABLE_LAYOUT, unpackTable } from './compact.js';

export interface LoadTableOptions extends CompileOptions {
  /** More table files or folders, merged after the shipped table; later ones override offices. */
  paths?: readonly string[];
  /** Leave out the table shipped in `rules/reference/`. */
  noDefault?: boolean;
  /** Paths in messages are relative to this folder. */
  cwd?: string;
  /** Reuse a compiled table cached on disk (default true). */
  cache?: boolean;
  /** The table's files may add up to this many bytes (default 64 MB); a larger table is refused. */
  maxTableSize?: number;
}

const DEFAULT_MAX_TABLE_SIZE = 64 * 1024 * 1024;

export function defaultTableDir(): string {
  return join(packageRoot(), 'rules', 'reference');
}

/** Read table files from disk and compile them. */
export function loadTable(options: LoadTableOptions = {}): Table {
  const cwd = options.cwd ?? process.cwd();
  const roots = [
    ...(options.noDefault ? [] : [defaultTableDir()]),
    ...(options.paths ?? []).map((p) => resolve(cwd, p)),
  ];
  // Read as bytes: the cache key needs only those, and a run that finds the table cached never
  // decodes the files' text (1 MB of YAML).
  const files: { file: string; bytes: Buffer; root: string }[] = [];
  const budget = { left: options.maxTableSize ?? DEFAULT_MAX_TABLE_SIZE, limit: 0 };
  budget.limit = budget.left;
  for (const root of roots) {
    for (const file of yamlFilesIn(root)) {
      const shown = displayPath(file, cwd);
      files.push({ file: shown, bytes: readLimited(file, shown, budget), root });
    }
  }
  const compile = () =>
    compileTable(
      files.map(({ file, bytes, root }) => ({ file, text: bytes.toString('utf8'), root })),
      options,
    );
  if (options.cache === false) return compile();
  const keySources = files.map(({ file, bytes }) => ({ file, text: bytes }));
  return cachedCompile('table', keySources, options.houseStyle ?? {}, compile, {
    layout: TABLE_LAYOUT,
    pack: packTable,
    unpack: unpackTable,
    sidecar: { kind: 'table-objects', pack: packSettled },
  });
}

/**
 * The YAML files at a path (a file, or a folder searched recursively); `what` names them in the
 * error when the path is missing.
 */
export function yamlFilesIn(path: string, what = 'reference table'): string[] {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`cannot read ${what}: ${path} does not exist`);
    throw new InputError(`cannot read ${what}: ${path}: ${reasonOf(error as NodeJS.ErrnoException)}`);
  }
  if (stats.isFile()) return [path];
  if (!stats.isDirectory()) throw new InputError(`cannot read ${what}: ${path} is not a file or folder`);
  return filesUnder(path, {
    sorted: true,
    keep: (file, entry) => /\.ya?ml$/i.test(entry.name) && isFileEntry(file, entry),
    onUnreadable: (folder, error) => {
      throw new InputError(`cannot read ${what}: ${folder}: ${reasonOf(error)}`);
    },
  });
}

/**
 * A table file's text, counted against what the whole table may weigh: the full YAML parser
 * needs many times a file's size in memory, and a table of 100 MB ran out of heap.
 */
function readLimited(file: string, shown: string, budget: { left: number; limit: number }): Buffer {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new InputError(`cannot read reference table: ${shown} is not a regular file`);
    budget.left -= stats.size;
    if (budget.left < 0) {
      const limit = formatSize(budget.limit);
      const size = formatSize(stats.size);
      throw new InputError(
        `reference table over the ${limit} limit at ${shown} (${size}): raise it with --max-table-size`,
      );
    }
    return readFileSync(fd);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read reference table: ${shown}: ${reasonOf(error as NodeJS.ErrnoException)}`);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
