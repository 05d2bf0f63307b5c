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
    text = isoDay(day) ?? new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (formattedDays.size > 10_000) formattedDays.clear();
    formattedDays.set(day, text);
  }
  return text;
}

/**
 * YYYY-MM-DD of a day in years 0–9999 by arithmetic, as `Date#toISOString` writes it (whose
 * first call costs a cold run a millisecond or two); null outside those years.
 */
function isoDay(day: Day): string | null {
  if (!Number.isInteger(day)) return null;
  // Days to the civil date, counted in 400-year eras from 0000-03-01 (H. Hinnant's algorithm).
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return null;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${dayOfMonth < 10 ? '0' : ''}${dayOfMonth}`;
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
