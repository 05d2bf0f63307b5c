/** What the CLI says about claims: the stylish summary line and `explain`'s grouped claim list. */
import { describe, expect, it } from 'vitest';
import { explainArticle } from '../../src/cli/explain.js';
import { reportOf } from '../../src/engine.js';
import { formatStylish } from '../../src/report/stylish.js';
import { fixtureTable, run } from '../helpers.js';

const ARTICLE = [
  'Secretary of State Antony Blinken said on Monday that the talks would continue.',
  'In 2003, Chancellor Gordon Brown spoke. German Chancellor Friedrich Merz agreed.',
  'Irish President Michael D. Higgins and Secretary of State Jane Nelson listened.',
  'Volodymyr Zelensky arrived. Ukrainian President Volodymyr Zelenskyy said he was ready.',
].join('\n');

const analysis = () => run(ARTICLE, { date: '2025-06-01', rules: { 'unknown-office': 'info' } });

function summaryLine(report: ReturnType<typeof reportOf>): string {
  return formatStylish(report, { color: false }).trimEnd().split('\n').at(-1) ?? '';
}

describe('stylish summary line', () => {
  it('counts infos among the problems and says how many claims were checked, on the same line', () => {
    const { report } = analysis();
    expect(report.findings.map((f) => `${f.severity} ${f.ruleId}`)).toEqual([
      'error title-holder',
      'info unknown-office',
      'warning name-consistency',
    ]);
    expect(report.claims.map((c) => c.verdict)).toEqual([
      'error',
      'past',
      'ok',
      'unknown-office',
      'unknown-person',
      'ok',
    ]);
    expect(summaryLine(reportOf([report]))).toBe(
      '✖ 3 problems (1 error, 1 warning, 1 info); 1 file checked; 4 claims checked, 2 could not be checked',
    );
  });

  it('sums claims over files, and says so when nothing was found', () => {
    const clean = run('German Chancellor Friedrich Merz agreed.', { date: '2025-06-01' }).report;
    expect(summaryLine(reportOf([clean]))).toBe(
      '✔ no problems (0 errors, 0 warnings); 1 file checked; 1 claim checked, 0 could not be checked',
    );
    expect(summaryLine(reportOf([clean, analysis().report]))).toMatch(
      /^✖ 3 problems \(.*\); 2 files checked; 5 claims checked, 2 could not be checked$/,
    );
  });

  it('infos alone are problems too', () => {
    const report = run('Irish President Michael D. Higgins listened.', {
      date: '2025-06-01',
      rules: { 'unknown-office': 'info' },
    }).report;
    expect(summaryLine(reportOf([report]))).toBe(
      '✖ 1 problem (0 errors, 0 warnings, 1 info); 1 file checked; 0 claims checked, 1 could not be checked',
    );
  });
});

describe('explain: claims', () => {
  it('lists every claim, grouped: findings, then checked, then not checked with the reason', () => {
    const text = explainArticle(analysis(), fixtureTable());
    const section = text.slice(text.indexOf('Claims ('), text.indexOf('People ('));
    const lines = section.split('\n');
    const headings = lines.filter((line) => /^\S|^ {2}\S/.test(line));
    expect(headings).toEqual([
      'Claims (6): 4 checked, 2 not checked',
      '  Errors and warnings (1)',
      '  Checked: true on the date, or set in the past (3)',
      '  Not checked (2)',
    ]);
    const claims = lines.filter((line) => /^ {4}\d/.test(line)).map((line) => line.trim());
    expect(claims).toEqual([
      '1:1  error  “Secretary of State Antony Blinken”',
      '2:10  past  “Chancellor Gordon Brown”',
      '2:41  ok  “German Chancellor Friedrich Merz”',
      '4:29  ok  “Ukrainian President Volodymyr Zelenskyy”',
      '3:1  unknown-office  “Irish President Michael D. Higgins”',
      '3:40  unknown-person  “Secretary of State Jane Nelson”',
    ]);
    expect(section).toContain(
      '“Secretary of State Antony Blinken”\n          on 2025-06-01 the United States Secretary',
    );
    expect(section).toContain('“Chancellor Gordon Brown”\n          set in 2003\n');
    expect(section).toContain(
      '“Irish President Michael D. Higgins”\n          not checked: no office in the table has this title there\n',
    );
    expect(section).toContain(
      '“Secretary of State Jane Nelson”\n          not checked: the table does not know this name\n',
    );
    expect(section).toMatch(
      /“German Chancellor Friedrich Merz”\n {10}Chancellor of Germany \[de-chancellor\]: Friedrich Merz since 2025-05-06 \(table\.yml:\d+\) ✓ on the article date/,
    );
  });
});
