import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../src/article/paragraphs.js';
import { scanQuotes } from '../../src/scan/quotes.js';
import { workOf } from '../../src/util/work.js';

function quotes(text: string) {
  return scanQuotes(text, paragraphsOf(text, [])).map((q) => ({ text: text.slice(q.start, q.end), closed: q.closed }));
}

describe('quote scanner', () => {
  it('finds curly and straight double quotes', () => {
    expect(quotes('“Yes,” she said. He said "no" twice.')).toEqual([
      { text: '“Yes,”', closed: true },
      { text: '"no"', closed: true },
    ]);
  });

  it('keeps nested single quotes and apostrophes inside a quote', () => {
    const text = '“They have all the ‘lessons learned’ and it’s the Russians’ plan,” he said.';
    expect(quotes(text)).toEqual([
      { text: '“They have all the ‘lessons learned’ and it’s the Russians’ plan,”', closed: true },
    ]);
  });

  it('closes a nested single quote opened curly and closed straight', () => {
    const text = "“They have all the ‘lessons learned'” by their predecessors, he added.";
    expect(quotes(text)).toEqual([{ text: "“They have all the ‘lessons learned'”", closed: true }]);
  });

  it('joins a quote that runs over paragraphs with the opening mark repeated', () => {
    const text = '“First paragraph of the quote.\n“Second paragraph,” he said.\nAfter.';
    expect(quotes(text)).toEqual([{ text: '“First paragraph of the quote.\n“Second paragraph,”', closed: true }]);
  });

  it('ends an unclosed quote with its paragraph instead of swallowing the article', () => {
    const text = 'He said “this never closes.\nThe next paragraph has “its own quote” here.';
    expect(quotes(text)).toEqual([
      { text: '“this never closes.', closed: false },
      { text: '“its own quote”', closed: true },
    ]);
  });

  it('treats a straight re-opening mark after a sentence end as the same quote (dropped closing mark)', () => {
    const text = 'Ms Hewitt said: "We have doubled it. "We are going to extend it." She said more.';
    expect(quotes(text)).toEqual([{ text: '"We have doubled it. "We are going to extend it."', closed: true }]);
  });

  it('takes single curly quotes for scare quotes, and ignores decade apostrophes', () => {
    expect(quotes('the ‘Coalition of the Willing’ met in the ‘90s')).toEqual([
      { text: '‘Coalition of the Willing’', closed: true },
    ]);
  });

  it('reads two apostrophes as a double quote mark (The New York Times archive)', () => {
    expect(quotes("Mr. Trump said ''they lied'' about it. ''It's fine,'' he said.")).toEqual([
      { text: "''they lied''", closed: true },
      { text: "''It's fine,''", closed: true },
    ]);
  });

  it('survives any mix of unbalanced marks and stays linear (work counted, not timed)', () => {
    const unit = '”“"‘’\'"';
    let found: ReturnType<typeof quotes> = [];
    const small = workOf(() => quotes(unit.repeat(2_500)));
    const large = workOf(() => {
      found = quotes(unit.repeat(10_000));
    });
    expect(small).toBeGreaterThan(2_500 * unit.length);
    expect(large / small).toBeLessThanOrEqual(4.5);
    expect(found.length).toBeGreaterThan(0);
    for (const q of found) expect(q.text.length).toBeGreaterThan(0);
  });
});
