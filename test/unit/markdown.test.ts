import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linkSpans, proseOfMarkdown } from '../../src/article/markdown.js';
import { workOf } from '../../src/util/work.js';
import { readFrontMatter } from '../../src/article/frontmatter.js';
import { InputError } from '../../src/util/errors.js';

function prose(text: string): string {
  const front = readFrontMatter(text, 'a.md');
  return proseOfMarkdown(text, front?.end ?? 0).text;
}

describe('markdown to prose', () => {
  it('keeps the length, so every offset is an offset into the file', () => {
    const text =
      '---\ndate: 2026-01-07\n---\n# Title\n\nSee [the report](https://example.com/a?b=c) and `code “x”` <!-- note -->.\n';
    expect(prose(text)).toHaveLength(text.length);
  });

  it('blanks fenced code, inline code, comments, tags and link URLs but keeps link text', () => {
    const text =
      'Before\n```\n“Not a quote,” Scholz said.\n```\nA `“code”` and <!-- “comment” --> <b>bold</b> [“text”](http://x.org/“y”) after.';
    const out = prose(text);
    expect(out).not.toContain('Scholz');
    expect(out).not.toContain('“code”');
    expect(out).not.toContain('comment');
    expect(out).not.toContain('<b>');
    expect(out).not.toContain('x.org');
    expect(out).toContain('“text”');
    expect(out).toContain('bold');
  });

  it('blanks front matter and reads its date', () => {
    const text = '---\ndate: 2026-01-07\ntitle: "Scholz said"\n---\nBody.';
    expect(prose(text).trim()).toBe('Body.');
    expect(readFrontMatter(text, 'a.md')?.data.date).toBe('2026-01-07');
  });

  it('reports malformed front matter with file, line and column', () => {
    const text = '---\ndate: 2026-01-07\ntitle: [unclosed\n---\nBody.';
    expect(() => readFrontMatter(text, 'a.md')).toThrowError(InputError);
    try {
      readFrontMatter(text, 'a.md');
    } catch (error) {
      expect((error as InputError).describe()).toBe(
        'a.md:3:1: front matter, line 3: a [ opens a value that is never closed: end it with ] on the same line',
      );
    }
  });

  it("says what is wrong with front matter in plain words, at the line to fix, not in the YAML parser's", () => {
    const said = (frontMatter: string) => {
      try {
        readFrontMatter(`---\n${frontMatter}\n---\nBody.`, 'a.md');
      } catch (error) {
        return (error as InputError).describe();
      }
      return 'accepted';
    };
    expect(said('date: 2026-01-07\nheadline: Merz: the chancellor')).toBe(
      'a.md:3:11: front matter, line 3: the value has ": " in it, which reads as another key: put it in quotes, ' +
        'headline: "Merz: the chancellor"',
    );
    expect(said('title: "Merz speaks\ndate: 2026-01-07')).toBe(
      'a.md:2:1: front matter, line 2: a " opens a value that is never closed: end it with " on the same line',
    );
    expect(said('date: 2026-01-07\n  author: Ann')).toBe(
      'a.md:3:1: front matter, line 3: this line is indented under a whole "key: value": remove the spaces before it',
    );
    expect(said('date: 2026-01-07\ndate: 2026-01-08')).toBe(
      'a.md:3:1: front matter, line 3: "date" is given twice: keep one',
    );
    for (const bad of ['x: @home', 'a:\n  - b\n c: 1', 'just words\nx: 1', 'x: 1\n\ty: 2'])
      expect(said(bad)).toMatch(/^a\.md:\d+:\d+: front matter, line \d+: (?!.*(YAML|mapping|implicit))/i);
  });

  it('reports front matter that is never closed', () => {
    expect(() => readFrontMatter('---\ndate: 2026\nBody.', 'a.md')).toThrow(/never closed/);
  });
});

describe('links', () => {
  const LINK = /!?\[([^\]\n]*)\](\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])/g;

  it('finds exactly the links the regular expression it replaced finds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('[', ']', '(', ')', '!', '\n', 'a', ' '), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const expected = [...text.matchAll(LINK)].map((m) => {
          const textEnd = m.index + m[0].length - (m[2]?.length ?? 0) - 1;
          return {
            start: m.index,
            textStart: m.index + (m[0].startsWith('!') ? 2 : 1),
            textEnd,
            end: m.index + m[0].length,
          };
        });
        expect(linkSpans(text)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps link text and blanks the markup and destination', () => {
    const text = 'See [the report](https://x.org/a_(b)) and ![a chart][fig] [unclosed';
    const out = prose(text);
    expect(out).toHaveLength(text.length);
    expect(out.replace(/ +/g, ' ')).toBe('See the report and a chart [unclosed');
  });

  it('reads a line of 200,000 "[" or "![" in work linear in its length', () => {
    for (const unit of ['[', '![', '[a](', '](']) {
      const small = workOf(() => proseOfMarkdown(unit.repeat(50_000), 0));
      const large = workOf(() => proseOfMarkdown(unit.repeat(200_000), 0));
      expect(large / small, unit).toBeLessThanOrEqual(4.2);
      expect(linkSpans(unit.repeat(200_000))).toEqual([]);
    }
  });
});
