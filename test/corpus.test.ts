import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/engine.js';
import { ROOT, rules, shipped } from './helpers.js';

const CORPUS = join(ROOT, 'corpus');
const ARTICLE = /\.(md|markdown|txt|html)$/;
const articles = readdirSync(CORPUS)
  .filter((f) => ARTICLE.test(f))
  .sort();
const update = process.env.UPDATE_CORPUS === '1';

function reportOf(file: string) {
  const text = readFileSync(join(CORPUS, file), 'utf8');
  return analyze(text, { reference: { table: shipped(), rules: rules() }, filename: `corpus/${file}` }).report;
}

describe('corpus: real and hand-written articles give exactly their expected reports', () => {
  for (const file of articles) {
    it(file, () => {
      const report = reportOf(file);
      const expectedPath = join(CORPUS, file.replace(ARTICLE, '.expected.json'));
      if (update) writeFileSync(expectedPath, `${JSON.stringify(report, null, 2)}\n`);
      expect(report).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }

  it('the four seed articles, as Markdown and as HTML, flag exactly Scholz (error) and Zelensky (warning)', () => {
    const flagged = articles
      .filter((f) => f.startsWith('seed-'))
      .flatMap((f) =>
        reportOf(f)
          .findings.filter((x) => x.severity !== 'info')
          .map((x) => `${f}: ${x.ruleId} ${x.severity} “${x.text}”`),
      );
    expect(flagged).toEqual([
      'seed-1-paris-peace-talks.cms.html: name-consistency warning “Volodymyr Zelensky”',
      'seed-1-paris-peace-talks.cms.html: quote-attribution error “Scholz”',
      'seed-1-paris-peace-talks.md: name-consistency warning “Volodymyr Zelensky”',
      'seed-1-paris-peace-talks.md: quote-attribution error “Scholz”',
    ]);
  });

  it('every expected file belongs to an article', () => {
    const expected = readdirSync(CORPUS).filter((f) => f.endsWith('.expected.json'));
    expect(expected.map((f) => f.replace('.expected.json', '')).sort()).toEqual(
      articles.map((f) => f.replace(ARTICLE, '')).sort(),
    );
  });
});
