import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  lstatSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli, workdir } from '../helpers.js';

const ARTICLE = 'German Chancellor Friedrich Merz spoke in Berlin.\n\n“Germany will engage,” Scholz said.\n';
const OLD_REPORT = '{"old": true}\n';

/** A folder of articles big enough that a check runs for a second or two. */
function bigRun(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < 600; i++) files[`news/a${i}.md`] = ARTICLE + 'The talks went on. '.repeat(1000);
  return workdir({ ...files, 'out.json': OLD_REPORT });
}

function startCheck(dir: string, args: string[]) {
  const child = spawn(process.execPath, [CLI, 'check', 'news', '--date', '2026-01-07', '--format', 'json', ...args], {
    cwd: dir,
    stdio: 'ignore',
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal, at: performance.now() })),
  );
  return { child, exited };
}

const strayTemps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('faults: nothing half-written', () => {
  it('--output-file killed at any moment holds the old report or the whole new one', async () => {
    const seen = new Set<string>();
    // The last run is left to finish, so the new report is seen whole at least once.
    for (const delay of [100, 400, 800, 1500, null]) {
      const dir = bigRun();
      const { child, exited } = startCheck(dir, ['-o', 'out.json']);
      if (delay !== null) {
        await new Promise((done) => setTimeout(done, delay));
        child.kill('SIGKILL');
      }
      await exited;
      const now = readFileSync(join(dir, 'out.json'), 'utf8');
      if (now === OLD_REPORT) seen.add('old');
      else {
        expect((JSON.parse(now) as { files: unknown[] }).files).toHaveLength(600);
        seen.add('new');
      }
    }
    expect([...seen].sort()).toEqual(['new', 'old']);
  }, 60_000);

  it('SIGINT stops a long run promptly and leaves no output file and no temporary file', async () => {
    const dir = bigRun();
    const { child, exited } = startCheck(dir, ['-o', 'out.json', '--cache']);
    await new Promise((done) => setTimeout(done, 300));
    const sent = performance.now();
    child.kill('SIGINT');
    const { code, signal, at } = await exited;
    expect(at - sent).toBeLessThan(1_000);
    expect(signal === 'SIGINT' || code === 130).toBe(true);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(OLD_REPORT);
    expect(existsSync(join(dir, '.factlintcache'))).toBe(false);
    expect(strayTemps(dir)).toEqual([]);
  }, 30_000);

  it.skipIf(!existsSync('/dev/full'))('a full disk is a one-line error and exit 2', () => {
    const dir = workdir({ 'a.md': ARTICLE });
    const { code, stderr } = runCli(['check', 'a.md', '--date', '2026-01-07', '-o', '/dev/full'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe('factlint: cannot write /dev/full: disk full\n');
  });

  // sysfs refuses new files to everyone, root included (chmod does not stop root).
  it.skipIf(!existsSync('/sys/kernel'))('a read-only place is a one-line error and exit 2, even for root', () => {
    const dir = workdir({ 'a.md': ARTICLE });
    const { code, stderr } = runCli(
      ['check', 'a.md', '--date', '2026-01-07', '-o', '/sys/kernel/factlint-report.json'],
      { cwd: dir },
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^factlint: cannot write \/sys\/kernel\/factlint-report\.json: (not writable|folder does not exist)\n$/,
    );
    expect(existsSync('/sys/kernel/factlint-report.json')).toBe(false);
  });

  it('writes into a device or through a symlink without replacing it', () => {
    const dir = workdir({ 'a.md': ARTICLE, 'reports/real.json': OLD_REPORT });
    symlinkSync('reports/real.json', join(dir, 'link.json'));
    const toLink = runCli(['check', 'a.md', '--date', '2026-01-07', '-f', 'json', '-o', 'link.json'], { cwd: dir });
    expect(toLink.code).toBe(1);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.json'))).toBe('reports/real.json');
    expect(
      (JSON.parse(readFileSync(join(dir, 'reports/real.json'), 'utf8')) as { summary: { errors: number } }).summary
        .errors,
    ).toBe(1);
    const toNull = runCli(['check', 'a.md', '--date', '2026-01-07', '-o', '/dev/null'], { cwd: dir });
    expect(toNull.code).toBe(1);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes a report of megabytes whole into a pipe, curly quotes and all', async () => {
    const dir = bigRun();
    const toFile = runCli(['check', 'news', '--date', '2026-01-07', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    const report = readFileSync(join(dir, 'report.json'), 'utf8');
    expect(toFile.code).toBe(1);
    expect(report.length).toBeGreaterThan(1_000_000);
    expect(report).toContain('"text": "“Germany will engage,”"');
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const sink = openSync(join(dir, 'through-pipe.json'), 'w');
    // The reader drains the pipe 64 KB at a time while factlint writes: a short write would lose the rest.
    const reader = spawn('cat', [join(dir, 'pipe')], { stdio: ['ignore', sink, 'inherit'] });
    const drained = new Promise((done) => reader.on('exit', done));
    const toPipe = runCli(['check', 'news', '--date', '2026-01-07', '-f', 'json', '-o', 'pipe'], { cwd: dir });
    await drained;
    closeSync(sink);
    expect(toPipe.code).toBe(1);
    expect(readFileSync(join(dir, 'through-pipe.json'), 'utf8')).toBe(report);
  }, 60_000);

  it('a results cache killed mid-write is never trusted: the next run still reports every finding', async () => {
    const dir = bigRun();
    const fresh = runCli(['check', 'news', '--date', '2026-01-07', '-f', 'json'], { cwd: dir });
    expect((JSON.parse(fresh.stdout) as { files: unknown[] }).files).toHaveLength(600);
    for (const delay of [500, 1500, 3000]) {
      const { child, exited } = startCheck(dir, ['--cache']);
      await new Promise((done) => setTimeout(done, delay));
      child.kill('SIGKILL');
      await exited;
      const again = runCli(['check', 'news', '--date', '2026-01-07', '-f', 'json', '--cache'], { cwd: dir });
      expect(again.stdout).toBe(fresh.stdout);
    }
    writeFileSync(join(dir, '.factlintcache'), readFileSync(join(dir, '.factlintcache')).subarray(0, 100));
    expect(runCli(['check', 'news', '--date', '2026-01-07', '-f', 'json', '--cache'], { cwd: dir }).stdout).toBe(
      fresh.stdout,
    );
  }, 60_000);
});
