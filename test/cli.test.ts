import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, openSync, readSync, readFileSync, mkdirSync, chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatorFor } from '../src/util/validate.js';
import reportSchema from '../src/report/schema.json' with { type: 'json' };
import { CLI, ROOT, runCli, workdir } from './helpers.js';

const factlint = runCli;

/** Bytes read from a non-blocking descriptor, 0 while nothing has arrived yet. */
function readSomething(fd: number, into: Buffer): number {
  try {
    return readSync(fd, into);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return 0;
    throw error;
  }
}

const WRONG = 'German Chancellor Friedrich Merz spoke in Berlin.\n\n“Germany will engage,” Scholz said.\n';
const CLEAN = 'German Chancellor Friedrich Merz spoke in Berlin.\n\n“Germany will engage,” Merz said.\n';

describe('factlint check', () => {
  it('exits 1 on the shipped corpus and prints the seed error', () => {
    const { code, stdout } = factlint(['check', 'corpus/']);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /corpus\/seed-1-paris-peace-talks\.md\n(.*\n)*\s+19:82\s+error\s+Quote attributed to “Scholz”.*quote-attribution/,
    );
  });

  it('gives the corpus expected reports as JSON that validates against the shipped schema', () => {
    const { code, stdout } = factlint(['check', 'corpus/', '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { files: { path: string }[] };
    const validate = validatorFor(reportSchema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    for (const file of report.files) {
      const expected = JSON.parse(
        readFileSync(join(ROOT, file.path.replace(/\.(md|txt|html)$/, '.expected.json')), 'utf8'),
      );
      expect(file).toEqual(expected);
    }
  });

  it('exits 0 when nothing is wrong and 1 on an error finding', () => {
    const dir = workdir({ 'clean.md': CLEAN, 'wrong.md': WRONG });
    expect(factlint(['check', 'clean.md', '--date', '2026-01-07'], { cwd: dir }).code).toBe(0);
    expect(factlint(['check', 'wrong.md', '--date', '2026-01-07'], { cwd: dir }).code).toBe(1);
  });

  it('takes files, folders, globs and standard input', () => {
    const dir = workdir({
      'a/one.md': WRONG,
      'a/b/two.markdown': WRONG,
      'a/three.txt': WRONG,
      'a/skip.json': '{}',
      'c.md': CLEAN,
    });
    const paths = (args: string[], input?: string) =>
      (
        JSON.parse(
          factlint(['check', ...args, '--date', '2026-01-07', '--format', 'json'], { cwd: dir, input }).stdout,
        ) as { files: { path: string }[] }
      ).files.map((f) => f.path);
    expect(paths(['a'])).toEqual(['a/b/two.markdown', 'a/one.md', 'a/three.txt']);
    expect(paths(['a/**/*.markdown', 'c.md'])).toEqual(['a/b/two.markdown', 'c.md']);
    expect(paths(['-'], WRONG)).toEqual(['<stdin>']);
    expect(paths(['--stdin', '--stdin-filename', 'draft.md'], WRONG)).toEqual(['draft.md']);
  });

  it('reads the date from front matter, and --date beats it', () => {
    const dir = workdir({ 'a.md': `---\ndate: 2023-03-01\n---\n${WRONG}` });
    const date = (args: string[]) =>
      (
        JSON.parse(factlint(['check', 'a.md', '--format', 'json', ...args], { cwd: dir }).stdout) as {
          files: { date: unknown }[];
        }
      ).files[0]?.date;
    expect(date([])).toEqual({ start: '2023-03-01', end: '2023-03-01', source: 'front-matter' });
    expect(date(['--date', '2025/2026'])).toEqual({ start: '2025-01-01', end: '2026-12-31', source: 'cli' });
  });

  it('one bad file gives a one-line error and exit 2, and the others are still checked', () => {
    const dir = workdir({
      'good.md': WRONG,
      'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      'latin1.md': Buffer.from('Caf\xe9 says hello', 'latin1'),
      'bad-front.md': '---\ndate: [2026\n---\nBody',
      'bad-date.md': '---\ndate: someday\n---\nBody',
    });
    const { code, stdout, stderr } = factlint(['check', '.', '--date', '2026-01-07', '--format', 'json'], { cwd: dir });
    expect(code).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^factlint: bad-front\.md:2:1: front matter, line 2: a \[ opens a value that is never closed/,
      ),
      expect.stringMatching(/^factlint: binary\.md: binary file \(NUL byte at offset 4\), not an article$/),
      expect.stringMatching(/^factlint: latin1\.md: not valid UTF-8 \(first bad byte at offset 3\)$/),
    ]);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect((JSON.parse(stdout) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual([
      'bad-date.md',
      'good.md',
    ]);
  });

  it('rejects a bad front matter date with its position when no --date is given', () => {
    const dir = workdir({ 'a.md': '---\ndate: someday\n---\nBody' });
    const { code, stderr } = factlint(['check', 'a.md'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe(
      'factlint: a.md:2:1: front matter date "someday" is not a date: ' +
        'use YYYY-MM-DD, YYYY-MM, YYYY, an interval A/B or a timestamp\n',
    );
  });

  it('skips files over the size limit with a clear error', () => {
    const dir = workdir({ 'big.md': 'x'.repeat(2048), 'small.md': CLEAN });
    const { code, stderr } = factlint(['check', '.', '--max-file-size', '1KB'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe('factlint: big.md: file is 2.0 KB, over the 1.0 KB limit (raise it with --max-file-size)\n');
  });

  it('reads a file larger than its read buffer whole, and refuses it when it is over the limit', () => {
    // 640,000 bytes of filler before the wrong quote: more than the 256 KB the reader fills before growing.
    const long = `${'Talks went on.\n\n'.repeat(40_000)}${WRONG}`;
    const dir = workdir({ 'long.md': long });
    const { code, stdout } = factlint(['check', 'long.md', '--date', '2026-01-07', '--format', 'json'], { cwd: dir });
    expect(code).toBe(1);
    const [file] = (JSON.parse(stdout) as { files: { findings: { ruleId: string; offset: number }[] }[] }).files;
    expect(file?.findings.map((f) => [f.ruleId, f.offset])).toEqual([
      ['quote-attribution', long.lastIndexOf('Scholz')],
    ]);
    const over = factlint(['check', 'long.md', '--max-file-size', '300KB'], { cwd: dir });
    expect(over.code).toBe(2);
    expect(over.stderr).toBe(
      `factlint: long.md: file is ${(long.length / 1024).toFixed(1)} KB, over the 300.0 KB limit (raise it with --max-file-size)\n`,
    );
  });

  it('usage mistakes exit 2 with one line and no stack trace', () => {
    for (const args of [
      ['check'],
      ['check', 'corpus', '--date', 'yesterday'],
      ['check', 'corpus', '--bogus'],
      ['frobnicate'],
      ['check', 'missing.md'],
      ['check', 'corpus', '--rule', 'nope=error'],
      ['check', 'corpus', '--format', 'xml'],
    ]) {
      const { code, stderr } = factlint(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr).toMatch(/^factlint: /);
    }
  });

  it('--help on every subcommand prints its usage and exits 0 (it was an unbalanced-quote usage error)', () => {
    const commands = [
      ['check'],
      ['explain'],
      ['print-config'],
      ['init'],
      ['serve'],
      ['table'],
      ['table', 'lint'],
      ['table', 'who'],
      ['table', 'generate'],
      ['import'],
      ['import', 'csv'],
      ['import', 'ifg'],
    ];
    for (const command of commands) {
      const { code, stdout, stderr } = factlint([...command, '--help']);
      expect([command.join(' '), code, stderr]).toEqual([command.join(' '), 0, '']);
      expect(stdout).toMatch(new RegExp(`^Usage: factlint ${command.join(' ')}`));
    }
    expect(factlint(['check', '--help']).stdout).toContain('--max-warnings N');
    expect(factlint(['import', 'csv', '--help']).stdout).toContain('titles');
    expect(factlint(['help', 'serve']).stdout).toContain('--token-file FILE');
  });

  it("checks HTML files: folders include them, positions are the HTML file's", () => {
    const html =
      '<p>German Chancellor <em>Friedrich</em>&nbsp;Merz spoke.</p>\n<p>&ldquo;We will engage,&rdquo; Scholz said.</p>\n';
    const dir = workdir({ 'story/a.html': html, 'story/b.htm': html });
    const { code, stdout } = factlint(['check', 'story', '--date', '2026-01-07', '--format', 'json'], { cwd: dir });
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      files: { path: string; findings: { offset: number; line: number; column: number }[] }[];
    };
    expect(report.files.map((f) => f.path)).toEqual(['story/a.html', 'story/b.htm']);
    expect(report.files[0]?.findings.map((f) => [f.offset, f.line, f.column])).toEqual([
      [html.indexOf('Scholz'), 2, 34],
    ]);
  });

  it('a broken reference table names file:line:column and exits 2', () => {
    const dir = workdir({
      'table.yml':
        'offices:\n  x:\n    name: X\n    titles: [X]\n    holders:\n      - {person: Ann Alpha, start: 2020-13-01}\n',
      'a.md': CLEAN,
    });
    const { code, stderr } = factlint(['check', 'a.md', '--reference', 'table.yml'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^factlint: table\.yml:6:\d+: .*"2020-13-01" is not a real date\n$/);
  });

  it('--rule turns a rule off or changes its severity', () => {
    const dir = workdir({ 'a.md': WRONG });
    expect(
      factlint(['check', 'a.md', '--date', '2026-01-07', '--rule', 'quote-attribution=off'], { cwd: dir }).code,
    ).toBe(0);
    const { code, stdout } = factlint(
      ['check', 'a.md', '--date', '2026-01-07', '--rule', 'quote-attribution=warning'],
      { cwd: dir },
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/warning\s+Quote attributed to “Scholz”/);
  });

  it('--output-file writes the report and keeps the exit code', () => {
    const dir = workdir({ 'a.md': WRONG });
    const { code, stdout } = factlint(['check', 'a.md', '--date', '2026-01-07', '--format', 'json', '-o', 'out.json'], {
      cwd: dir,
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(
      (JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { summary: { errors: number } }).summary.errors,
    ).toBe(1);
  });

  // Root may write anywhere; faults.test.ts tests an unwritable place as root with /sys/kernel.
  it.skipIf(process.getuid?.() === 0)('an unwritable output file is a clear error, and nothing is half-written', () => {
    const dir = workdir({ 'a.md': WRONG });
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o500);
    const { code, stderr } = factlint(['check', 'a.md', '-o', 'locked/out.json'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot write .*locked\/out\.json: not writable/);
    expect(existsSync(join(dir, 'locked/out.json'))).toBe(false);
  });

  it('a reader that stops early (`| head`) ends the run quietly: its own exit code, nothing on stderr', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 600; i++) files[`news/a${i}.md`] = WRONG;
    const dir = workdir(files);
    // A FIFO read by hand, as `head -c 100` reads: 100 bytes, then hang up while
    // factlint still has most of its 140 KB report to write.
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, 'w');
    const child = spawn(process.execPath, [CLI, 'check', 'news', '--date', '2026-01-07'], {
      cwd: dir,
      stdio: ['ignore', writer, 'pipe'],
    });
    closeSync(writer);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const first = Buffer.alloc(100);
    while (readSomething(reader, first) === 0) await new Promise((done) => setTimeout(done, 20));
    closeSync(reader);
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(first.toString()).toContain('news/a');
    expect(stderr).toBe('');
    expect(code).toBe(1);
  }, 30_000);
});

describe('factlint explain', () => {
  it('shows the Merz paragraph, the Scholz attribution and the table rows behind the error', () => {
    const { code, stdout } = factlint(['explain', 'corpus/seed-1-paris-peace-talks.md']);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'speaker: “Scholz” at 19:82 → Olaf Scholz (in the reference table) [explicit: “…,” X said, cue “said”]',
    );
    expect(stdout).toContain('German Chancellor Friedrich Merz, meanwhile, said at a joint press conference');
    expect(stdout).toMatch(
      /table: Chancellor of Germany — Friedrich Merz, since 2025-05-06 {2}\(rules\/reference\/de\.yml:\d+\)/,
    );
    expect(stdout).toMatch(/table: Chancellor of Germany — Olaf Scholz, 2021-12-08 to 2025-05-06/);
    expect(stdout).toMatch(
      /“German Chancellor Friedrich Merz”\n\s+Chancellor of Germany \[de-chancellor\]: Friedrich Merz since 2025-05-06 .*✓ on the article date/,
    );
  });
});
