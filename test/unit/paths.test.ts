import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/util/paths.js';

describe('displayPath', () => {
  it('shows a file inside the folder relative to it', () => {
    expect(displayPath('/repo/news/a.md', '/repo')).toBe('news/a.md');
    expect(displayPath('/repo/news/a.md', '/repo/')).toBe('news/a.md');
    expect(displayPath('/a.md', '/')).toBe('a.md');
  });

  it('shows a file outside the folder, or the folder itself, as given', () => {
    expect(displayPath('/other/a.md', '/repo')).toBe('/other/a.md');
    expect(displayPath('/repository/a.md', '/repo')).toBe('/repository/a.md');
    expect(displayPath('/repo', '/repo')).toBe('/repo');
  });

  it('gives the same answer for paths that are not plain (dot segments, hidden folders, relative cwd)', () => {
    expect(displayPath('/repo/.hidden/a.md', '/repo')).toBe('.hidden/a.md');
    expect(displayPath('/repo/x/../a.md', '/repo')).toBe('a.md');
    expect(displayPath('/repo/../other/a.md', '/repo')).toBe('/repo/../other/a.md');
    expect(displayPath('/home/.cache/repo/a.md', '/home/.cache/repo')).toBe('a.md');
    expect(displayPath('/repo/..notes/a.md', '/repo')).toBe('..notes/a.md');
    expect(displayPath(`${process.cwd()}/a.md`, '.')).toBe('a.md');
  });
});
