import { dayOf, formatDay, parseDateSpec, type DayRange } from '../util/dates.js';
import type { DateSource } from '../types.js';

export interface ArticleDate {
  range: DayRange | null;
  source: DateSource;
  /** As given or found, for messages. */
  text: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = `(${[
  'Jan(?:uary|\\.)?',
  'Feb(?:ruary|\\.)?',
  'Mar(?:ch|\\.)?',
  'Apr(?:il|\\.)?',
  'May',
  'June?',
  'July?',
  'Aug(?:ust|\\.)?',
  'Sept?(?:ember|\\.)?',
  'Oct(?:ober|\\.)?',
  'Nov(?:ember|\\.)?',
  'Dec(?:ember|\\.)?',
].join('|')})`;
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'g');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\b`, 'g');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const PUBLISHED = /\b(?:published|updated|posted|first published)\b[^\n]{0,30}$/i;

export function dateFromSpec(spec: string, source: DateSource): ArticleDate | null {
  // A run gives every article the same --date (or a few front-matter dates): parse each once.
  let range = parsedSpecs.get(spec);
  if (range === undefined) {
    if (parsedSpecs.size >= MAX_PARSED_SPECS) parsedSpecs.clear();
    range = parseDateSpec(spec);
    parsedSpecs.set(spec, range);
  }
  // A copy each time: callers own what they are given.
  return range ? { range: { start: range.start, end: range.end }, source, text: spec } : null;
}

const parsedSpecs = new Map<string, DayRange | null>();
const MAX_PARSED_SPECS = 1000;

/**
 * The day of a front-matter timestamp as Hugo and Jekyll write them (`2026-01-07T09:30:00+01:00`,
 * `2026-01-07 09:30:00 +0100`, `2026-01-07T09:30Z`): the day written, which is the day in the
 * timestamp's own offset (converting to UTC would move a late-evening article to the next day).
 * Null when the text is not such a timestamp, or its time or offset is out of range.
 */
export function timestampDay(text: string): string | null {
  const match = TIMESTAMP.exec(text.trim());
  if (!match) return null;
  const [, day, hour, minute, second, offsetHours, offsetMinutes] = match;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 60) return null;
  if (Number(offsetHours ?? 0) > 14 || Number(offsetMinutes ?? 0) > 59) return null;
  return day ?? null;
}

const TIMESTAMP = new RegExp(
  [
    '^(\\d{4}-\\d{2}-\\d{2})', // the day
    '(?:[Tt]|[ \\t]+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?', // the time
    '[ \\t]*(?:Z|z|[+-](\\d{1,2})(?::?(\\d{2}))?)?$', // the offset
  ].join(''),
);

export function noDate(): ArticleDate {
  return { range: null, source: 'none', text: 'unknown' };
}

/**
 * A date the text states as its own: a dateline or "Published …" line near the top.
 * Only when exactly one such date is found; otherwise none.
 */
export function inferDate(prose: string): ArticleDate | null {
  const head = prose.slice(0, 1500);
  const found = new Set<number>();
  for (const { day, index, length } of datesIn(head)) {
    const lineStart = head.lastIndexOf('\n', index - 1) + 1;
    const lineEndIndex = head.indexOf('\n', index);
    const line = head.slice(lineStart, lineEndIndex === -1 ? head.length : lineEndIndex).trim();
    const before = head.slice(lineStart, index);
    const standalone = line.length - length <= 12;
    if (standalone || PUBLISHED.test(before)) found.add(day);
  }
  if (found.size !== 1) return null;
  const [day] = [...found];
  if (day === undefined) return null;
  return { range: { start: day, end: day }, source: 'inferred', text: formatDay(day) };
}

function* datesIn(text: string): Generator<{ day: number; index: number; length: number }> {
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    const day = toDay(m[3], m[1], m[2]);
    if (day !== null) yield { day, index: m.index, length: m[0].length };
  }
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    const day = toDay(m[3], m[2], m[1]);
    if (day !== null) yield { day, index: m.index, length: m[0].length };
  }
  for (const m of text.matchAll(ISO)) {
    const range = parseDateSpec(m[0]);
    if (range) yield { day: range.start, index: m.index, length: m[0].length };
  }
}

function toDay(year: string | undefined, month: string | undefined, dayOfMonth: string | undefined): number | null {
  const m = MONTHS.indexOf((month ?? '').slice(0, 3).toLowerCase());
  if (m < 0 || !year || !dayOfMonth) return null;
  const spec = `${year}-${String(m + 1).padStart(2, '0')}-${dayOfMonth.padStart(2, '0')}`;
  const range = parseDateSpec(spec);
  return range ? dayOf(Number(year), m + 1, Number(dayOfMonth)) : null;
}
