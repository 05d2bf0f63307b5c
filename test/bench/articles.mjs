// The article files under a folder, as factlint and the benchmark count them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function articleFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...articleFiles(full));
    else if (/\.(md|markdown|txt)$/i.test(entry.name)) out.push(full);
  }
  return out.sort();
}
