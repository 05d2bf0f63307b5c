import { isAbsolute, relative, sep } from 'node:path';

/**
 * A path as reports and messages show it: relative to `cwd` when inside it, else as given
 * (absolute). Used for articles, table and rule files alike, so one file reads the same
 * everywhere.
 */
export function displayPath(file: string, cwd: string): string {
  if (isPlainAbsolute(file) && isPlainAbsolute(cwd)) {
    // The usual case (paths from resolve and readdir on POSIX) needs only a prefix test:
    // relative() costs tens of milliseconds over a few thousand files before it is warm.
    const under = cwd.endsWith('/') ? cwd : `${cwd}/`;
    return file.startsWith(under) && file.length > under.length ? file.slice(under.length) : file;
  }
  const rel = relative(cwd, file);
  const outside = rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return outside ? file : rel;
}

/** An absolute POSIX path with no `.` or `..` segments and no doubled slashes (conservatively: no `/.` at all). */
function isPlainAbsolute(path: string): boolean {
  return sep === '/' && path.startsWith('/') && !path.includes('/.') && !path.includes('//');
}
