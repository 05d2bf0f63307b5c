import { readFileSync, type Stats, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../util/errors.js';
import { displayPath } from '../util/paths.js';
import { filesUnder } from '../util/walk.js';
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
}

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
  for (const root of roots) {
    for (const file of yamlFilesIn(root)) files.push({ file: displayPath(file, cwd), bytes: readFileSync(file), root });
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
  } catch {
    throw new InputError(`cannot read ${what}: ${path} does not exist`);
  }
  if (stats.isFile()) return [path];
  return filesUnder(path, { sorted: true, keep: (_file, entry) => /\.ya?ml$/i.test(entry.name) });
}
