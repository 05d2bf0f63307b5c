import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPaths } from '../../src/runner/files.js';

function tree(files: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'factlint-files-'));
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
  }
  return root;
}

const ROOT = tree([
  'news/a.md',
  'news/b.md',
  'news/c.txt',
  'news/.draft.md',
  'news/2024/d.md',
  'news/node_modules/e.md',
  'sport/f.md',
  'sport/g.markdown',
  'report[1].md',
  'report1.md',
  'star*.md',
  'notes (draft).md',
  'odd[dir]/h.md',
  'data.json',
]);

const expand = (...patterns: string[]) => expandPaths(patterns, ROOT).files.map((f) => relative(ROOT, f));

describe('expandPaths', () => {
  it('takes files whatever their extension, and folders recursively (articles only, node_modules skipped)', () => {
    expect(expand('news', 'data.json')).toEqual([
      'data.json',
      'news/.draft.md',
      'news/2024/d.md',
      'news/a.md',
      'news/b.md',
      'news/c.txt',
    ]);
  });

  it('matches *, ** and ?, dot files included, and never returns non-articles or node_modules', () => {
    expect(expand('news/*.md')).toEqual(['news/.draft.md', 'news/a.md', 'news/b.md']);
    expect(expand('news/**/*.md')).toEqual(['news/.draft.md', 'news/2024/d.md', 'news/a.md', 'news/b.md']);
    expect(expand('news/?.txt')).toEqual(['news/c.txt']);
  });

  it('matches braces and classes, [!…] negating', () => {
    expect(expand('{news,sport}/[ab].md')).toEqual(['news/a.md', 'news/b.md']);
    expect(expand('sport/*.{md,markdown}')).toEqual(['sport/f.md', 'sport/g.markdown']);
    expect(expand('news/[!a].md')).toEqual(['news/b.md']);
  });

  it('takes a backslash as an escape, and a name that exists as itself', () => {
    expect(expand('report\\[1\\].md')).toEqual(['report[1].md']);
    expect(expand('report[1].md')).toEqual(['report[1].md']);
    expect(expand('report[0-9].md')).toEqual(['report1.md']);
    expect(expand('star\\*.md')).toEqual(['star*.md']);
    expect(expand('odd\\[dir\\]/*.md')).toEqual(['odd[dir]/h.md']);
    expect(expand('notes (draft).md', 'notes (*).md')).toEqual(['notes (draft).md']);
  });

  it('says so when a glob matches no article, or a path does not exist', () => {
    expect(() => expand('*.json')).toThrow('no article files match *.json');
    expect(() => expand('nothing/*.md')).toThrow('no article files match nothing/*.md');
    expect(() => expand('missing.md')).toThrow('missing.md: no such file or directory');
  });
});
