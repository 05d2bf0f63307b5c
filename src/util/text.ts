import { tally } from './work.js';
import type { Span } from '../types.js';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPECIAL_LETTERS: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };
const SPECIAL_PATTERN = /[ıłøđßæœþ]/g;
const APOSTROPHES = /[’‘`´]/g;

/** Lower case without diacritics, for matching names however copy spells them. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (isAscii(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(SPECIAL_PATTERN, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(APOSTROPHES, "'");
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * The lines of `text` from offset `from` on, without their line breaks: LF, CRLF or a lone
 * CR. The last line runs to the end of the text (empty when the text ends in a break).
 */
export function lineSpans(text: string, from = 0): Span[] {
  const lines: Span[] = [];
  if (from > text.length) return lines;
  let start = from;
  if (text.indexOf('\r', from) === -1) {
    // No CR at all (the usual case): let indexOf find the line feeds.
    for (let i = text.indexOf('\n', from); i !== -1; i = text.indexOf('\n', start)) {
      tally();
      lines.push({ start, end: i });
      start = i + 1;
    }
    lines.push({ start, end: text.length });
    return lines;
  }
  for (let i = from; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (i === text.length || c === 10 || c === 13) {
      tally();
      lines.push({ start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}

/** Start offsets of every line (see lineSpans). */
export function lineStarts(text: string): number[] {
  return lineSpans(text).map((line) => line.start);
}

export interface LineColumn {
  line: number;
  column: number;
}

/** 1-based line and UTF-16 column of an offset. */
export function positionAt(starts: readonly number[], offset: number): LineColumn {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/** Code-unit order: the same on every machine, unlike `localeCompare` (which also costs ICU's start-up). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
