import { existsSync, readFileSync, type Stats, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import { InputError } from '../util/errors.js';
import { filesUnder } from '../util/walk.js';

export const ARTICLE_EXTENSIONS = /\.(md|markdown|txt)$/i;
const ALWAYS_IGNORED = new Set(['node_modules', '.git']);

/** Files, folders (recursively: *.md, *.markdown, *.txt) and globs → sorted, unique file paths. */
export interface Expanded {
  files: string[];
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
  for (const pattern of patterns) {
    if (!isGlob(pattern)) {
      const path = resolve(cwd, pattern);
      addPath(path, pattern, files, ignored, cwd);
      if (files.has(path)) explicit.add(path);
      continue;
    }
    const matches = glob(pattern, cwd).filter((f) => ARTICLE_EXTENSIONS.test(f));
    if (matches.length === 0) throw new InputError(`no article files match ${pattern}`);
    for (const file of matches) files.add(file);
  }
  const all = [...files].sort();
  if (ignored === NOTHING_IGNORED) return { files: all, ignoredExplicitly: [] };
  return {
    files: all.filter((f) => !ignored(relative(cwd, f))),
    ignoredExplicitly: all.filter((f) => explicit.has(f) && ignored(relative(cwd, f))),
  };
}

export function isGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

/** A path named on the command line: a file (whatever its extension), or a folder's articles. */
function addPath(
  path: string,
  given: string,
  files: Set<string>,
  ignored: (path: string) => boolean,
  cwd: string,
): void {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch {
    throw new InputError(`${given}: no such file or directory`);
  }
  if (!stats.isDirectory()) {
    files.add(path);
    return;
  }
  const found = filesUnder(path, {
    skip: (child, entry) =>
      ALWAYS_IGNORED.has(entry.name) ||
      (ignored !== NOTHING_IGNORED && ignored(relative(cwd, child) + (entry.isDirectory() ? '/' : ''))),
    keep: (_child, entry) => entry.isFile() && ARTICLE_EXTENSIONS.test(entry.name),
  });
  for (const file of found) files.add(file);
}

/** A small glob: `*`, `**`, `?` and `[…]`, matched against paths relative to `cwd`. */
export function glob(pattern: string, cwd: string): string[] {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  while (parts.length > 1 && !/[*?[]/.test(parts[0] ?? '')) fixed.push(parts.shift() ?? '');
  const base = resolve(cwd, ...fixed);
  const matcher = globToRegExp(parts.join('/'));
  return filesUnder(base, {
    skipUnreadable: true,
    skip: (_file, entry) => ALWAYS_IGNORED.has(entry.name),
    keep: (file, entry) => entry.isFile() && matcher.test(relative(base, file).split(sep).join('/')),
  });
}

export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '*' && pattern[i + 1] === '*') {
      source += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) source += '\\[';
      else {
        source += `[${pattern
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
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
