import type { Span } from '../types.js';
import { lineSpans } from '../util/text.js';

/**
 * Paragraph spans of the prose. Articles either separate paragraphs with blank lines
 * (then a single line break is a soft wrap) or put one paragraph on each line.
 */
export function paragraphsOf(prose: string, blockStarts: readonly number[]): Span[] {
  const lines = lineSpans(prose);
  const blank = lines.map((l) => isBlank(prose, l));
  const firstText = blank.indexOf(false);
  const lastText = blank.lastIndexOf(false);
  let blankSeparated = false;
  for (let i = firstText + 1; i < lastText && !blankSeparated; i++) blankSeparated = blank[i] === true;
  const starts = blockStarts.length > 0 ? new Set(blockStarts) : null;
  const paragraphs: Span[] = [];
  let current: Span | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Span;
    if (blank[i]) {
      current = null;
      continue;
    }
    const content = trimmed(prose, line);
    if (current && blankSeparated && !starts?.has(line.start)) {
      current.end = content.end;
    } else {
      current = { start: content.start, end: content.end };
      paragraphs.push(current);
    }
  }
  return paragraphs;
}

function isWhitespace(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 0xa0 ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0xfeff
  );
}

function isBlank(text: string, line: Span): boolean {
  for (let i = line.start; i < line.end; i++) if (!isWhitespace(text.charCodeAt(i))) return false;
  return true;
}

function trimmed(text: string, line: Span): Span {
  let start = line.start;
  let end = line.end;
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}
