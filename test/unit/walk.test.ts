import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/util/walk.js';

function tree(files: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'factlint-walk-'));
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
  }
  return root;
}

const yaml = (_path: string, entry: { name: string }) => /\.ya?ml$/.test(entry.name);

describe('filesUnder', () => {
  it('walks depth first, each folder in code-unit order of names when sorted', () => {
    const root = tree(['b.yml', 'a.yml', 'a/z.yml', 'a/b/c.yml', 'B.yml', 'notes.txt']);
    const found = filesUnder(root, { sorted: true, keep: yaml }).map((f) => relative(root, f));
    expect(found).toEqual(['B.yml', 'a/b/c.yml', 'a/z.yml', 'a.yml', 'b.yml']);
  });

  it('leaves out skipped entries and everything in a skipped folder; stays in one folder when not recursive', () => {
    const root = tree(['x.yml', 'node_modules/y.yml', 'sub/z.yml']);
    const skip = (_path: string, entry: { name: string }) => entry.name === 'node_modules';
    expect(filesUnder(root, { sorted: true, skip, keep: yaml }).map((f) => relative(root, f))).toEqual([
      'sub/z.yml',
      'x.yml',
    ]);
    expect(filesUnder(root, { recursive: false, keep: yaml }).map((f) => relative(root, f))).toEqual(['x.yml']);
  });

  it('does not follow a symlinked folder, and offers a symlinked file to keep', () => {
    const root = tree(['real/a.yml', 'b.yml']);
    symlinkSync(join(root, 'real'), join(root, 'link'));
    symlinkSync(join(root, 'b.yml'), join(root, 'c.yml'));
    const all = filesUnder(root, { sorted: true, keep: yaml }).map((f) => relative(root, f));
    expect(all).toEqual(['b.yml', 'c.yml', 'real/a.yml']);
    const regular = filesUnder(root, { sorted: true, keep: (_p, e) => e.isFile() }).map((f) => relative(root, f));
    expect(regular).toEqual(['b.yml', 'real/a.yml']);
  });

  it('fails on a folder it cannot list, unless told to pass it over', () => {
    const missing = join(tmpdir(), 'factlint-walk-no-such-folder');
    expect(() => filesUnder(missing, { keep: yaml })).toThrow(/ENOENT/);
    expect(filesUnder(missing, { keep: yaml, skipUnreadable: true })).toEqual([]);
  });
});
