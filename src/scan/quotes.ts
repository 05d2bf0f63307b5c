import type { Span } from '../types.js';
import { isAsciiWordCode } from './tokens.js';
import { tally } from '../util/work.js';

export interface QuoteSpan {
  /** From the opening mark to just after the closing mark. */
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
  paragraph: number;
  endParagraph: number;
  /** False when the paragraph ended before a closing mark. */
  closed: boolean;
  marks: 'double' | 'single';
}

type Role = 'open' | 'close' | 'either' | 'apostrophe';

const OPENING_CONTEXT = new Set(['(', '[', '{', '—', '–', '-', '/', '“', '‘', '"', "'"]);
const CLOSING_CONTEXT = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '—', '–', '”', '’', '"', "'", '…']);
const codesOf = (chars: ReadonlySet<string>): ReadonlySet<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
const OPENING_CODES = codesOf(OPENING_CONTEXT);
const CLOSING_CODES = codesOf(CLOSING_CONTEXT);
const NONE = -1;
const SENTENCE_END = new Set(['.', '?', '!', '…']);

// ASCII answered by code; only other characters go to the (Unicode-aware) regexes.
function isSpace(c: string | undefined): boolean {
  return isSpaceCode(c === undefined ? NONE : c.charCodeAt(0));
}

function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return isAsciiWordCode(code);
  return /[\p{L}\p{N}]/u.test(c);
}

/** `isSpace` by code unit (NONE: outside the paragraph, which counts as space). */
function isSpaceCode(code: number): boolean {
  if (code === NONE) return true;
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(String.fromCharCode(code));
}

function doubleRole(text: string, i: number, start: number, end: number, width = 1): Role {
  const c = text.charCodeAt(i);
  if (c === 0x201c || c === 0x201e) return 'open';
  if (c === 0x201d) return 'close';
  // Read as code units, not one-character strings: this runs for every double quote mark.
  const before = i > start ? text.charCodeAt(i - 1) : NONE;
  const after = i + width < end ? text.charCodeAt(i + width) : NONE;
  const openSide = isSpaceCode(before) || OPENING_CODES.has(before);
  const closeSide = isSpaceCode(after) || CLOSING_CODES.has(after);
  if (openSide && !closeSide) return 'open';
  if (closeSide && !openSide) return 'close';
  return 'either';
}

function singleRole(text: string, i: number, start: number, end: number): Role {
  const c = text[i];
  const before = i > start ? text[i - 1] : undefined;
  const after = i + 1 < end ? text[i + 1] : undefined;
  if (isWordChar(before) && isWordChar(after)) return 'apostrophe';
  if (c === '‘') return /^\d\ds?\b/.test(text.slice(i + 1, i + 4)) ? 'apostrophe' : 'open';
  const openSide = isSpace(before) || OPENING_CONTEXT.has(before ?? '');
  if (openSide && isWordChar(after)) return c === '’' ? 'apostrophe' : 'open';
  if (!openSide) return 'close';
  return 'apostrophe';
}

const ANY_QUOTE_MARK = /["'\u2018-\u201e]/g;

/**
 * The offset of the next possible quote mark at or after i (the text's length if none): the regex
 * engine skips prose far faster than a loop.
 */
function nextQuoteMark(text: string, i: number): number {
  tally();
  ANY_QUOTE_MARK.lastIndex = i;
  return ANY_QUOTE_MARK.exec(text)?.index ?? text.length;
}

/**
 * ' or ’ between two ASCII letters or digits ("it's", "Blair’s"): an apostrophe, settled before
 * anything else is asked of it.
 */
function isPlainApostrophe(text: string, i: number, paragraph: Span): boolean {
  const c = text.charCodeAt(i);
  if (c !== 39 && c !== 0x2019) return false;
  return (
    i > paragraph.start &&
    i + 1 < paragraph.end &&
    isAsciiWordCode(text.charCodeAt(i - 1)) &&
    isAsciiWordCode(text.charCodeAt(i + 1))
  );
}

function isDoubleMark(c: string | undefined): boolean {
  return c === '"' || c === '“' || c === '”' || c === '„';
}

function isSingleMark(c: string | undefined): boolean {
  return c === "'" || c === '‘' || c === '’';
}

function lastNonSpace(text: string, before: number, start: number): string | undefined {
  for (let i = before - 1; i >= start; i--) {
    tally();
    if (!isSpace(text[i])) return text[i];
  }
  return undefined;
}

interface OpenQuote {
  start: number;
  paragraph: number;
  marks: 'double' | 'single';
  /** 2 for the '' that some archives (The New York Times) use as a double quote mark. */
  width: number;
}

/** Two apostrophes used as one double quote mark: ''like this''. */
function isApostrophePair(text: string, i: number): boolean {
  return text[i] === "'" && text[i + 1] === "'" && text[i + 2] !== "'";
}

/**
 * Every quotation in the prose, in one linear pass. Unclosed quotes end with their
 * paragraph unless the next paragraph opens with a quote mark (the multi-paragraph
 * quote convention); unclosed single quotes are taken for apostrophes.
 */
export function scanQuotes(prose: string, paragraphs: readonly Span[]): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  let open: OpenQuote | null = null;
  // Where the next quote mark is; searched again only once passed, so the whole scan stays linear.
  let nextMark = -1;
  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index] as Span;
    let i = paragraph.start;
    if (open) i = skipContinuationMark(prose, paragraph) ?? i;
    let nested = false;
    for (; i < paragraph.end; i++) {
      tally();
      if (nextMark < i) nextMark = nextQuoteMark(prose, i);
      i = nextMark;
      if (i >= paragraph.end) break;
      if (isPlainApostrophe(prose, i, paragraph)) continue;
      const c = prose[i];
      const pair = isApostrophePair(prose, i);
      if (isDoubleMark(c) || pair) {
        const width = pair ? 2 : 1;
        const role = doubleRole(prose, i, paragraph.start, paragraph.end, width);
        if (open?.marks === 'double') {
          if (role === 'open' && reopensAfterSentence(prose, i, open.start)) {
            i += width - 1;
            continue;
          }
          if (role === 'open' && c !== '"' && !pair) continue;
          quotes.push(finish(open, i + width, index, true, width));
          open = null;
          nested = false;
        } else if (!open && role !== 'close') {
          open = { start: i, paragraph: index, marks: 'double', width };
        }
        i += width - 1;
      } else if (isSingleMark(c)) {
        const role = singleRole(prose, i, paragraph.start, paragraph.end);
        if (role === 'apostrophe') continue;
        if (open?.marks === 'double') {
          if (nested && role !== 'open') nested = false;
          else if (!nested && role === 'open') nested = true;
        } else if (open?.marks === 'single') {
          if (role !== 'open') {
            quotes.push(finish(open, i + 1, index, true, 1));
            open = null;
          }
        } else if (role === 'open') {
          open = { start: i, paragraph: index, marks: 'single', width: 1 };
        }
      }
    }
    if (!open) continue;
    if (open.marks === 'single') {
      open = null;
      continue;
    }
    const next = index + 1 < paragraphs.length ? paragraphs[index + 1] : undefined;
    if (next && skipContinuationMark(prose, next) !== null) continue;
    quotes.push(finish(open, paragraph.end, index, false, 0));
    open = null;
  }
  return quotes;
}

/**
 * A straight or curly opening mark right after a sentence end, inside an open quote: the writer
 * dropped the closing mark.
 */
function reopensAfterSentence(text: string, i: number, openedAt: number): boolean {
  return SENTENCE_END.has(lastNonSpace(text, i, openedAt + 1) ?? '');
}

/** When a paragraph opens with a double quote mark, the offset just after it. */
function skipContinuationMark(text: string, paragraph: Span): number | null {
  const c = text[paragraph.start];
  if (
    isApostrophePair(text, paragraph.start) &&
    doubleRole(text, paragraph.start, paragraph.start, paragraph.end, 2) === 'open'
  )
    return paragraph.start + 2;
  if (c === '“' || c === '„') return paragraph.start + 1;
  if (c === '"' && doubleRole(text, paragraph.start, paragraph.start, paragraph.end) === 'open')
    return paragraph.start + 1;
  return null;
}

function finish(open: OpenQuote, end: number, paragraph: number, closed: boolean, closeWidth: number): QuoteSpan {
  return {
    start: open.start,
    end,
    innerStart: open.start + open.width,
    innerEnd: end - closeWidth,
    paragraph: open.paragraph,
    endParagraph: paragraph,
    closed,
    marks: open.marks,
  };
}
