import { formatDay, overlaps, type DayRange } from '../util/dates.js';
import type { Office, Table, Term } from './table.js';

export function termsIn(table: Table, personId: string, officeIds: readonly string[]): Term[] {
  return (table.termsByPerson.get(personId) ?? []).filter((t) => officeIds.includes(t.officeId));
}

/** True if the person may have held the office on some day of the range. */
export function heldDuring(terms: readonly Term[], range: DayRange): boolean {
  return terms.some((t) => overlaps(t.range, range));
}

/** True if one term surely covers every day of the range. */
export function heldThroughout(terms: readonly Term[], range: DayRange): boolean {
  return terms.some((t) => t.range.start <= range.start && t.range.end >= range.end);
}

export function holdersDuring(office: Office, range: DayRange): Term[] {
  return office.terms.filter((t) => overlaps(t.range, range));
}

/**
 * True if the office's holder list is complete for every day of the range (`complete:`, by default
 * from its first term on).
 */
export function coversRange(office: Office, range: DayRange): boolean {
  const complete = office.complete;
  return complete !== null && complete.start <= range.start && complete.end >= range.end;
}

export function describeTerm(term: Term): string {
  const acting = term.acting ? 'acting, ' : '';
  return term.endText ? `${acting}${term.startText} to ${term.endText}` : `${acting}since ${term.startText}`;
}

/** "2026-01-07", "2005", "2004–2005", or "2025-03-01/2025-06-30". */
export function describeRange(range: DayRange): string {
  if (range.start === range.end) return formatDay(range.start);
  const start = formatDay(range.start);
  const end = formatDay(range.end);
  if (start.endsWith('-01-01') && end.endsWith('-12-31')) {
    return start.slice(0, 4) === end.slice(0, 4) ? start.slice(0, 4) : `${start.slice(0, 4)}–${end.slice(0, 4)}`;
  }
  return `${start}/${end}`;
}

/** "on 2026-01-07", "in 2005". */
export function onOrIn(dateText: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(dateText) ? `on ${dateText}` : `in ${dateText}`;
}

export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
