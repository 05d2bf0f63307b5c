import type { Span } from '../types.js';
import { tally } from '../util/work.js';

/**
 * Paragraph spans of the prose. Articles either separate paragraphs with blank lines
 * (then a single line break is a soft wrap) or put one paragraph on each line.
 */
export function paragraphsOf(prose: string, blockStarts: readonly number[]): Span[] {
  const lines = splitLines(prose);
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

function splitLines(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  if (text.indexOf('\r') === -1) {
    // No CR at all (the usual case): let indexOf find the line feeds.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
      tally();
      lines.push({ start, end: i });
      start = i + 1;
    }
    lines.push({ start, end: text.length });
    return lines;
  }
  for (let i = 0; i <= text.length; i++) {
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
