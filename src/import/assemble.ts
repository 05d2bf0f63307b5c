import { parsePartialDate, type DayRange } from '../util/dates.js';
import { phraseKeys } from '../scan/tokens.js';
import type {
  ImportedOffice,
  ImportedPerson,
  ImportedTable,
  ImportedTerm,
  ImportResult,
  ImportSummary,
} from './types.js';
import { compareText } from '../util/text.js';

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
  /** The days `start` may mean ("2019": all of 2019). */
  from: DayRange;
  /** The days `end` may mean; null while in office. */
  until: DayRange | null;
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
  private readonly people = new Map<string, ImportedPerson>();
  private readonly keyBySource = new Map<string, string>();
  private readonly takenNames = new Set<string>();
  private readonly skipped = new Map<string, number>();
  /** Birth and death dates already found unusable, so a person met twice counts once. */
  private readonly rejectedDates = new Set<string>();

  constructor(private readonly options: AssembleOptions = {}) {}

  skip(reason: string): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }

  /** The first definition of an office id wins. */
  office(id: string, info: OfficeInfo): void {
    if (!this.offices.has(id)) this.offices.set(id, info);
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
    if (this.takenNames.has(foldName(key))) return this.skipPerson(SKIP.sharedName);
    this.keyBySource.set(sourceId, key);
    this.takenNames.add(foldName(key));
    this.people.set(key, {});
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
      list.push({ ...term });
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
    const summary: ImportSummary = {
      offices: Object.keys(offices).length,
      people: holdersOf.size,
      terms: termCount,
      skipped: sortedCounts(skipped),
    };
    return { doc, summary };
  }

  private skipPerson(reason: string): null {
    this.skip(reason);
    return null;
  }

  private addDetails(key: string, details: ImportedPerson): void {
    const target = this.people.get(key);
    if (!target) return;
    const variants = (details.variants ?? []).map((v) => v.trim()).filter((v) => v !== key && usableName(v));
    if (variants.length) target.variants = [...new Set([...(target.variants ?? []), ...variants])];
    if (details.surname && !target.surname) target.surname = details.surname;
    if (details.gender && !target.gender) target.gender = details.gender;
    for (const field of ['born', 'died'] as const) {
      const value = details[field];
      const seen = `${key}\0${field}`;
      if (value === undefined || target[field] !== undefined || this.rejectedDates.has(seen)) continue;
      if (parsePartialDate(value)) target[field] = value;
      else {
        this.rejectedDates.add(seen);
        this.skip(SKIP.badPersonDate);
      }
    }
  }

  private checkedTerm(input: TermInput): PendingTerm | null {
    if (!this.people.has(input.person))
      throw new Error(`importer bug: person ${input.person} used before it was defined`);
    const start = input.start?.trim() ?? '';
    const end = input.end?.trim() || undefined;
    if (!start) return this.skipTerm(SKIP.noStart);
    const from = parsePartialDate(start);
    const until = end === undefined ? null : parsePartialDate(end);
    if (!from || (end !== undefined && !until)) return this.skipTerm(SKIP.badDate);
    if (until && until.end < from.start) return this.skipTerm(SKIP.endsBeforeStart);
    return { person: input.person, start, end, acting: input.acting ?? false, from, until };
  }

  private skipTerm(reason: string): null {
    this.skip(reason);
    return null;
  }

  private officeDoc(info: OfficeInfo, terms: readonly PendingTerm[]): ImportedOffice {
    const concurrent =
      info.concurrent ?? (this.options.inferConcurrent && mostAtOnce(terms) >= CONCURRENT_HOLDERS ? true : undefined);
    return {
      name: info.name,
      ...(info.country ? { country: info.country } : {}),
      titles: [...new Set(info.titles)],
      ...(concurrent ? { concurrent } : {}),
      ...(info.complete !== undefined ? { complete: info.complete } : {}),
      ...(info.source ? { source: info.source } : {}),
      holders: terms.map(termDoc),
    };
  }

  /** Details of the people who hold a term, keeping only the variants that name nobody else. */
  private peopleDoc(keys: ReadonlySet<string>): { people: Record<string, ImportedPerson>; droppedVariants: number } {
    const owners = this.nameOwners(keys);
    const people: Record<string, ImportedPerson> = {};
    let droppedVariants = 0;
    for (const key of [...keys].sort(compareText)) {
      const { variants = [], ...details } = this.people.get(key) ?? {};
      const kept = variants.filter((variant) => owners.get(foldName(variant))?.size === 1);
      droppedVariants += variants.length - kept.length;
      const person: ImportedPerson = { ...(kept.length ? { variants: kept } : {}), ...details };
      if (Object.keys(person).length) people[key] = person;
    }
    return { people, droppedVariants };
  }

  /** Each name and variant, folded as `compileTable` folds it → the people it names. */
  private nameOwners(keys: ReadonlySet<string>): Map<string, Set<string>> {
    const owners = new Map<string, Set<string>>();
    const claim = (name: string, key: string) => {
      const folded = foldName(name);
      owners.set(folded, new Set([...(owners.get(folded) ?? []), key]));
    };
    for (const key of keys) {
      claim(key, key);
      for (const variant of this.people.get(key)?.variants ?? []) claim(variant, key);
    }
    return owners;
  }
}

function termDoc(term: PendingTerm): ImportedTerm {
  return {
    person: term.person,
    start: term.start,
    ...(term.end !== undefined ? { end: term.end } : {}),
    ...(term.acting ? { acting: true } : {}),
  };
}

/** The last day a term may cover. */
function lastDay(term: PendingTerm): number {
  return term.until?.end ?? Number.POSITIVE_INFINITY;
}

function compareTerms(a: PendingTerm, b: PendingTerm): number {
  return (
    a.from.start - b.from.start ||
    compareText(a.start, b.start) ||
    compareText(a.person, b.person) ||
    lastDay(a) - lastDay(b) ||
    Number(a.acting) - Number(b.acting)
  );
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
    if (last && term.from.start <= lastDay(last) + 1) {
      if (lastDay(term) > lastDay(last)) Object.assign(last, { end: term.end, until: term.until });
      continue;
    }
    const copy = { ...term };
    merged.push(copy);
    latest.set(key, copy);
  }
  return merged;
}

/**
 * The most terms certainly running on one day, a handover day not counted. Only the
 * days a term surely covers count (from the last day its start may mean to the first
 * its end may mean), so year-only dates ("2015 to 2019", "2019 to 2021") are no overlap.
 */
function mostAtOnce(terms: readonly PendingTerm[]): number {
  const events: { day: number; change: number }[] = [];
  for (const term of terms) {
    const first = term.from.end;
    const last = term.until?.start ?? Number.POSITIVE_INFINITY;
    if (first < last) events.push({ day: first, change: 1 }, { day: last, change: -1 });
  }
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
