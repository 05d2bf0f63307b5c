import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { loadTable } from '../../src/reference/load.js';
import { expandPaths } from '../../src/runner/files.js';
import { runCheck, type RunRequest } from '../../src/runner/run.js';
import type { Settings } from '../../src/runner/settings.js';
import { FileChangedError, writeFileAtomic } from '../../src/util/atomic-write.js';
import { InputError } from '../../src/util/errors.js';
import { FIXED, SPELLING, workdir } from '../helpers.js';

const WRONG = 'German Chancellor Friedrich Merz spoke.\n\n“Germany will engage,” Scholz said.\n';
const IS_ROOT = process.getuid?.() === 0;

function request(cwd: string, paths: string[], extra: Partial<RunRequest> = {}): RunRequest {
  const settings: Settings = { config: defaultConfig(), cwd, date: '2026-01-07', reportUnusedDirectives: false };
  return {
    settings,
    paths,
    stdinName: null,
    cacheLocation: null,
    fix: 'none',
    jobs: 1,
    keepAnalyses: false,
    useIgnoreFile: true,
    ...extra,
  };
}

const relativeFiles = (dir: string, paths: string[]) =>
  expandPaths(paths, dir).files.map((f) => f.slice(dir.length + 1));

describe('inputs: every problem is one line, and the rest is still checked', () => {
  it('checks a symlinked article in a folder, and does not follow a symlinked folder', () => {
    const dir = workdir({ 'store/real.md': WRONG, 'news/own.md': WRONG });
    symlinkSync(join(dir, 'store/real.md'), join(dir, 'news/linked.md'));
    symlinkSync(join(dir, 'store'), join(dir, 'news/store-link'));
    expect(relativeFiles(dir, ['news'])).toEqual(['news/linked.md', 'news/own.md']);
    expect(relativeFiles(dir, ['news/*.md'])).toEqual(['news/linked.md', 'news/own.md']);
  });

  it('names a symlink loop and a dangling symlink for what they are, and checks the other files', async () => {
    const dir = workdir({ 'news/ok.md': WRONG });
    symlinkSync('loop.md', join(dir, 'loop.md'));
    symlinkSync('nowhere.md', join(dir, 'news/dangling.md'));
    expect(() => expandPaths(['loop.md'], dir)).toThrow(new InputError('loop.md: a loop of symbolic links'));
    const run = await runCheck(request(dir, ['news']));
    expect(run.errors.map((e) => e.message)).toEqual(['news/dangling.md: cannot read (no such file or directory)']);
    expect(run.report.files.map((f) => f.path)).toEqual(['news/ok.md']);
  });

  it.skipIf(IS_ROOT)('reports a folder it cannot list and checks the rest', async () => {
    const dir = workdir({ 'news/ok.md': WRONG, 'news/locked/a.md': WRONG });
    chmodSync(join(dir, 'news/locked'), 0);
    try {
      const run = await runCheck(request(dir, ['news']));
      expect(run.errors.map((e) => e.message)).toEqual([
        'news/locked: cannot read folder (permission denied); its articles were not checked',
      ]);
      expect(run.report.files.map((f) => f.path)).toEqual(['news/ok.md']);
    } finally {
      chmodSync(join(dir, 'news/locked'), 0o755);
    }
  });

  it('refuses a table over the size limit, and a big file only the full YAML parser reads, in one line', () => {
    const dir = workdir({
      'big.yml': `offices:\n${'  # padding comment line\n'.repeat(50_000)}`,
      'odd.yml': `x: |\n${'  line of a block scalar\n'.repeat(200_000)}`,
    });
    const load = (file: string, maxTableSize?: number) => () =>
      loadTable({ paths: [file], noDefault: true, cwd: dir, cache: false, ...(maxTableSize ? { maxTableSize } : {}) });
    expect(load('big.yml', 1024 * 1024)).toThrow(
      new InputError('reference table over the 1.0 MB limit at big.yml (1.2 MB): raise it with --max-table-size'),
    );
    expect(load('odd.yml')).toThrow(
      /^4\.8 MB of YAML outside the plain table subset .*: such a file may be at most 4 MB/,
    );
  });
});

describe('writing files: --fix and --output-file', () => {
  it('keeps the mode and the owner of the file it replaces', () => {
    const dir = workdir({ 'a.md': SPELLING });
    const file = join(dir, 'a.md');
    chmodSync(file, 0o640);
    if (IS_ROOT) chownSync(file, 1234, 2345);
    writeFileAtomic(file, FIXED);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(statSync(file).mode & 0o7777).toBe(0o640);
    if (IS_ROOT) expect([statSync(file).uid, statSync(file).gid]).toEqual([1234, 2345]);
  });

  it('writes a hard-linked file in place, so every link sees the new text', () => {
    const dir = workdir({ 'a.md': SPELLING });
    linkSync(join(dir, 'a.md'), join(dir, 'b.md'));
    const inode = statSync(join(dir, 'a.md')).ino;
    writeFileAtomic(join(dir, 'a.md'), FIXED);
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe(FIXED);
    expect(statSync(join(dir, 'a.md')).ino).toBe(inode);
    expect(statSync(join(dir, 'a.md')).nlink).toBe(2);
  });

  it.skipIf(IS_ROOT)('refuses a file the user may not write, though the folder would let it be replaced', () => {
    const dir = workdir({ 'a.md': SPELLING });
    chmodSync(join(dir, 'a.md'), 0o444);
    expect(() => writeFileAtomic(join(dir, 'a.md'), FIXED)).toThrow(/not writable/);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(SPELLING);
  });

  it('leaves a file that changed since it was read, and no temporary file', () => {
    const dir = workdir({ 'a.md': SPELLING });
    const file = join(dir, 'a.md');
    const asRead = readFileSync(file);
    writeFileSync(file, `${SPELLING}An edit saved during the run.\n`);
    expect(() => writeFileAtomic(file, FIXED, { unchangedFrom: asRead })).toThrow(FileChangedError);
    expect(readFileSync(file, 'utf8')).toContain('An edit saved during the run.');
    expect(readdirSync(dir)).toEqual(['a.md']);
    writeFileAtomic(file, FIXED, { unchangedFrom: readFileSync(file) });
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
  });

  it('removes temporary files of processes that no longer run, and keeps those of running ones', () => {
    const dir = workdir({ 'a.md': SPELLING });
    const dead = '.a.md.factlint-2147483646-1765000000000.tmp';
    const alive = `.a.md.factlint-${process.pid}-1765000000000.tmp`;
    const unrelated = '.a.md.4242.1765000000000.tmp';
    for (const name of [dead, alive, unrelated]) writeFileSync(join(dir, name), 'half');
    writeFileAtomic(join(dir, 'a.md'), FIXED);
    expect(readdirSync(dir).sort()).toEqual([alive, unrelated, 'a.md'].sort());
  });

  it('a results cache that cannot be saved is a warning: the files are still fixed and reported', async () => {
    const dir = workdir({ 'a1.md': SPELLING, 'a3.md': SPELLING, 'b.md': WRONG });
    // A cache location that is a folder cannot be written, by root either.
    mkdirSync(join(dir, 'a2.md'));
    writeFileSync(join(dir, 'a2.md', 'keep'), '');
    const run = await runCheck(
      request(dir, ['a1.md', 'a3.md', 'b.md'], { fix: 'write', cacheLocation: join(dir, 'a2.md') }),
    );
    expect(readFileSync(join(dir, 'a1.md'), 'utf8')).toBe(FIXED);
    expect(readFileSync(join(dir, 'a3.md'), 'utf8')).toBe(FIXED);
    expect(run.notes).toEqual([`results cache not saved: cannot write ${join(dir, 'a2.md')}: is a folder`]);
    expect(run.report.files.map((f) => f.path)).toEqual(['a1.md', 'a3.md', 'b.md']);
    expect(run.report.summary.errors).toBe(1);
  });
});

describe('the results cache', () => {
  const cacheRun = (dir: string) => runCheck(request(dir, ['a.md'], { cacheLocation: join(dir, '.factlintcache') }));

  it('is never written through a symlink, and never read through one', async () => {
    const dir = workdir({ 'a.md': WRONG, 'elsewhere/precious': 'do not overwrite\n' });
    symlinkSync(join(dir, 'elsewhere/precious'), join(dir, '.factlintcache'));
    const run = await cacheRun(dir);
    expect(readFileSync(join(dir, 'elsewhere/precious'), 'utf8')).toBe('do not overwrite\n');
    expect(lstatSync(join(dir, '.factlintcache')).isSymbolicLink()).toBe(true);
    expect(run.notes).toEqual([
      `results cache not saved: cannot write ${join(dir, '.factlintcache')}: ` +
        'a symbolic link (a cache is never written through one)',
    ]);
    expect(run.report.summary.errors).toBe(1);
  });

  it('drops an entry of the wrong shape, even under a matching checksum', async () => {
    const dir = workdir({ 'a.md': WRONG });
    const first = await cacheRun(dir);
    const file = join(dir, '.factlintcache');
    const [header = '', body = ''] = readFileSync(file, 'utf8').split(/\n(.*)/s);
    const entries = JSON.parse(body) as Record<string, { key: string; report: Record<string, unknown> }>;
    const entry = entries['a.md'];
    if (!entry) throw new Error('no cache entry');
    for (const broken of [{ findings: 'none' }, { findings: [{ ruleId: 1 }] }, { path: 'b.md' }, { date: null }]) {
      const forged = JSON.stringify({ 'a.md': { key: entry.key, report: { ...entry.report, ...broken } } });
      const digest = createHash('sha256').update(forged).digest('hex');
      writeFileSync(file, `${header.replace(/[0-9a-f]{64}$/, digest)}\n${forged}`);
      const again = await cacheRun(dir);
      expect(again.report, JSON.stringify(broken)).toEqual(first.report);
    }
    expect(existsSync(file)).toBe(true);
  });
});
