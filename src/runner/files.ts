import { existsSync, readFileSync, type Stats, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import picomatch from 'picomatch';
import { InputError, reasonOf } from '../util/errors.js';
import { displayPath } from '../util/paths.js';
import { filesUnder, isFileEntry } from '../util/walk.js';

const ARTICLE_EXTENSIONS = /\.(md|markdown|txt|html?)$/i;
const ALWAYS_IGNORED = new Set(['node_modules', '.git']);

/** Files, folders (recursively: *.md, *.markdown, *.txt, *.html, *.htm) and globs → sorted, unique file paths. */
export interface Expanded {
  files: string[];
  /** Folders that could not be listed, each with the one line that says why (their articles are not checked). */
  unreadable: { path: string; message: string }[];
  /** Files named on the command line that an ignore pattern covers (skipped, with a warning). */
  ignoredExplicitly: string[];
}

/** The filter when there are no ignore patterns: lets expansion skip working out relative paths. */
const NOTHING_IGNORED = (_path: string): boolean => false;

export function expandPaths(
  patterns: readonly string[],
  cwd: string,
  ignored: (path: string) => boolean = NOTHING_IGNORED,
): Expanded {
  const files = new Set<string>();
  const explicit = new Set<string>();
  const unreadable: Expanded['unreadable'] = [];
  const onUnreadable = (folder: string, error: NodeJS.ErrnoException) =>
    unreadable.push({
      path: displayPath(folder, cwd),
      message: `${displayPath(folder, cwd)}: cannot read folder (${reasonOf(error)}); its articles were not checked`,
    });
  for (const pattern of patterns) {
    const parts = globParts(pattern, cwd);
    if (!parts) {
      const path = resolve(cwd, literalPath(pattern, cwd));
      addPath(path, pattern, files, ignored, cwd, onUnreadable);
      if (files.has(path)) explicit.add(path);
      continue;
    }
    const matches = glob(parts, cwd, pattern).filter((f) => ARTICLE_EXTENSIONS.test(f));
    if (matches.length === 0) throw new InputError(`no article files match ${pattern}`);
    for (const file of matches) files.add(file);
  }
  const all = [...files].sort();
  if (ignored === NOTHING_IGNORED) return { files: all, unreadable, ignoredExplicitly: [] };
  return {
    files: all.filter((f) => !ignored(relative(cwd, f))),
    unreadable,
    ignoredExplicitly: all.filter((f) => explicit.has(f) && ignored(relative(cwd, f))),
  };
}

/** Globs as picomatch reads them, less what would misread file names: `(…)`, a leading `!`. */
const SCAN_OPTIONS = { noparen: true, nonegate: true } as const;
/** `*` also matches names that start with a dot; `[!…]` negates a class, as in shells; no extglobs. */
const MATCH_OPTIONS = { dot: true, posix: true, nonegate: true, noextglob: true } as const;
const WINDOWS = sep === '\\';

interface GlobParts {
  /** The folder the glob starts from: the pattern's leading part with no glob characters, unescaped. */
  base: string;
  glob: string;
}

/**
 * A pattern's folder and glob (`*`, `**`, `?`, `[…]`, `{a,b}`; a backslash escapes, except on
 * Windows, where it separates folders), or null for a plain path: one without unescaped glob
 * characters, or one that names an existing file or folder (`report[1].md`).
 */
function globParts(pattern: string, cwd: string): GlobParts | null {
  const posix = WINDOWS ? pattern.replace(/\\/g, '/') : pattern;
  const scan = picomatch.scan(posix, SCAN_OPTIONS);
  if (!scan.isGlob || existsSync(resolve(cwd, pattern))) return null;
  return { base: WINDOWS ? scan.base : withoutEscapes(scan.base), glob: scan.glob };
}

/** A pattern that is a plain path, with any backslash escapes (`report\\[1\\].md`) removed. */
function literalPath(pattern: string, cwd: string): string {
  return WINDOWS || existsSync(resolve(cwd, pattern)) ? pattern : withoutEscapes(pattern);
}

function withoutEscapes(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** A path named on the command line: a file (whatever its extension), or a folder's articles. */
function addPath(
  path: string,
  given: string,
  files: Set<string>,
  ignored: (path: string) => boolean,
  cwd: string,
  onUnreadable: (folder: string, error: NodeJS.ErrnoException) => void,
): void {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw new InputError(`${given}: ${reasonOf(error as NodeJS.ErrnoException)}`);
  }
  if (!stats.isDirectory()) {
    files.add(path);
    return;
  }
  const found = filesUnder(path, {
    skip: (child, entry) =>
      ALWAYS_IGNORED.has(entry.name) ||
      (ignored !== NOTHING_IGNORED && ignored(relative(cwd, child) + (entry.isDirectory() ? '/' : ''))),
    keep: (child, entry) => ARTICLE_EXTENSIONS.test(entry.name) && isFileEntry(child, entry),
    onUnreadable,
  });
  for (const file of found) files.add(file);
}

/** The files under the glob's folder whose paths below it match the glob. */
function glob({ base, glob }: GlobParts, cwd: string, pattern: string): string[] {
  const root = resolve(cwd, base);
  const below = root.endsWith(sep) ? root.length : root.length + 1;
  let matches: (path: string) => boolean;
  try {
    matches = picomatch(glob, { ...MATCH_OPTIONS, windows: WINDOWS });
  } catch (error) {
    throw new InputError(`${pattern}: not a glob pattern factlint can read (${(error as Error).message})`);
  }
  return filesUnder(root, {
    skipUnreadable: true,
    skip: (_file, entry) => ALWAYS_IGNORED.has(entry.name),
    keep: (file, entry) => matches(file.slice(below)) && isFileEntry(file, entry),
  });
}

/**
 * Paths never to check: `.factlintignore` in the working folder (gitignore syntax), the
 * config's `ignorePatterns` and `--ignore-pattern`s. Paths are relative to `cwd`.
 */
export function ignoreFilter(
  cwd: string,
  patterns: readonly string[],
  useIgnoreFile = true,
): (relativePath: string) => boolean {
  const matcher = ignore();
  const file = join(cwd, '.factlintignore');
  const hasFile = useIgnoreFile && existsSync(file);
  if (!hasFile && patterns.length === 0) return NOTHING_IGNORED;
  if (hasFile) matcher.add(readFileSync(file, 'utf8'));
  matcher.add([...patterns]);
  return (relativePath: string) => {
    const path = relativePath.split(sep).join('/');
    if (!path || path.startsWith('../') || isAbsolute(path)) return false;
    return matcher.ignores(path);
  };
}
