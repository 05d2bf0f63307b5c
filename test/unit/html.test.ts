import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proseOfHtml, PUBLISHED_META } from '../../src/article/html.js';
import { analyze } from '../../src/engine.js';
import { applySafeFixes } from '../../src/runner/fix.js';
import type { FileReport, Position, Suggestion } from '../../src/types.js';
import { workOf } from '../../src/util/work.js';
import { ROOT, rules, shipped } from '../helpers.js';

function checkHtml(html: string, options: { date?: string; filename?: string } = {}) {
  return analyze(html, {
    reference: { table: shipped(), rules: rules() },
    filename: options.filename ?? 'story.html',
    ...(options.date ? { date: options.date } : {}),
  });
}

/** What a reader sees of the file's text at a reported position. */
function shownAt(html: string, at: { offset: number; length: number }): string {
  return proseOfHtml(html.slice(at.offset, at.offset + at.length)).prose.text.trim();
}

const STORY = `<!doctype html>
<html><head><title>Scholz speaks</title>
<script>const note = "“We will engage,” Scholz said.";</script>
<style>p::before { content: "Olaf Scholz said"; }</style></head>
<body><nav><a href="/">Home</a> · Olaf Scholz said so</nav>
<article>
<h1>Talks in Paris</h1>
<p class="standfirst">German Chancellor <em>Friedrich</em>&nbsp;Merz spoke in Berlin.</p>
<p>&ldquo;Germany will engage,&rdquo; <a href="/people/scholz" title="Olaf Scholz">Scholz</a> said.</p>
<pre><code>“Hello,” Scholz said.</code></pre>
<figure><img alt="Olaf Scholz said"><figcaption>Merz&rsquo;s office in Berlin.</figcaption></figure>
</article></body></html>`;

describe('HTML articles: the visible prose', () => {
  it('keeps headline, standfirst, body and captions; drops script, style, nav, code and attributes', () => {
    const { prose } = proseOfHtml(STORY);
    expect(prose.text.trim().split(/\n\n/)).toEqual([
      'Talks in Paris',
      'German Chancellor Friedrich Merz spoke in Berlin.',
      '“Germany will engage,” Scholz said.',
      'Merz’s office in Berlin.',
    ]);
  });

  it('decodes entities and joins inline tags, so a name or a quote split by markup still matches', () => {
    const analysis = checkHtml(STORY, { date: '2026-01-07' });
    const claims = analysis.report.claims.map((c) => [c.text, c.verdict, c.person?.name]);
    expect(claims).toEqual([['German Chancellor Friedrich Merz', 'ok', 'Friedrich Merz']]);
    expect(analysis.report.quotes.map((q) => [q.text, q.speaker?.text])).toEqual([
      ['“Germany will engage,”', 'Scholz'],
    ]);
  });

  it('reports positions in the original file: offset, line and column of the name', () => {
    const analysis = checkHtml(STORY, { date: '2026-01-07' });
    const [finding] = analysis.report.findings;
    expect(finding?.ruleId).toBe('quote-attribution');
    const offset = STORY.indexOf('Scholz</a>');
    expect(finding).toMatchObject({
      text: 'Scholz',
      offset,
      length: 6,
      line: 9,
      column: offset - STORY.lastIndexOf('\n', offset),
    });
    const [quote] = analysis.report.quotes;
    expect(STORY.slice(quote?.offset, (quote?.offset ?? 0) + (quote?.length ?? 0))).toBe(
      '&ldquo;Germany will engage,&rdquo;',
    );
    const [claim] = analysis.report.claims;
    expect(STORY.slice(claim?.offset, (claim?.offset ?? 0) + (claim?.length ?? 0))).toBe(
      'German Chancellor <em>Friedrich</em>&nbsp;Merz',
    );
  });

  it('maps suggestions to the file and applies them to the HTML without breaking its markup', () => {
    const html = '<p>Britain&rsquo;s leader met Prime Minister Boris Johnson &amp; aides.</p>\n';
    const analysis = checkHtml(html, { date: '2026-06-01' });
    const finding = analysis.report.findings.find((f) => f.ruleId === 'title-holder');
    const suggestions = finding?.suggestions ?? [];
    expect(suggestions.map((s) => [html.slice(s.offset, s.offset + s.length), s.text])).toEqual([
      ['Prime Minister', 'former Prime Minister'],
      ['Boris Johnson', 'Keir Starmer'],
    ]);
    const safe = { ...finding, suggestions: suggestions.map((s) => ({ ...s, safe: true })) } as NonNullable<
      typeof finding
    >;
    expect(applySafeFixes(html, [safe]).text).toBe(
      '<p>Britain&rsquo;s leader met former Prime Minister Keir Starmer &amp; aides.</p>\n',
    );
  });

  it('offers no suggestion whose span holds markup (replacing it would drop the tags)', () => {
    const html = '<p>He met Prime Minister <b>Boris</b> Johnson on Monday.</p>';
    const finding = checkHtml(html, { date: '2026-06-01' }).report.findings.find((f) => f.ruleId === 'title-holder');
    expect(finding?.text).toBe('Boris Johnson');
    // The name starts at its first letter, inside the <b>.
    expect(html.slice(finding?.offset, (finding?.offset ?? 0) + (finding?.length ?? 0))).toBe('Boris</b> Johnson');
    expect(finding?.suggestions?.map((s) => s.text)).toEqual(['former Prime Minister']);
  });

  it('takes the date from the document: a publication <meta>, else the first <time datetime>', () => {
    const meta = '<head><meta property="article:published_time" content="2025-12-02T09:48:00Z"></head><p>Text.</p>';
    expect(checkHtml(meta).report.date).toEqual({ start: '2025-12-02', end: '2025-12-02', source: 'front-matter' });
    const time = '<p>By ABC News, <time datetime="2025-10-06">Oct. 6</time></p><p>Text.</p>';
    expect(checkHtml(time).report.date.start).toBe('2025-10-06');
    const bad = '<head><meta name="date" content="2025-13-45"></head><p>Text.</p>';
    expect(checkHtml(bad).report.date.source).toBe('none');
  });

  it('reads .html and .htm by extension, and format: "html" for any name', () => {
    const html = '<p>&ldquo;Germany will engage,&rdquo; Scholz said.</p>';
    expect(checkHtml(html, { filename: 'a.htm' }).report.quotes[0]?.text).toBe('“Germany will engage,”');
    const asText = analyze(html, { reference: { table: shipped(), rules: rules() }, filename: 'a.txt' });
    expect(asText.report.quotes).toEqual([]);
    const forced = analyze(html, {
      reference: { table: shipped(), rules: rules() },
      filename: 'draft',
      format: 'html',
    });
    expect(forced.report.quotes[0]?.text).toBe('“Germany will engage,”');
  });

  it('keeps paragraphs apart (a quote left open continues in the next <p>), <br> as a line break, <q> as quotes', () => {
    const html =
      '<p>&ldquo;We will engage.</p>\n<p>&ldquo;And we will win,&rdquo; Merz said.</p><p>a<br>b <q>one <q>two</q></q></p>';
    const { prose } = proseOfHtml(html);
    expect(prose.text).toBe('“We will engage.\n\n“And we will win,” Merz said.\n\na\nb “one ‘two’”\n\n');
    const quotes = checkHtml(html, { date: '2026-01-07' }).report.quotes;
    expect(quotes[0]?.speaker?.name).toBe('Friedrich Merz');
  });

  it('skips hidden elements and honours factlint-disable comments', () => {
    const html =
      '<p hidden>“Hi,” Scholz said.</p><p aria-hidden="true">Olaf</p>' +
      '<p>German Chancellor Friedrich Merz spoke.</p>\n<!-- factlint-disable-next-line quote-attribution -->\n' +
      '<p>&ldquo;Germany will engage,&rdquo; Scholz said.</p>';
    const report = checkHtml(html, { date: '2026-01-07' }).report;
    expect(report.quotes.map((q) => q.text)).toEqual(['“Germany will engage,”']);
    expect(report.findings).toEqual([]);
  });

  it('does work in proportion to the file', () => {
    const paragraph = '<p>German Chancellor <em>Friedrich</em>&nbsp;Merz said &ldquo;yes,&rdquo; in Berlin.</p>\n';
    const work = (n: number) => workOf(() => proseOfHtml(paragraph.repeat(n)));
    expect(work(400) / work(100)).toBeLessThan(4.5);
  });
});

describe('HTML corpus: the seed articles as a CMS exports them', () => {
  const SEEDS = [
    'seed-1-paris-peace-talks',
    'seed-2-everest-blizzard',
    'seed-3-zaporizhzhia-front-line',
    'seed-4-putin-witkoff-meeting',
  ];
  const reportOf = (file: string): FileReport =>
    analyze(readFileSync(join(ROOT, 'corpus', file), 'utf8'), {
      reference: { table: shipped(), rules: rules() },
      filename: `corpus/${file}`,
    }).report;
  const withoutPlace = <T extends Position & { suggestions?: Suggestion[] }>(p: T) => {
    const { line, column, endLine, endColumn, offset, length, suggestions, ...rest } = p;
    return { ...rest, suggestions: suggestions?.map((s) => [s.text, s.safe, s.description]) };
  };

  for (const seed of SEEDS) {
    it(`${seed}: the same findings, claims and body quotes as the Markdown, at places in the HTML`, () => {
      const markdown = reportOf(`${seed}.md`);
      const html = reportOf(`${seed}.cms.html`);
      const htmlText = readFileSync(join(ROOT, 'corpus', `${seed}.cms.html`), 'utf8');
      expect(html.date).toEqual(markdown.date);
      expect(html.findings.map(withoutPlace)).toEqual(markdown.findings.map(withoutPlace));
      expect(html.claims.map(withoutPlace)).toEqual(markdown.claims.map(withoutPlace));
      // The HTML's headline is prose (the Markdown keeps it in front matter): its quotes come first.
      const bodyQuotes = html.quotes.slice(html.quotes.length - markdown.quotes.length);
      const speakerOf = (q: FileReport['quotes'][number]) => [q.text, q.speaker?.name ?? null, q.speaker?.via];
      expect(bodyQuotes.map(speakerOf)).toEqual(markdown.quotes.map(speakerOf));
      for (const at of [...html.findings, ...html.claims, ...html.quotes]) expect(shownAt(htmlText, at)).toBe(at.text);
    });
  }
});

describe("the editors' page reads an HTML date as the engine does", () => {
  it("its copy of the publication-date <meta> names is the engine's list", () => {
    const page = readFileSync(join(import.meta.dirname, '../../src/server/page/app.js'), 'utf8');
    const list = /const PUBLISHED_META = \[([^\]]*)\]/.exec(page)?.[1] ?? '';
    const names = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(names).toEqual([...PUBLISHED_META]);
  });
});
