import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, FIXED, runCli, SPELLING, workdir } from '../helpers.js';

const WRONG =
  '---\ndate: 2026-01-07\n---\nGerman Chancellor Friedrich Merz spoke.\n\n“Germany will engage,” Scholz said.\n';
const IS_ROOT = process.getuid?.() === 0;
/** The user the permission tests run factlint as: root may write anything, so as root they run as nobody. */
const NOBODY = 65534;

const strayTemps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** factlint as another user (root only), in a folder that user may enter, with a cache it may write. */
function runAsNobody(args: string[], cwd: string) {
  chmodSync(cwd, 0o777);
  const cache = workdir({});
  chmodSync(cache, 0o777);
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    uid: NOBODY,
    gid: NOBODY,
    encoding: 'utf8',
    env: { ...process.env, HOME: cache, FACTLINT_CACHE_DIR: cache },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const immutable: string[] = [];
afterAll(() => {
  for (const file of immutable) spawnSync('chattr', ['-i', file]);
});

/** Make a file that nobody (root included) may write; false where the file system cannot. */
function makeImmutable(file: string): boolean {
  if (!IS_ROOT) {
    chmodSync(file, 0o444);
    return true;
  }
  if (spawnSync('chattr', ['+i', file]).status !== 0) return false;
  immutable.push(file);
  return true;
}

describe('--fix: one file that cannot be written', () => {
  it('is one line and exit 2; the files after it are still fixed and the report is printed', (context) => {
    const dir = workdir({ 'a1.md': SPELLING, 'a2.md': SPELLING, 'a3.md': SPELLING, 'b.md': WRONG });
    if (!makeImmutable(join(dir, 'a2.md'))) return context.skip();
    const { code, stdout, stderr } = runCli(['check', 'a1.md', 'a2.md', 'a3.md', 'b.md', '--fix', '-f', 'json'], {
      cwd: dir,
    });
    expect(code).toBe(2);
    expect(stderr).toBe('factlint: a2.md: not fixed (not writable)\n');
    expect(readFileSync(join(dir, 'a1.md'), 'utf8')).toBe(FIXED);
    expect(readFileSync(join(dir, 'a2.md'), 'utf8')).toBe(SPELLING);
    expect(readFileSync(join(dir, 'a3.md'), 'utf8')).toBe(FIXED);
    const report = JSON.parse(stdout) as {
      files: { path: string; findings: unknown[] }[];
      errors: { path: string }[];
      summary: { errors: number };
    };
    expect(report.files.map((f) => `${f.path}:${f.findings.length}`)).toEqual([
      'a1.md:0',
      'a2.md:1',
      'a3.md:0',
      'b.md:1',
    ]);
    expect(report.errors.map((e) => e.path)).toEqual(['a2.md']);
    expect(strayTemps(dir)).toEqual([]);
  });

  it.skipIf(!IS_ROOT)('refuses a read-only file of another user though the folder lets it be replaced', () => {
    const dir = workdir({ 'mine.md': SPELLING, 'theirs.md': SPELLING });
    chmodSync(join(dir, 'theirs.md'), 0o444);
    chmodSync(join(dir, 'mine.md'), 0o666);
    const { code, stderr } = runAsNobody(['check', 'mine.md', 'theirs.md', '--fix'], dir);
    expect(stderr).toBe('factlint: theirs.md: not fixed (not writable)\n');
    expect(code).toBe(2);
    expect(readFileSync(join(dir, 'theirs.md'), 'utf8')).toBe(SPELLING);
    expect(statSync(join(dir, 'theirs.md')).uid).toBe(0);
    expect(readFileSync(join(dir, 'mine.md'), 'utf8')).toBe(FIXED);
    expect(statSync(join(dir, 'mine.md')).uid).toBe(0);
  });

  it('--output-file keeps the mode of the report it replaces', () => {
    const dir = workdir({ 'a.md': WRONG, 'report.json': '{}\n' });
    chmodSync(join(dir, 'report.json'), 0o600);
    expect(runCli(['check', 'a.md', '-f', 'json', '-o', 'report.json'], { cwd: dir }).code).toBe(1);
    expect(statSync(join(dir, 'report.json')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toContain('"quote-attribution"');
  });
});

describe('--fix stopped by a signal', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} while the fixes are written leaves every file whole and no temporary file`, async () => {
      const padding = 'The talks went on. '.repeat(1000);
      for (let round = 0; round < 3; round++) {
        const files: Record<string, string> = {};
        for (let i = 0; i < 300; i++) files[`a${i}.md`] = SPELLING + padding;
        const dir = workdir(files);
        const child = spawn(process.execPath, [CLI, 'check', '.', '--fix'], { cwd: dir, stdio: 'ignore' });
        let running = true;
        const exited = new Promise<NodeJS.Signals | null>((done) =>
          child.on('exit', (_code, by) => {
            running = false;
            done(by);
          }),
        );
        // The signal goes as soon as the first temporary file is seen: in the middle of the writes.
        while (running && strayTemps(dir).length === 0) await new Promise((done) => setTimeout(done, 1));
        child.kill(signal);
        expect(await exited).toBe(signal);
        expect(strayTemps(dir), `${signal}, round ${round}`).toEqual([]);
        for (const name of Object.keys(files)) {
          expect([SPELLING + padding, FIXED + padding]).toContain(readFileSync(join(dir, name), 'utf8'));
        }
      }
    }, 60_000);
  }

  it('the next run removes the temporary files of a run killed with SIGKILL', () => {
    const dir = workdir({ 'a.md': SPELLING });
    writeFileSync(join(dir, '.a.md.factlint-2147483646-1765000000000.tmp'), SPELLING.slice(0, 20));
    expect(runCli(['check', 'a.md', '--fix'], { cwd: dir }).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });
});

describe('inputs that used to hang or fail as internal errors', () => {
  it('a named pipe on the command line is one line, not a wait for a writer', () => {
    const dir = workdir({ 'a.md': WRONG });
    execFileSync('mkfifo', [join(dir, 'pipe.md'), join(dir, 'table.yml')]);
    const started = performance.now();
    const articles = runCli(['check', 'pipe.md', 'a.md'], { cwd: dir });
    expect(articles.stderr).toBe(
      'factlint: pipe.md: is a named pipe or socket, not a file: not read (give a pipe with --stdin)\n',
    );
    expect(articles.code).toBe(2);
    expect(articles.stdout).toContain('a.md');
    const table = runCli(['check', 'a.md', '--reference', 'table.yml'], { cwd: dir });
    expect(table.stderr).toBe(
      `factlint: cannot read reference table: ${join(dir, 'table.yml')} is not a file or folder\n`,
    );
    expect(table.code).toBe(2);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('--stdin from a folder, or from an endless source, is one line and exit 2', () => {
    const dir = workdir({});
    const folder = spawnSync(process.execPath, [CLI, 'check', '--stdin'], {
      stdio: [openSync(dir, 'r'), 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    expect(folder.stderr).toBe('factlint: <stdin>: cannot read standard input (is a folder)\n');
    expect(folder.status).toBe(2);
    const zero = spawnSync(process.execPath, [CLI, 'check', '--stdin', '--max-file-size', '1MB'], {
      stdio: [openSync('/dev/zero', 'r'), 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(zero.stderr).toBe('factlint: <stdin>: input goes past the 1.0 MB limit (raise it with --max-file-size)\n');
    expect(zero.status).toBe(2);
  });

  it.skipIf(!existsSync('/dev/full'))('standard output that cannot be written is one line and exit 2', () => {
    const dir = workdir({ 'a.md': WRONG });
    const full = openSync('/dev/full', 'w');
    const result = spawnSync(process.execPath, [CLI, 'check', 'a.md'], {
      cwd: dir,
      stdio: ['ignore', full, 'pipe'],
      encoding: 'utf8',
    });
    closeSync(full);
    expect(result.stderr).toBe('factlint: cannot write to standard output: disk full\n');
    expect(result.status).toBe(2);
  });

  it('a folder that cannot be read is one line; the rest is checked', () => {
    const dir = workdir({ 'news/ok.md': WRONG, 'news/locked/a.md': WRONG });
    chmodSync(join(dir, 'news'), 0o755);
    chmodSync(join(dir, 'news/locked'), 0o700);
    if (!IS_ROOT) chmodSync(join(dir, 'news/locked'), 0);
    const result = IS_ROOT ? runAsNobody(['check', 'news'], dir) : runCli(['check', 'news'], { cwd: dir });
    expect(result.stderr).toBe(
      'factlint: news/locked: cannot read folder (permission denied); its articles were not checked\n',
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('news/ok.md');
  });

  it('a symlink loop and a glob with a backwards class are one line each', () => {
    const dir = workdir({ 'a.md': WRONG });
    execFileSync('ln', ['-s', 'loop.md', join(dir, 'loop.md')]);
    expect(runCli(['check', 'loop.md'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'factlint: loop.md: a loop of symbolic links\n',
    });
    expect(runCli(['check', '[z-a]*.md'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'factlint: no article files match [z-a]*.md\n',
    });
  });
});

describe('hostile Markdown through the CLI', () => {
  // Before the scan was linear, 200,000 "[" took 14.7 s and 200,000 "![" 60 s.
  for (const unit of ['[', '![']) {
    it(`a line of 200,000 "${unit}" is checked in seconds`, () => {
      const dir = workdir({ 'a.md': unit.repeat(200_000) });
      mkdirSync(join(dir, 'empty'));
      const started = performance.now();
      expect(runCli(['check', 'a.md', '--date', '2026-01-07'], { cwd: dir }).code).toBe(0);
      expect(performance.now() - started).toBeLessThan(5_000);
    });
  }
});
