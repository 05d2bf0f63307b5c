import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { longLines } from '../lint/long-lines.mjs';
import { ROOT } from '../helpers.js';

describe('the line-length check of npm run lint', () => {
  it('names each line over the limit in any file below the folder, counting characters, not bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factlint-lines-'));
    mkdirSync(join(dir, 'page'));
    writeFileSync(join(dir, 'a.ts'), `${'x'.repeat(120)}\n${'y'.repeat(121)}\r\n${'“'.repeat(120)}\n`);
    writeFileSync(join(dir, 'page', 'b.css'), `ok\n${'z'.repeat(130)}`);
    expect(longLines(dir, 120)).toEqual([
      { file: join(dir, 'a.ts'), line: 2, length: 121 },
      { file: join(dir, 'page', 'b.css'), line: 2, length: 130 },
    ]);
  });

  it('finds none in src/', () => {
    expect(longLines(join(ROOT, 'src'), 120)).toEqual([]);
  });
});
