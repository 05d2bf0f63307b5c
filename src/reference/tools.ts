import { formatDay, FAR_FUTURE, overlaps, yearOf, type Day, type DayRange } from '../util/dates.js';
import { fold } from '../util/text.js';
import { phraseKeys } from '../util/phrase-keys.js';
import { describeTerm } from './query.js';
import type { Office, Person, Table, Term } from './table.js';
import { phraseGet } from '../util/phrase-index.js';

export interface LintProblem {
  severity: 'error' | 'warning' | 'info';
  file: string;
  line: number;
  message: string;
}

export interface LintOptions {
  today: Day;
  /** A gap between consecutive holders longer than this many days is reported (default: a year). */
  gapDays?: number;
}

export const DEFAULT_GAP_DAYS = 365;

/**
 * Consistency problems a schema cannot see: overlaps, gaps, future dates, terms after death,
 * one person in two offices no one can hold together, and titles that two offices of one
 * country share (listed as info, so that the checker's choice between them is deliberate).
 */
export function lintTable(table: Table, options: LintOptions): LintProblem[] {
  const problems: LintProblem[] = [];
  const gapDays = options.gapDays ?? DEFAULT_GAP_DAYS;
  for (const office of table.offices.values()) {
    problems.push(...futureDates(office, options.today));
    problems.push(...termsAfterDeath(office, table));
    if (office.concurrent) continue;
    problems.push(...overlapsAndGaps(office, gapDays));
  }
  problems.push(...exclusiveOffices(table));
  problems.push(...sharedTitles(table));
  const rank = { error: 0, warning: 1, info: 2 };
  return problems.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || rank[a.severity] - rank[b.severity],
  );
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

/** Days two terms share beyond the one day a handover gives both (terms include both ends). */
function sharedDays(a: Term, b: Term): number {
  return Math.min(a.range.end, b.range.end) - Math.max(a.range.start, b.range.start);
}

/**
 * A single-holder office: two people on the same day beyond a handover, and gaps. Each
 * term is compared with the earlier term that runs longest, so a long term that covers
 * several later ones is caught, not only its next neighbour.
 */
function overlapsAndGaps(office: Office, gapDays: number): LintProblem[] {
  const problems: LintProblem[] = [];
  const terms = [...office.terms].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const open = terms.filter((t) => t.endText === null);
  if (open.length > 1)
    problems.push(
      at(
        open[1] as Term,
        'error',
        `${office.id}: ${open.length} holders without an end date (${open.map((t) => t.personId).join(', ')})`,
      ),
    );
  let longest: Term | null = null;
  for (const current of terms) {
    const previous = longest;
    if (!longest || current.range.end > longest.range.end) longest = current;
    if (!previous) continue;
    const shared = sharedDays(previous, current);
    const bothOpen = previous.endText === null && current.endText === null;
    if (shared > 0 && !bothOpen && !(previous.acting || current.acting) && previous.personId !== current.personId) {
      const length = previous.endText === null ? 'while that term is still open' : `by ${plural(shared, 'day')}`;
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
    // A list that does not claim to be complete then (`complete:`) may have gaps.
    const claimed =
      office.complete !== null &&
      office.complete.start <= previous.range.end &&
      office.complete.end >= current.range.start;
    if (gap > gapDays && previous.range.end !== FAR_FUTURE && !declared && claimed) {
      const before = `${previous.personId} (to ${previous.endText ?? '?'})`;
      const after = `${current.personId} (from ${current.startText})`;
      problems.push(
        at(
          current,
          'warning',
          `${office.id}: no holder for ${plural(gap, 'day')} between ${before} and ${after}: ` +
            'a vacancy (say so under vacancies:), or a missing holder?',
        ),
      );
    }
  }
  return problems;
}

/** What an office is, for the offices no one can hold together; null for most offices. */
type Role = 'head of government' | 'opposition' | 'speaker' | 'party leader';

/**
 * Read from the office id, by the naming convention of the shipped table: `<cc>-prime-minister`;
 * `…-leader-of-the-opposition` and `…-shadow-…`; `…-speaker` and `…-speaker-of-the-…`;
 * `…-party-leader`.
 */
function roleOf(office: Office): Role | null {
  const id = office.id;
  if (/^[a-z]{2}-prime-minister$/.test(id)) return 'head of government';
  if (/-leader-of-the-opposition$|-shadow-/.test(id)) return 'opposition';
  if (/-speaker(-of-the-[a-z-]+)?$/.test(id)) return 'speaker';
  if (/-party-leader$/.test(id)) return 'party leader';
  return null;
}

function countryGroup(office: Office): string {
  return (office.country ?? '').split('-')[0] ?? '';
}

/**
 * Why one person cannot hold both offices at once, or null when they may. Deliberately
 * narrow: only combinations that are impossible by the offices' nature, so that real
 * dual roles (Lord Chancellor and Justice Secretary, a minister who is also party leader,
 * a prime minister who is First Lord of the Treasury) are never reported:
 * - heads of government of two countries;
 * - in one country, the head of government and an opposition office (Leader of the
 *   Opposition, a shadow post); a shadow post and the office it shadows;
 * - in one country, the Speaker and a head of government, opposition or party-leader office;
 * - in one country, the leaders of two parties.
 */
function exclusiveReason(a: Office, b: Office): string | null {
  if (a.id === b.id) return null;
  const roles = new Set([roleOf(a), roleOf(b)]);
  const sameCountry = countryGroup(a) === countryGroup(b) && countryGroup(a) !== '';
  if (roleOf(a) === 'head of government' && roleOf(b) === 'head of government')
    return sameCountry ? null : 'no one heads the governments of two countries';
  if (!sameCountry) return null;
  if (roles.has('head of government') && roles.has('opposition'))
    return 'the head of government does not also sit in opposition';
  const [shadow, other] = roleOf(a) === 'opposition' ? [a, b] : [b, a];
  if (shadow.id.replace('-shadow-', '-') === other.id) return 'a shadow post does not go with the office it shadows';
  if (roles.has('speaker') && roles.size === 2 && !roles.has(null))
    return 'the Speaker holds no government, opposition or party office';
  if (roleOf(a) === 'party leader' && roleOf(b) === 'party leader') return 'no one leads two parties at once';
  return null;
}

function exclusiveOffices(table: Table): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const terms of table.termsByPerson.values()) {
    for (let i = 0; i < terms.length; i++) {
      for (let j = i + 1; j < terms.length; j++) {
        const first = terms[i] as Term;
        const second = terms[j] as Term;
        if (sharedDays(first, second) <= 0) continue;
        const a = table.offices.get(first.officeId);
        const b = table.offices.get(second.officeId);
        const reason = a && b ? exclusiveReason(a, b) : null;
        if (!reason) continue;
        const [earlier, later] = first.range.start <= second.range.start ? [first, second] : [second, first];
        problems.push(
          at(
            later,
            'error',
            `${later.personId} holds ${later.officeId} (${describeTerm(later)}) and ` +
              `${earlier.officeId} (${describeTerm(earlier)}) at once for ` +
              `${plural(sharedDays(first, second), 'day')}: ${reason}`,
          ),
        );
      }
    }
  }
  return problems;
}

/** Titles that name two or more offices of one country (region codes count as their country). */
function sharedTitles(table: Table): LintProblem[] {
  const byTitle = new Map<string, { title: string; offices: Office[] }>();
  for (const office of table.offices.values()) {
    for (const title of office.titles) {
      const key = `${countryGroup(office)}\0${titleKey(title)}`;
      const entry = byTitle.get(key) ?? { title, offices: [] };
      if (!entry.offices.includes(office)) entry.offices.push(office);
      byTitle.set(key, entry);
    }
  }
  const problems: LintProblem[] = [];
  for (const { title, offices } of byTitle.values()) {
    if (offices.length < 2) continue;
    const last = offices[offices.length - 1] as Office;
    problems.push({
      severity: 'info',
      file: last.file,
      line: last.line,
      message:
        `title "${title}" names ${plural(offices.length, 'office')} of ${countryGroup(last) || 'no country'}: ` +
        `${offices.map((o) => o.id).join(', ')} (a claim is right when the person held any of them)`,
    });
  }
  return problems;
}

function titleKey(title: string): string {
  return phraseKeys(title)
    .filter((key, index) => key !== 'the' || index === 0)
    .join(' ');
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
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
