import { describe, expect, it } from 'vitest';
import { lineSpans, lineStarts } from '../../src/util/text.js';

const lines = (text: string, from = 0) => lineSpans(text, from).map((l) => text.slice(l.start, l.end));

describe('lineSpans', () => {
  it('splits at LF, CRLF and a lone CR, with or without CRs elsewhere in the text', () => {
    expect(lines('a\nb\n\nc')).toEqual(['a', 'b', '', 'c']);
    expect(lines('a\r\nb\rc\n\rd')).toEqual(['a', 'b', 'c', '', 'd']);
    expect(lineSpans('a\r\nb')).toEqual([
      { start: 0, end: 1 },
      { start: 3, end: 4 },
    ]);
  });

  it('ends with an empty line when the text ends in a break, and gives one line for empty text', () => {
    expect(lines('a\n')).toEqual(['a', '']);
    expect(lines('a\r\n')).toEqual(['a', '']);
    expect(lines('')).toEqual(['']);
  });

  it('starts at an offset, and gives nothing past the end', () => {
    expect(lines('head\nx\ny', 5)).toEqual(['x', 'y']);
    expect(lines('head\r\nx\r\ny', 6)).toEqual(['x', 'y']);
    expect(lineSpans('ab', 2)).toEqual([{ start: 2, end: 2 }]);
    expect(lineSpans('ab', 3)).toEqual([]);
  });

  it('gives the same lines with and without the no-CR shortcut', () => {
    const text = 'one\ntwo\n\nthree\n';
    expect(lines(text)).toEqual(lines(`${text}\r`).slice(0, -1));
  });
});

describe('lineStarts', () => {
  it('is the start of every line', () => {
    expect(lineStarts('a\nbc\r\nd\re')).toEqual([0, 2, 6, 8]);
    expect(lineStarts('')).toEqual([0]);
  });
});
