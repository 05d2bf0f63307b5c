import { formatDay, FAR_FUTURE, overlaps, yearOf, type Day, type DayRange } from '../util/dates.js';
import { fold } from '../util/text.js';
import { phraseKeys } from '../scan/tokens.js';
import { describeTerm } from './query.js';
import type { Office, Person, Table, Term } from './table.js';
import { phraseGet } from '../util/phrase-index.js';

export interface LintProblem {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  message: string;
}

export interface LintOptions {
  today: Day;
  /** A gap between consecutive holders longer than this many days is reported. */
  gapDays?: number;
}

/** Consistency problems a schema cannot see: overlaps, gaps, future dates, terms after death. */
export function lintTable(table: Table, options: LintOptions): LintProblem[] {
  const problems: LintProblem[] = [];
  const gapDays = options.gapDays ?? 45;
  for (const office of table.offices.values()) {
    problems.push(...futureDates(office, options.today));
    problems.push(...termsAfterDeath(office, table));
    if (office.concurrent) continue;
    problems.push(...overlapsAndGaps(office, gapDays));
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

function at(term: Term, severity: LintProblem['severity'], message: string): LintProblem {
  return { severity, file: term.file, line: term.line, message };
}

const SCHEDULED_END = 'a scheduled end is not an observed one; leave "end" out until it happens';

function futureDates(office: Office, today: Day): LintProblem[] {
  return office.terms.flatMap((term) => {
    const problems: LintProblem[] = [];
    if (term.range.start > today)
      problems.push(at(term, 'error', `${office.id}: ${term.personId} starts in the future (${term.startText})`));
    if (term.endText && term.range.end > today)
      problems.push(
        at(
          term,
          'warning',
          `${office.id}: ${term.personId}'s term ends in the future (${term.endText}): ${SCHEDULED_END}`,
        ),
      );
    return problems;
  });
}

function termsAfterDeath(office: Office, table: Table): LintProblem[] {
  return office.terms.flatMap((term) => {
    const died = table.people.get(term.personId)?.died;
    if (!died) return [];
    if (term.range.start > died.end)
      return [
        at(
          term,
          'error',
          `${office.id}: ${term.personId} starts a term (${term.startText}) after dying (${formatDay(died.start)})`,
        ),
      ];
    if (term.range.end > died.end)
      return [
        at(
          term,
          'error',
          `${office.id}: ${term.personId}'s term ${ends(term)}, after their death (${formatDay(died.start)})`,
        ),
      ];
    return [];
  });
}

function ends(term: Term): string {
  return term.endText ? `ends ${term.endText}` : 'has no end';
}

function overlapsAndGaps(office: Office, gapDays: number): LintProblem[] {
  const problems: LintProblem[] = [];
  const terms = [...office.terms].sort((a, b) => a.range.start - b.range.start);
  const open = terms.filter((t) => t.endText === null);
  if (open.length > 1)
    problems.push(
      at(
        open[1] as Term,
        'error',
        `${office.id}: ${open.length} holders without an end date (${open.map((t) => t.personId).join(', ')})`,
      ),
    );
  for (let i = 1; i < terms.length; i++) {
    const previous = terms[i - 1] as Term;
    const current = terms[i] as Term;
    const shared = Math.min(previous.range.end, current.range.end) - current.range.start;
    // Terms include both ends, so a handover day belongs to both holders: one shared day is normal.
    const bothOpen = previous.endText === null && current.endText === null;
    if (shared > 0 && !bothOpen && !(previous.acting || current.acting) && previous.personId !== current.personId) {
      const length = previous.endText === null ? 'while that term is still open' : `by ${shared} days`;
      const other = `${previous.personId} (${describeTerm(previous)})`;
      problems.push(
        at(
          current,
          'error',
          `${office.id}: ${current.personId} (${describeTerm(current)}) overlaps ${other} ${length}`,
        ),
      );
    }
    const gap = current.range.start - previous.range.end;
    const declared = office.vacancies.some(
      (v) => v.start <= previous.range.end + 1 && v.end >= current.range.start - 1,
    );
    if (gap > gapDays && previous.range.end !== FAR_FUTURE && !declared) {
      const before = `${previous.personId} (to ${previous.endText ?? '?'})`;
      const after = `${current.personId} (from ${current.startText})`;
      problems.push(
        at(
          current,
          'warning',
          `${office.id}: no holder for ${gap} days between ${before} and ${after}: a vacancy, or a missing holder?`,
        ),
      );
    }
  }
  return problems;
}

/** Offices matching an office id, an office name, or a title with an optional country word ("German Chancellor"). */
export function findOffices(table: Table, query: string): Office[] {
  const byId = table.offices.get(query.trim());
  if (byId) return [byId];
  const wanted = fold(query.trim());
  const byName = [...table.offices.values()].filter((o) => fold(o.name) === wanted);
  if (byName.length) return byName;
  const keys = phraseKeys(query);
  const countries = new Set<string>();
  let rest = keys;
  for (let n = Math.min(3, keys.length - 1); n >= 1; n--) {
    const codes = countryCodesOf(table, keys.slice(0, n));
    if (codes.length) {
      for (const c of codes) countries.add(c);
      rest = keys.slice(n);
      break;
    }
  }
  const title = rest.filter((k, i) => k !== 'the' || i === 0).join(' ');
  return [...table.offices.values()].filter(
    (o) =>
      o.titles.some(
        (t) =>
          phraseKeys(t)
            .filter((k, i) => k !== 'the' || i === 0)
            .join(' ') === title,
      ) &&
      (countries.size === 0 || countries.has(o.country ?? '')),
  );
}

function countryCodesOf(table: Table, keys: readonly string[]): string[] {
  let node = table.countryWords;
  for (const key of keys) {
    const next = node.next.get(key.replace(/'s$/, ''));
    if (!next) return [];
    node = next;
  }
  return node.value ?? [];
}

export interface Holding {
  office: Office;
  terms: Term[];
}

/** Who held each matching office at some time in the range. */
export function whoHeld(table: Table, query: string, range: DayRange): Holding[] {
  return findOffices(table, query).map((office) => ({
    office,
    terms: office.terms.filter((t) => overlaps(t.range, range)),
  }));
}

/** A person by house-style name, variant, or (if unambiguous) surname. */
export function findPeople(table: Table, query: string): Person[] {
  const wanted = phraseKeys(query).join(' ');
  const exact = [...table.people.values()].filter((p) =>
    [p.id, p.name, ...p.variants].some((n) => phraseKeys(n).join(' ') === wanted),
  );
  if (exact.length) return exact;
  return (phraseGet(table.surnames, phraseKeys(query)) ?? [])
    .map((id) => table.people.get(id))
    .filter((p): p is Person => p !== undefined);
}

export interface TableStats {
  offices: number;
  people: number;
  terms: number;
  byCountry: { country: string; offices: number; terms: number; people: number; from: number | null }[];
  /** For each year, how many offices have a recorded holder on 1 July. */
  byYear: { year: number; offices: number }[];
}

export function tableStats(table: Table, today: Day): TableStats {
  const countries = new Map<string, { offices: number; terms: number; people: Set<string>; from: number | null }>();
  let terms = 0;
  for (const office of table.offices.values()) {
    const entry = countries.get(office.country ?? '—') ?? {
      offices: 0,
      terms: 0,
      people: new Set<string>(),
      from: null,
    };
    entry.offices++;
    entry.terms += office.terms.length;
    terms += office.terms.length;
    for (const term of office.terms) {
      entry.people.add(term.personId);
      const year = yearOf(term.range.start);
      entry.from = entry.from === null ? year : Math.min(entry.from, year);
    }
    countries.set(office.country ?? '—', entry);
  }
  const byYear: TableStats['byYear'] = [];
  for (let year = 2000; year <= yearOf(today); year++) {
    const midYear = Date.UTC(year, 6, 1) / 86_400_000;
    const held = [...table.offices.values()].filter((o) =>
      o.terms.some((t) => t.range.start <= midYear && t.range.end >= midYear),
    ).length;
    byYear.push({ year, offices: held });
  }
  return {
    offices: table.offices.size,
    people: table.people.size,
    terms,
    byCountry: [...countries.entries()]
      .map(([country, e]) => ({ country, offices: e.offices, terms: e.terms, people: e.people.size, from: e.from }))
      .sort((a, b) => a.country.localeCompare(b.country)),
    byYear,
  };
}
