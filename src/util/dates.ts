/**
 * Day-precise dates. A day is an integer (days since 1970-01-01, UTC); an imprecise
 * date such as `2025` or `2025-05` is the interval of every day it may mean.
 */
export type Day = number;

export interface DayRange {
  start: Day;
  end: Day;
}

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Month names in lower case, January first. */
export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export const FAR_FUTURE: Day = dayOf(9999, 12, 31);

export function dayOf(year: number, month: number, day: number): Day {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

// Every report formats the article's dates several times; Date#toISOString is slow enough to show in profiles.
const formattedDays = new Map<Day, string>();

export function formatDay(day: Day): string {
  let text = formattedDays.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (formattedDays.size > 10_000) formattedDays.clear();
    formattedDays.set(day, text);
  }
  return text;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` → every day it may mean, or null when not a real date. */
export function parsePartialDate(text: string): DayRange | null {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1000) return null;
  if (match[2] === undefined) return { start: dayOf(year, 1, 1), end: dayOf(year, 12, 31) };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined)
    return { start: dayOf(year, month, 1), end: dayOf(year, month, daysInMonth(year, month)) };
  const dayOfMonth = Number(match[3]);
  if (dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) return null;
  const day = dayOf(year, month, dayOfMonth);
  return { start: day, end: day };
}

/** A date or an interval `A/B` of dates, as accepted by `--date` and front matter. */
export function parseDateSpec(text: string): DayRange | null {
  const parts = text.trim().split('/');
  if (parts.length > 2) return null;
  const first = parsePartialDate(parts[0] ?? '');
  if (!first) return null;
  if (parts.length === 1) return first;
  const second = parsePartialDate(parts[1] ?? '');
  if (!second || second.end < first.start) return null;
  return { start: first.start, end: second.end };
}

export function overlaps(a: DayRange, b: DayRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}
