import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

const MANIFESTS = new Set(['package.json', 'package-lock.json']);

/**
 * Lines longer than `max` characters (code points) in every file under `dir`. Biome's formatter
 * keeps code within its line width, but not long strings, templates, comments, CSS or HTML.
 * Installed packages and npm's own manifests are not ours to wrap.
 * @param {string} dir
 * @param {number} max
 * @returns {{ file: string; line: number; length: number }[]}
 */
export function longLines(dir, max) {
  const found = [];
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !MANIFESTS.has(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .filter((file) => !file.split(sep).includes('node_modules'))
    .sort();
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
    for (const [index, line] of lines.entries()) {
      const length = [...line].length;
      if (length > max) found.push({ file, line: index + 1, length });
    }
  }
  return found;
}
