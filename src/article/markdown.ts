import type { Span } from '../types.js';
import { lineSpans } from '../util/text.js';

/**
 * Markdown → prose. The result is a copy of the text of the same length in which
 * everything that is not prose (front matter, code, HTML comments and tags, link
 * URLs, markup characters) is blanked with spaces, so every offset found in the prose
 * is an offset into the original file.
 */
import { tally } from '../util/work.js';

export interface Comment {
  start: number;
  end: number;
  body: string;
}

export interface Prose {
  text: string;
  /** HTML comments (for `factlint-disable` directives). */
  comments: Comment[];
  /** Offsets of lines that start a Markdown block (heading, list item, quote). */
  blockStarts: number[];
}

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?)\]'’]/g;

export function proseOfText(text: string, bodyStart: number): Prose {
  if (isPlainProse(text, bodyStart)) return { text, comments: [], blockStarts: [] };
  const chars = new Chars(text);
  blankRange(chars, 0, bodyStart);
  if (text.charCodeAt(0) === 0xfeff) chars.set(0, ' ');
  const comments = text.includes('<!--') ? blankComments(text, chars, bodyStart) : [];
  if (text.includes('http') || text.includes('www.')) blankUrls(chars.text(), chars);
  return { text: chars.text(), comments, blockStarts: [] };
}

export function proseOfMarkdown(text: string, bodyStart: number): Prose {
  const chars = new Chars(text);
  blankRange(chars, 0, bodyStart);
  if (text.charCodeAt(0) === 0xfeff) chars.set(0, ' ');
  const comments = blankComments(text, chars, bodyStart);
  const blockStarts: number[] = [];
  blankCodeFences(text, chars, bodyStart);
  blankLines(text, chars, bodyStart, blockStarts);
  blankInline(chars);
  blankUrls(chars.text(), chars);
  return { text: chars.text(), comments, blockStarts };
}

/** Nothing to blank (the usual plain-text article): the text is its own prose, no copy needed. */
function isPlainProse(text: string, bodyStart: number): boolean {
  if (
    bodyStart > 0 ||
    text.charCodeAt(0) === 0xfeff ||
    text.includes('<!--') ||
    text.includes('http') ||
    text.includes('www.')
  )
    return false;
  // The copy would turn lone surrogates into U+FFFD; keep that behaviour for such text.
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

const utf16 = new TextDecoder('utf-16le');

/** The text as UTF-16 code units, blanked in place: far cheaper than an array of one-character strings. */
class Chars {
  private readonly codes: Uint16Array;

  constructor(text: string) {
    tally(text.length);
    this.codes = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) this.codes[i] = text.charCodeAt(i);
  }

  get length(): number {
    return this.codes.length;
  }

  at(i: number): string | undefined {
    return i >= 0 && i < this.codes.length ? String.fromCharCode(this.codes[i] ?? 0) : undefined;
  }

  set(i: number, c: string): void {
    this.codes[i] = c.charCodeAt(0);
  }

  isLineBreak(i: number): boolean {
    const c = this.codes[i];
    return c === 10 || c === 13;
  }

  slice(start: number, end: number): string {
    return utf16.decode(this.codes.subarray(start, end));
  }

  /** The current text (lone surrogates become U+FFFD, one unit for one: offsets do not move). */
  text(): string {
    tally(this.codes.length);
    return utf16.decode(this.codes);
  }
}

function blankRange(chars: Chars, start: number, end: number): Chars {
  tally(end - start);
  for (let i = start; i < end; i++) if (!chars.isLineBreak(i)) chars.set(i, ' ');
  return chars;
}

function blankComments(text: string, chars: Chars, from: number): Comment[] {
  const comments: Comment[] = [];
  let at = text.indexOf('<!--', from);
  while (at !== -1) {
    tally();
    const close = text.indexOf('-->', at + 4);
    const end = close === -1 ? text.length : close + 3;
    comments.push({ start: at, end, body: text.slice(at + 4, close === -1 ? end : close).trim() });
    blankRange(chars, at, end);
    at = close === -1 ? -1 : text.indexOf('<!--', end);
  }
  return comments;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

function blankCodeFences(text: string, chars: Chars, from: number): void {
  let open: { marker: string; start: number } | null = null;
  for (const line of lineSpans(text, from)) {
    const fence = FENCE.exec(text.slice(line.start, line.end));
    if (open) {
      const closes = fence?.[1] && fence[1][0] === open.marker[0] && fence[1].length >= open.marker.length;
      blankRange(chars, line.start, line.end);
      if (closes) open = null;
    } else if (fence?.[1]) {
      open = { marker: fence[1], start: line.start };
      blankRange(chars, line.start, line.end);
    }
  }
}

const BLOCK_MARKER = /^( {0,3})(#{1,6}(?=\s|$)|>+|[-*+](?=\s)|\d{1,9}[.)](?=\s))/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S+/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;

/** Block markup at the start of lines: headings, quotes, list markers, link definitions. */
function blankLines(text: string, chars: Chars, from: number, blockStarts: number[]): void {
  for (const line of lineSpans(text, from)) {
    const content = chars.slice(line.start, line.end);
    if (LINK_DEFINITION.test(content) || THEMATIC_BREAK.test(content)) {
      blankRange(chars, line.start, line.end);
      continue;
    }
    const marker = BLOCK_MARKER.exec(content);
    if (!marker?.[2]) continue;
    blockStarts.push(line.start);
    const markerStart = line.start + (marker[1]?.length ?? 0);
    blankRange(chars, markerStart, markerStart + marker[2].length);
    if (marker[2].startsWith('#')) blankTrailingHashes(chars, line);
  }
}

function blankTrailingHashes(chars: Chars, line: Span): void {
  let i = line.end - 1;
  while (i > line.start && chars.at(i) === ' ') i--;
  while (i > line.start && chars.at(i) === '#') chars.set(i--, ' ');
}

/** Inline code, links, images, autolinks, HTML tags, emphasis and escapes. */
function blankInline(chars: Chars): void {
  const text = chars.text();
  blankInlineCode(text, chars);
  const afterCode = chars.text();
  blankPattern(
    afterCode,
    chars,
    /<(?:[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?|\/[a-zA-Z][a-zA-Z0-9-]*\s*|(?:https?|mailto):[^<>\s]*)>/g,
  );
  blankLinks(afterCode, chars);
  blankPattern(afterCode, chars, /\\(?=[\\`*_{}[\]()#+\-.!"])/g);
  blankEmphasis(afterCode, chars);
}

function blankPattern(text: string, chars: Chars, pattern: RegExp): void {
  for (const match of text.matchAll(pattern)) {
    tally();
    blankRange(chars, match.index, match.index + match[0].length);
  }
}

function blankInlineCode(text: string, chars: Chars): void {
  const runs = [...text.matchAll(/`+/g)];
  const nextSameLength = new Array<number>(runs.length).fill(-1);
  const lastSeen = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const length = runs[i]?.[0].length ?? 0;
    nextSameLength[i] = lastSeen.get(length) ?? -1;
    lastSeen.set(length, i);
  }
  tally(runs.length);
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i];
    const closeIndex = nextSameLength[i] ?? -1;
    const close = runs[closeIndex];
    tally(1 + (close ? close.index - (open?.index ?? 0) : 0));
    if (!open || !close || text.slice(open.index, close.index).includes('\n\n')) continue;
    blankRange(chars, open.index, close.index + close[0].length);
    i = closeIndex;
  }
}

/** `[text](url)`, `![alt](url)`, `[text][ref]`: keep the text, blank the rest. */
function blankLinks(text: string, chars: Chars): void {
  for (const link of linkSpans(text)) {
    blankRange(chars, link.start, link.textStart);
    blankRange(chars, link.textEnd, link.end);
  }
}

export interface LinkSpan {
  start: number;
  /** Where the link text starts (after `[` or `![`) and ends (at its `]`). */
  textStart: number;
  textEnd: number;
  end: number;
}

const BACKSLASH_N = 10;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const BANG = 33;

/**
 * The links `!?\[([^\]\n]*)\](\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])` matches, left to
 * right, in time linear in the text: what follows a `]` is worked out once per `]` and shared by
 * every `[` before it (the regular expression read to the end of the line from each `[`, so a
 * line of 200,000 `[` took a minute).
 */
export function linkSpans(text: string): LinkSpan[] {
  const links: LinkSpan[] = [];
  if (!text.includes('[')) return links;
  const nextClose = nextOnLine(text, CLOSE_BRACKET);
  const destinationEnd = destinationEnds(text);
  let i = text.indexOf('[');
  while (i !== -1 && i < text.length) {
    tally();
    const start = i > 0 && text.charCodeAt(i - 1) === BANG ? i - 1 : i;
    const close = nextClose[i + 1] ?? -1;
    const end = close === -1 ? -1 : linkEnd(text, close, nextClose, destinationEnd);
    if (end === -1) {
      i = text.indexOf('[', i + 1);
      continue;
    }
    links.push({ start, textStart: i + 1, textEnd: close, end });
    i = text.indexOf('[', end);
  }
  return links;
}

/** After the link text's `]`: `(destination)` or `[label]`; the end of the link, or -1. */
function linkEnd(text: string, close: number, nextClose: Int32Array, destinationEnd: Int32Array): number {
  const after = text.charCodeAt(close + 1);
  if (after === OPEN_PAREN) return destinationEnd[close + 2] ?? -1;
  if (after !== OPEN_BRACKET) return -1;
  const labelClose = nextClose[close + 2] ?? -1;
  return labelClose === -1 ? -1 : labelClose + 1;
}

/** For each offset, the next offset on the same line holding `code` (the offset itself included), or -1. */
function nextOnLine(text: string, code: number): Int32Array {
  tally(text.length);
  const next = new Int32Array(text.length + 1).fill(-1);
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    next[i] = c === code ? i : c === BACKSLASH_N ? -1 : (next[i + 1] ?? -1);
  }
  return next;
}

/**
 * For each offset just after a `(`, the end of `(?:[^()\n]|\([^()\n]*\))*\)` read from it (a
 * destination with parentheses one level deep), or -1: filled from the end of the text, so
 * every offset is decided once.
 */
function destinationEnds(text: string): Int32Array {
  tally(text.length);
  const end = new Int32Array(text.length + 1).fill(-1);
  let nextParen = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === CLOSE_PAREN) end[i] = i + 1;
    else if (c === BACKSLASH_N) end[i] = -1;
    else if (c === OPEN_PAREN) {
      // A nested `(…)` must close before any other parenthesis or the line's end.
      end[i] = nextParen !== -1 && text.charCodeAt(nextParen) === CLOSE_PAREN ? (end[nextParen + 1] ?? -1) : -1;
    } else end[i] = end[i + 1] ?? -1;
    if (c === OPEN_PAREN || c === CLOSE_PAREN) nextParen = i;
    else if (c === BACKSLASH_N) nextParen = -1;
  }
  return end;
}

function blankEmphasis(text: string, chars: Chars): void {
  for (const match of text.matchAll(
    /(?<![\p{L}\p{N}])[*_]{1,3}(?=[\p{L}\p{N}"“‘'])|(?<=[\p{L}\p{N}.,!?"”’'])[*_]{1,3}(?![\p{L}\p{N}])/gu,
  )) {
    tally();
    blankRange(chars, match.index, match.index + match[0].length);
  }
}

function blankUrls(text: string, chars: Chars): void {
  blankPattern(text, chars, URL_PATTERN);
}
