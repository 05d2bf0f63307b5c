import { parsePartialDate, type DayRange } from '../util/dates.js';
import { phraseKeys } from '../scan/tokens.js';
import type { ImportedOffice, ImportedPerson, ImportedTable, ImportedTerm, ImportResult, ImportSummary } from './types.js';

export type OfficeInfo = Omit<ImportedOffice, 'holders'>;

export interface TermInput {
  /** A key returned by `TableAssembler.person`. */
  person: string;
  start?: string;
  end?: string;
  acting?: boolean;
}

export interface AssembleOptions {
  /** Mark an office `concurrent` when its data has three or more people in it at once. */
  inferConcurrent?: boolean;
}

/** Reasons shared by several importers, worded once. */
export const SKIP = {
  noStart: 'no start date',
  badDate: 'bad date',
  endsBeforeStart: 'ends before it starts',
  noPersonName: 'no person name',
  sharedName: 'name shared by two people',
  variantOfAnother: 'variant names another person',
  badPersonDate: 'bad birth or death date',
  unknownPerson: 'unknown person id',
} as const;

interface PendingTerm {
  person: string;
  start: string;
  end: string | undefined;
  acting: boolean;
  range: DayRange;
}

interface PersonEntry {
  sourceId: string;
  details: ImportedPerson;
}

const MIN_NAME = 2;
const MAX_NAME = 120;
/** An office held by this many people at once is a multi-seat office, not a data error. */
const CONCURRENT_HOLDERS = 3;

/** A field of parsed JSON or YAML as text: strings and numbers as written, anything else ''. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** How `compileTable` compares names: two names that fold alike belong to one person. */
export function foldName(name: string): string {
  return phraseKeys(name).join(' ');
}

function usableName(name: string): boolean {
  return name.length >= MIN_NAME && name.length <= MAX_NAME && phraseKeys(name).length > 0;
}

/**
 * Collects offices, people and terms from an importer, counts what it leaves out, and
 * builds a table that `compileTable` accepts: valid dates, one owner per name, a
 * person's back-to-back terms in one office merged, everything sorted.
 */
export class TableAssembler {
  private readonly offices = new Map<string, OfficeInfo>();
  private readonly terms = new Map<string, PendingTerm[]>();
  private readonly people = new Map<string, PersonEntry>();
  private readonly keyBySource = new Map<string, string>();
  private readonly ownerByName = new Map<string, string>();
  private readonly skipped = new Map<string, number>();

  constructor(private readonly options: AssembleOptions = {}) {}

  skip(reason: string): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }

  /** The first definition of an office id wins. */
  office(id: string, info: OfficeInfo): void {
    if (!this.offices.has(id)) this.offices.set(id, info);
  }

  hasOffice(id: string): boolean {
    return this.offices.has(id);
  }

  /**
   * The key for the person the source calls `sourceId` (the first name given for it),
   * or null, with the skip counted, when the name is unusable or taken by another person.
   */
  person(name: string, sourceId: string, details: ImportedPerson = {}): string | null {
    const known = this.keyBySource.get(sourceId);
    if (known !== undefined) {
      this.addDetails(known, name === known ? details : { ...details, variants: [name, ...(details.variants ?? [])] });
      return known;
    }
    const key = name.trim();
    if (!usableName(key)) return this.skipPerson(SKIP.noPersonName);
    if (this.ownerByName.has(foldName(key))) return this.skipPerson(SKIP.sharedName);
    this.keyBySource.set(sourceId, key);
    this.ownerByName.set(foldName(key), key);
    this.people.set(key, { sourceId, details: {} });
    this.addDetails(key, details);
    return key;
  }

  /** One input row's term, in each of the offices it maps to. */
  addTerm(officeIds: readonly string[], input: TermInput): void {
    const term = this.checkedTerm(input);
    if (!term) return;
    for (const id of officeIds) {
      if (!this.offices.has(id)) throw new Error(`importer bug: office ${id} used before it was defined`);
      const list = this.terms.get(id) ?? [];
      list.push({ ...term, range: { ...term.range } });
      this.terms.set(id, list);
    }
  }

  result(): ImportResult {
    const offices: Record<string, ImportedOffice> = {};
    const holdersOf = new Set<string>();
    let termCount = 0;
    for (const id of [...this.terms.keys()].sort(compareText)) {
      const merged = mergeConsecutive(this.terms.get(id) ?? []);
      const info = this.offices.get(id);
      if (!info || merged.length === 0) continue;
      offices[id] = this.officeDoc(info, merged);
      for (const term of merged) holdersOf.add(term.person);
      termCount += merged.length;
    }
    const { people, droppedVariants } = this.peopleDoc(holdersOf);
    const skipped = new Map(this.skipped);
    if (droppedVariants) skipped.set(SKIP.variantOfAnother, droppedVariants);
    const doc: ImportedTable = { offices, people };
    const summary: ImportSummary = { offices: Object.keys(offices).length, people: holdersOf.size, terms: termCount, skipped: sortedCounts(skipped) };
    return { doc, summary };
  }

  private skipPerson(reason: string): null {
    this.skip(reason);
    return null;
  }

  private addDetails(key: string, details: ImportedPerson): void {
    const entry = this.people.get(key);
    if (!entry) return;
    const target = entry.details;
    const variants = (details.variants ?? []).map((v) => v.trim()).filter((v) => v !== key && usableName(v));
    if (variants.length) target.variants = [...new Set([...(target.variants ?? []), ...variants])];
    if (details.surname && !target.surname) target.surname = details.surname;
    if (details.gender && !target.gender) target.gender = details.gender;
    for (const field of ['born', 'died'] as const) {
      const value = details[field];
      if (value === undefined || target[field] !== undefined) continue;
      if (parsePartialDate(value)) target[field] = value;
      else this.skip(SKIP.badPersonDate);
    }
  }

  private checkedTerm(input: TermInput): PendingTerm | null {
    if (!this.people.has(input.person)) throw new Error(`importer bug: person ${input.person} used before it was defined`);
    const start = input.start?.trim() ?? '';
    const end = input.end?.trim() || undefined;
    if (!start) return this.skipTerm(SKIP.noStart);
    const startRange = parsePartialDate(start);
    const endRange = end === undefined ? null : parsePartialDate(end);
    if (!startRange || (end !== undefined && !endRange)) return this.skipTerm(SKIP.badDate);
    if (endRange && endRange.end < startRange.start) return this.skipTerm(SKIP.endsBeforeStart);
    return { person: input.person, start, end, acting: input.acting ?? false, range: { start: startRange.start, end: endRange?.end ?? Number.POSITIVE_INFINITY } };
  }

  private skipTerm(reason: string): null {
    this.skip(reason);
    return null;
  }

  private officeDoc(info: OfficeInfo, terms: readonly PendingTerm[]): ImportedOffice {
    const concurrent = info.concurrent ?? (this.options.inferConcurrent && mostAtOnce(terms) >= CONCURRENT_HOLDERS ? true : undefined);
    return {
      name: info.name,
      ...(info.country ? { country: info.country } : {}),
      titles: [...new Set(info.titles)],
      ...(concurrent ? { concurrent } : {}),
      ...(info.source ? { source: info.source } : {}),
      holders: terms.map(termDoc),
    };
  }

  /** Details of the people who hold a term; a variant that also names someone else is dropped. */
  private peopleDoc(keys: ReadonlySet<string>): { people: Record<string, ImportedPerson>; droppedVariants: number } {
    const claims = new Map<string, Set<string>>();
    for (const key of keys) claims.set(foldName(key), new Set([key]));
    const variantClaims = new Map<string, Set<string>>();
    for (const key of keys) {
      for (const variant of this.people.get(key)?.details.variants ?? []) {
        const folded = foldName(variant);
        if (claims.get(folded)?.has(key)) continue;
        const owners = variantClaims.get(folded) ?? new Set<string>();
        owners.add(key);
        variantClaims.set(folded, owners);
      }
    }
    const people: Record<string, ImportedPerson> = {};
    let droppedVariants = 0;
    for (const key of [...keys].sort(compareText)) {
      const details = { ...this.people.get(key)?.details };
      if (details.variants) {
        const kept = details.variants.filter((v) => {
          const folded = foldName(v);
          if (claims.get(folded)?.has(key)) return true;
          const unique = !claims.has(folded) && (variantClaims.get(folded)?.size ?? 0) === 1;
          if (!unique) droppedVariants++;
          return unique;
        });
        if (kept.length) details.variants = kept;
        else delete details.variants;
      }
      if (Object.keys(details).length) people[key] = details;
    }
    return { people, droppedVariants };
  }
}

function termDoc(term: PendingTerm): ImportedTerm {
  return { person: term.person, start: term.start, ...(term.end !== undefined ? { end: term.end } : {}), ...(term.acting ? { acting: true } : {}) };
}

/** Code-point order: the same on every machine, unlike `localeCompare`. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareTerms(a: PendingTerm, b: PendingTerm): number {
  return a.range.start - b.range.start || compareText(a.start, b.start) || compareText(a.person, b.person) || a.range.end - b.range.end || Number(a.acting) - Number(b.acting);
}

/**
 * One term per stretch in office: a person's terms that overlap or follow on the next
 * day (re-election, a department renamed under its minister) become one.
 */
function mergeConsecutive(terms: readonly PendingTerm[]): PendingTerm[] {
  const merged: PendingTerm[] = [];
  const latest = new Map<string, PendingTerm>();
  for (const term of [...terms].sort(compareTerms)) {
    const key = `${term.person}\0${String(term.acting)}`;
    const last = latest.get(key);
    if (last && term.range.start <= last.range.end + 1) {
      if (term.range.end > last.range.end) {
        last.range.end = term.range.end;
        last.end = term.end;
      }
      continue;
    }
    const copy = { ...term, range: { ...term.range } };
    merged.push(copy);
    latest.set(key, copy);
  }
  return merged;
}

/** The largest number of terms running on one day. */
function mostAtOnce(terms: readonly PendingTerm[]): number {
  const events = terms.flatMap((t) => [
    { day: t.range.start, change: 1 },
    { day: t.range.end + 1, change: -1 },
  ]);
  events.sort((a, b) => a.day - b.day || a.change - b.change);
  let running = 0;
  let most = 0;
  for (const event of events) {
    running += event.change;
    most = Math.max(most, running);
  }
  return most;
}

function sortedCounts(counts: ReadonlyMap<string, number>): Record<string, number> {
  const entries = [...counts].sort(([a, x], [b, y]) => y - x || compareText(a, b));
  return Object.fromEntries(entries);
}
