import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli, workdir as makeWorkdir } from './helpers.js';

function factlint(args: string[], cwd: string, env: Record<string, string> = {}, input?: string) {
  return runCli(args, { cwd, env, ...(input !== undefined ? { input } : {}) });
}

const workdir = (files: Record<string, string>) => makeWorkdir(files, 'factlint-ci-');

const WRONG =
  '---\ndate: 2026-01-07\n---\nGerman Chancellor Friedrich Merz spoke in Berlin.\n\n“Germany will engage,” Scholz said.\n';
const SPELLING =
  '---\ndate: 2026-01-07\n---\nVolodymyr Zelensky arrived in Paris.\n\nUkrainian President Volodymyr Zelenskyy said he was ready. “We are ready,” Zelenskyy said.\n';
const UNINTRODUCED = '---\ndate: 2026-01-07\n---\n“We are ready,” Rubio said.\n';

const json = (stdout: string) =>
  JSON.parse(stdout) as {
    files: { path: string; findings: { ruleId: string; severity: string; text: string }[] }[];
    summary: { errors: number; warnings: number };
  };

describe('configuration', () => {
  it('is found upward from the working folder, and sets rule severities', () => {
    const dir = workdir({ '.factlintrc.yml': 'rules:\n  quote-attribution: warning\n', 'news/a.md': WRONG });
    const { code, stdout } = factlint(['check', 'a.md', '-f', 'json'], join(dir, 'news'));
    expect(code).toBe(0);
    expect(json(stdout).files[0]?.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual([
      'quote-attribution:warning',
    ]);
  });

  it('can live under a "factlint" key in package.json', () => {
    const dir = workdir({
      'package.json': JSON.stringify({
        name: 'news',
        factlint: { rules: { 'quote-attribution': 'off', 'unintroduced-speaker': 'off' } },
      }),
      'a.md': WRONG,
    });
    expect(factlint(['check', 'a.md', '-f', 'json'], dir).stdout).toContain('"findings": []');
    const bad = workdir({ 'package.json': '{\n  "name": "news",\n  "factlint": {"rulez": {}}\n}\n', 'a.md': WRONG });
    expect(factlint(['check', 'a.md'], bad).stderr).toMatch(
      /^factlint: package\.json:3:16: unknown key "rulez" in configuration: did you mean "rules"\?\n$/,
    );
  });

  it('--config picks a file and --no-config ignores any', () => {
    const dir = workdir({
      '.factlintrc.yml': 'rules:\n  quote-attribution: off\n',
      'strict.yml': 'rules:\n  quote-attribution: error\n',
      'a.md': WRONG,
    });
    expect(factlint(['check', 'a.md'], dir).code).toBe(0);
    expect(factlint(['check', 'a.md', '--config', 'strict.yml'], dir).code).toBe(1);
    expect(factlint(['check', 'a.md', '--no-config'], dir).code).toBe(1);
  });

  it('reports a mistake in the config with file:line:column', () => {
    const dir = workdir({
      '.factlintrc.yml': 'rules:\n  quote-attribution: warning\nreferences: [x.yml]\n',
      'a.md': WRONG,
    });
    const { code, stderr } = factlint(['check', 'a.md'], dir);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'factlint: .factlintrc.yml:3:1: unknown key "references" in configuration: did you mean "reference"?\n',
    );
    const bad = workdir({ '.factlintrc.yml': 'rules:\n  quote-attribution: loud\n', 'a.md': WRONG });
    expect(factlint(['check', 'a.md'], bad).stderr).toMatch(
      /^factlint: \.factlintrc\.yml:2:22: rules\.quote-attribution: must be one of error, warning, info, off\n$/,
    );
  });

  it('adds tables, house style, allowlists and date sources', () => {
    const table =
      'offices:\n  zz-mayor:\n    name: Mayor of Zed\n    country: ZZ\n    titles: [Mayor]\n    holders:\n      - {person: Ann Alpha, start: 2020-01-01}\ncountries:\n  ZZ: {names: [Zed]}\npeople:\n  Bob Beta: {gender: male}\n';
    const dir = workdir({
      '.factlintrc.yml':
        'reference: [tables/zed.yml]\nhouseStyle:\n  Volodymyr Zelenskyy: Volodymyr Zelensky\nallow:\n  unintroduced-speaker: [Rubio]\ndate:\n  sources: [filename]\n',
      'tables/zed.yml': table,
      'mayor.md': '---\ndate: 2026-01-07\n---\nZed Mayor Bob Beta says the roads are fine.\n',
      'spell.md': SPELLING,
      'rubio.md': UNINTRODUCED,
      'news_2026-01-07_note.txt': 'Secretary of State Antony Blinken says the talks go on.\n',
    });
    const report = json(factlint(['check', '.', '-f', 'json'], dir).stdout);
    const byFile = Object.fromEntries(
      report.files.map((f) => [f.path, f.findings.map((x) => `${x.ruleId} ${x.text}`)]),
    );
    expect(byFile['mayor.md']).toEqual(['article-date ']);
    expect(byFile['news_2026-01-07_note.txt']).toEqual(['title-holder Antony Blinken']);
    expect(byFile['rubio.md']).toEqual(['article-date ']);
    const withDates = json(factlint(['check', '.', '-f', 'json', '--date', '2026-01-07'], dir).stdout);
    const spell = withDates.files.find((f) => f.path === 'spell.md')?.findings.map((x) => x.text);
    expect(spell).toEqual(['Volodymyr Zelenskyy', 'Zelenskyy']);
    expect(withDates.files.find((f) => f.path === 'mayor.md')?.findings.map((x) => `${x.ruleId} ${x.text}`)).toEqual([
      'title-holder Bob Beta',
    ]);
  });

  it('print-config shows the configuration a file gets, front matter included', () => {
    const dir = workdir({
      '.factlintrc.yml': 'rules:\n  name-consistency: off\nignorePatterns: [drafts/]\n',
      'a.md': '---\ndate: 2026-01-07\nfactlint:\n  rules:\n    title-holder: warning\n---\nText.\n',
      'drafts/b.md': 'x',
    });
    const config = JSON.parse(factlint(['print-config', 'a.md'], dir).stdout) as {
      rules: Record<string, string>;
      ignored: boolean;
      configFile: string;
    };
    expect(config.rules).toEqual({ 'name-consistency': 'off', 'title-holder': 'warning' });
    expect(config.configFile).toBe('.factlintrc.yml');
    expect((JSON.parse(factlint(['print-config', 'drafts/b.md'], dir).stdout) as { ignored: boolean }).ignored).toBe(
      true,
    );
  });

  it('init writes a starter config that factlint accepts, and will not overwrite one', () => {
    const dir = workdir({ 'a.md': WRONG });
    expect(factlint(['init'], dir).code).toBe(0);
    expect(readFileSync(join(dir, '.factlintrc.yml'), 'utf8')).toContain('houseStyle');
    expect(factlint(['check', 'a.md'], dir).code).toBe(1);
    expect(factlint(['init'], dir).code).toBe(2);
  });
});

describe('choosing files', () => {
  it('skips .factlintignore, --ignore-pattern, node_modules and .git, and warns about a named ignored file', () => {
    const dir = workdir({
      '.factlintignore': 'drafts/\n*.tmp.md\n',
      'a.md': WRONG,
      'drafts/b.md': WRONG,
      'c.tmp.md': WRONG,
      'node_modules/x/d.md': WRONG,
      '.git/e.md': WRONG,
      'old/f.md': WRONG,
    });
    const paths = (args: string[]) =>
      json(factlint(['check', ...args, '-f', 'json'], dir).stdout).files.map((f) => f.path);
    expect(paths(['.'])).toEqual(['a.md', 'old/f.md']);
    expect(paths(['.', '--ignore-pattern', 'old/'])).toEqual(['a.md']);
    expect(paths(['.', '--no-ignore'])).toEqual(['a.md', 'c.tmp.md', 'drafts/b.md', 'old/f.md']);
    const named = factlint(['check', 'drafts/b.md', 'a.md'], dir);
    expect(named.stderr).toBe('factlint: warning: drafts/b.md: ignored (an ignore pattern matches it); not checked\n');
  });
});

describe('exit codes and levels', () => {
  it('--quiet reports errors only, --max-warnings and --fail-on decide the exit code', () => {
    const dir = workdir({ 'warn.md': UNINTRODUCED, 'err.md': WRONG });
    expect(factlint(['check', 'warn.md'], dir).code).toBe(0);
    expect(factlint(['check', 'warn.md', '--fail-on', 'warning'], dir).code).toBe(1);
    expect(factlint(['check', 'warn.md', '--max-warnings', '0'], dir).code).toBe(1);
    expect(factlint(['check', 'warn.md', '--max-warnings', '1'], dir).code).toBe(0);
    expect(json(factlint(['check', 'warn.md', '--quiet', '-f', 'json'], dir).stdout).files[0]?.findings).toEqual([]);
    expect(factlint(['check', 'err.md', '--quiet'], dir).code).toBe(1);
    const noDate = workdir({ 'n.txt': 'No date here.\n' });
    expect(factlint(['check', 'n.txt', '--fail-on', 'info'], noDate).code).toBe(1);
    expect(factlint(['check', 'n.txt', '--fail-on', 'loud'], noDate).code).toBe(2);
  });
});

describe('in-text control', () => {
  it('disable-next-line, disable-line and disable … enable silence what they name; unused ones can be reported', () => {
    const claim = 'Secretary of State Antony Blinken says the talks go on.';
    const text = [
      '---',
      'date: 2026-01-07',
      '---',
      '<!-- factlint-disable-next-line title-holder -- quoting the 2023 letter -->',
      claim,
      '',
      `${claim} <!-- factlint-disable-line -->`,
      '',
      '<!-- factlint-disable title-holder -->',
      claim,
      '<!-- factlint-enable title-holder -->',
      '',
      claim,
      '',
      '<!-- factlint-disable-next-line name-consistency -->',
      'Nothing to silence here.',
      '',
      '<!-- factlint-disable-next-line quote-attribution -->',
      claim,
    ].join('\n');
    const dir = workdir({ 'a.md': text });
    const findings = json(factlint(['check', 'a.md', '-f', 'json'], dir).stdout).files[0]?.findings ?? [];
    expect(findings.map((f) => `${f.ruleId} ${f.text}`)).toEqual([
      'title-holder Antony Blinken',
      'title-holder Antony Blinken',
    ]);
    const withUnused =
      json(factlint(['check', 'a.md', '-f', 'json', '--report-unused-directives'], dir).stdout).files[0]?.findings ??
      [];
    expect(withUnused.map((f) => f.ruleId)).toEqual([
      'title-holder',
      'unused-directive',
      'unused-directive',
      'title-holder',
    ]);
  });

  it('a front-matter factlint key sets the date and turns rules off for one article', () => {
    const dir = workdir({
      'a.md':
        '---\nfactlint:\n  date: 2026-01-07\n  rules:\n    quote-attribution: off\n---\nGerman Chancellor Friedrich Merz spoke.\n\n“Germany will engage,” Scholz said.\n\nSecretary of State Antony Blinken says the talks go on.\n',
    });
    const file = json(factlint(['check', 'a.md', '-f', 'json'], dir).stdout).files[0];
    expect(file?.findings.map((f) => f.ruleId)).toEqual(['unintroduced-speaker', 'title-holder']);
  });
});

describe('cache', () => {
  const stats = (stderr: string) => /cache: (\d+) hits, (\d+) misses/.exec(stderr)?.slice(1).map(Number);

  it('reuses results, findings included, and misses on each kind of change', () => {
    const dir = workdir({
      'a.md': WRONG,
      'b.md': SPELLING,
      'c.md': UNINTRODUCED,
      'table.yml': 'people:\n  Someone Else: {}\n',
    });
    const run = (extra: string[] = []) =>
      factlint(['check', '.', '--cache', '-f', 'json', ...extra], dir, { FACTLINT_CACHE_STATS: '1' });
    const first = run();
    expect(stats(first.stderr)).toEqual([0, 3]);
    const second = run();
    expect(stats(second.stderr)).toEqual([3, 0]);
    expect(second.stdout).toBe(first.stdout);
    writeFileSync(join(dir, 'c.md'), `${UNINTRODUCED}\nMore text.\n`);
    expect(stats(run().stderr)).toEqual([2, 1]);
    expect(stats(run(['--rule', 'name-consistency=error']).stderr)).toEqual([0, 3]);
    expect(stats(run(['--rule', 'name-consistency=error']).stderr)).toEqual([3, 0]);
    expect(stats(run(['--rule', 'name-consistency=error', '--reference', 'table.yml']).stderr)).toEqual([0, 3]);
    writeFileSync(join(dir, 'table.yml'), 'people:\n  Someone Other: {}\n');
    expect(stats(run(['--rule', 'name-consistency=error', '--reference', 'table.yml']).stderr)).toEqual([0, 3]);
  });

  it('ignores a truncated or tampered cache file', () => {
    const dir = workdir({ 'a.md': WRONG });
    const run = () =>
      factlint(['check', '.', '--cache', '--cache-location', 'c.json'], dir, { FACTLINT_CACHE_STATS: '1' });
    run();
    const cache = readFileSync(join(dir, 'c.json'), 'utf8');
    writeFileSync(join(dir, 'c.json'), cache.slice(0, cache.length / 2));
    expect(stats(run().stderr)).toEqual([0, 1]);
    writeFileSync(join(dir, 'c.json'), cache.replace('quote-attribution', 'quote-attributiom'));
    const tampered = run();
    expect(stats(tampered.stderr)).toEqual([0, 1]);
    expect(tampered.code).toBe(1);
  });
});

describe('parallel checking', () => {
  it('gives byte-identical output to a serial run', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++)
      files[`n${String(i).padStart(3, '0')}.md`] = [WRONG, SPELLING, UNINTRODUCED][i % 3] ?? '';
    files['bad.md'] = '---\ndate: [broken\n---\n';
    const dir = workdir(files);
    const serial = factlint(['check', '.', '-f', 'json', '--jobs', '1'], dir);
    const parallel = factlint(['check', '.', '-f', 'json', '--jobs', '3'], dir);
    expect(parallel.code).toBe(2);
    expect(parallel.stdout).toBe(serial.stdout);
    expect(parallel.stderr).toBe(serial.stderr);
    expect(json(serial.stdout).files).toHaveLength(60);
  });
});

describe('--fix', () => {
  it('applies house-style spellings in place, only where something changed, never to a broken file', () => {
    const dir = workdir({
      'spell.md': SPELLING,
      'clean.md': WRONG,
      'broken.md': '---\ndate: [x\n---\nVolodymyr Zelensky and Zelenskyy.\n',
    });
    const cleanBefore = statSync(join(dir, 'clean.md')).mtimeMs;
    const { code, stdout } = factlint(['check', '.', '--fix', '-f', 'json'], dir);
    expect(code).toBe(2);
    expect(readFileSync(join(dir, 'spell.md'), 'utf8')).toBe(
      SPELLING.replace('Volodymyr Zelensky arrived', 'Volodymyr Zelenskyy arrived'),
    );
    expect(statSync(join(dir, 'clean.md')).mtimeMs).toBe(cleanBefore);
    expect(readFileSync(join(dir, 'broken.md'), 'utf8')).toContain('Volodymyr Zelensky and');
    expect(json(stdout).files.find((f) => f.path === 'spell.md')?.findings).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--fix-dry-run prints the diff and changes nothing', () => {
    const dir = workdir({ 'spell.md': SPELLING });
    const { stdout } = factlint(['check', 'spell.md', '--fix-dry-run'], dir);
    expect(stdout).toContain(
      '--- a/spell.md\n+++ b/spell.md\n@@ -4 +4 @@\n-Volodymyr Zelensky arrived in Paris.\n+Volodymyr Zelenskyy arrived in Paris.\n',
    );
    expect(readFileSync(join(dir, 'spell.md'), 'utf8')).toBe(SPELLING);
  });

  it('killed mid-run, leaves every file either wholly old or wholly new', async () => {
    const fixedText = SPELLING.replace('Volodymyr Zelensky arrived', 'Volodymyr Zelenskyy arrived');
    for (const delay of [150, 300, 450]) {
      const files: Record<string, string> = {};
      for (let i = 0; i < 400; i++) files[`a${i}.md`] = SPELLING + 'x'.repeat(20_000);
      const dir = workdir(files);
      const child = spawn(process.execPath, [CLI, 'check', '.', '--fix'], { cwd: dir, stdio: 'ignore' });
      await new Promise((done) => setTimeout(done, delay));
      child.kill('SIGKILL');
      await new Promise((done) => child.on('exit', done));
      for (const name of Object.keys(files)) {
        const now = readFileSync(join(dir, name), 'utf8');
        expect([SPELLING + 'x'.repeat(20_000), fixedText + 'x'.repeat(20_000)]).toContain(now);
      }
      expect(existsSync(join(dir, 'a0.md'))).toBe(true);
    }
  });
});

describe('output formats from the command line', () => {
  it('sarif: valid SARIF 2.1.0 with repository-relative URIs and fingerprints that survive unrelated edits', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8')) as object;
    const regExp = Object.assign(
      (pattern: string, flags: string) =>
        pattern.startsWith('^(?i)') ? new RegExp(`^${pattern.slice(5)}`, `${flags}i`) : new RegExp(pattern, flags),
      { code: 'new RegExp' },
    );
    const validate = new Ajv2020({
      strict: false,
      validateFormats: false,
      validateSchema: false,
      code: { regExp },
    }).compile(schema);
    const dir = workdir({ '.git/HEAD': 'ref: refs/heads/main\n', 'news/a b.md': WRONG });
    const first = JSON.parse(factlint(['check', 'a b.md', '-f', 'sarif'], join(dir, 'news')).stdout) as {
      runs: {
        columnKind: string;
        results: {
          ruleId: string;
          partialFingerprints: Record<string, string>;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    expect(validate(first), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const result = first.runs[0]?.results[0];
    expect(first.runs[0]?.columnKind).toBe('utf16CodeUnits');
    expect(result?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('news/a%20b.md');
    writeFileSync(
      join(dir, 'news/a b.md'),
      WRONG.replace('---\n\n', '---\n\nAn unrelated new paragraph.\n\n').replace(
        'date: 2026-01-07\n---\n',
        'date: 2026-01-07\n---\nA new first line.\n\n',
      ),
    );
    const second = JSON.parse(factlint(['check', 'a b.md', '-f', 'sarif'], join(dir, 'news')).stdout) as typeof first;
    const moved = second.runs[0]?.results[0];
    expect(moved?.locations[0]?.physicalLocation.region.startLine).not.toBe(
      result?.locations[0]?.physicalLocation.region.startLine,
    );
    expect(moved?.partialFingerprints).toEqual(result?.partialFingerprints);
  });

  it('sarif: factlint’s own rules link to their pages (helpUri), a rule of the user’s does not', () => {
    const dir = workdir({
      'a.md': WRONG,
      'mine.yml': 'id: house-titles\nkind: title-holder\nseverity: warning\nmessage: "m"\n',
    });
    const log = JSON.parse(factlint(['check', 'a.md', '-f', 'sarif', '--rules', 'mine.yml'], dir).stdout) as {
      runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[];
    };
    const uris = new Map(log.runs[0]?.tool.driver.rules.map((r) => [r.id, r.helpUri]));
    expect(uris.get('quote-attribution')).toBe(
      'https://github.com/factlint/factlint/blob/main/docs/rules/quote-attribution.md',
    );
    expect(uris.has('house-titles')).toBe(true);
    expect(uris.get('house-titles')).toBeUndefined();
  });

  it('github: one escaped annotation per finding; junit: XML with the failures', () => {
    const dir = workdir({ 'a,b.md': WRONG });
    const github = factlint(['check', 'a,b.md', '-f', 'github'], dir).stdout;
    expect(github).toMatch(
      /^::error file=a%2Cb\.md,line=6,endLine=6,col=24,endColumn=30,title=quote-attribution::Quote attributed to “Scholz”/,
    );
    expect(github.trim().split('\n')).toHaveLength(1);
    const junit = factlint(['check', 'a,b.md', '-f', 'junit'], dir).stdout;
    expect(junit).toContain('<testsuites name="factlint" tests="1" failures="1" errors="0">');
    expect(junit).toContain('<testcase classname="quote-attribution" name="a,b.md:6:24">');
  });
});
