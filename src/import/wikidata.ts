import { InputError } from '../util/errors.js';
import { TableAssembler, type OfficeInfo } from './assemble.js';
import { OfficeIds, officeIdFor } from './ids.js';
import type { ImportResult, SourceFile } from './types.js';

export interface WikidataImportOptions {
  /** Country code for offices whose row has no `?country`, and the prefix of their ids. */
  country?: string;
}

interface SparqlTerm {
  type?: string;
  value?: string;
  datatype?: string;
}

type Binding = Record<string, SparqlTerm | undefined>;

interface SparqlResults {
  head?: { vars?: unknown };
  results?: { bindings?: unknown };
}

/** The variables the query must select (see src/import/README.md); `?country` is optional. */
export const WIKIDATA_VARIABLES = [
  'position',
  'positionLabel',
  'person',
  'personLabel',
  'start',
  'startPrecision',
  'end',
  'endPrecision',
] as const;

export const WIKIDATA_SKIP = {
  noPositionLabel: 'position has no label',
  noPersonLabel: 'person has no label',
  noStart: 'no start date',
  noPrecision: 'date without precision',
  vague: 'date less precise than a year',
  badDate: 'bad date',
  noOfficeId: 'position label gives no office id',
} as const;

/** Wikibase time precision → how many characters of YYYY-MM-DD the date has. */
const DATE_LENGTH_BY_PRECISION: ReadonlyMap<number, number> = new Map([
  [9, 4],
  [10, 7],
  [11, 10],
]);
const DAY_PRECISION = 11;
const YEAR_PRECISION = 9;

/**
 * SPARQL JSON results of a P39 "position held" query → one office per position and one
 * term per statement, dates only as precise as Wikidata says they are.
 */
export function importWikidata(source: SourceFile, options: WikidataImportOptions = {}): ImportResult {
  const bindings = readBindings(source);
  const assembler = new TableAssembler({ inferConcurrent: true });
  const offices = new OfficeIds();
  for (const binding of bindings) {
    const row = rowOf(binding);
    if (typeof row === 'string') {
      assembler.skip(row);
      continue;
    }
    const country = /^[A-Z][A-Z0-9_]{1,7}$/.test(row.country) ? row.country : options.country;
    const baseId = officeIdFor(row.positionLabel, country);
    if (!baseId) {
      assembler.skip(WIKIDATA_SKIP.noOfficeId);
      continue;
    }
    const id = offices.idFor(row.position, baseId);
    assembler.office(id, officeInfo(row, country));
    const person = assembler.person(row.personLabel, row.person);
    if (person !== null) assembler.addTerm([id], { person, start: row.start, end: row.end });
  }
  return assembler.result();
}

function readBindings(source: SourceFile): Binding[] {
  let parsed: SparqlResults;
  try {
    parsed = JSON.parse(source.text) as SparqlResults;
  } catch (error) {
    throw new InputError(`invalid JSON: ${(error as Error).message}`, source.file);
  }
  const vars = parsed.head?.vars;
  const bindings = parsed.results?.bindings;
  if (!Array.isArray(vars) || !Array.isArray(bindings))
    throw new InputError('not SPARQL JSON results (expected head.vars and results.bindings)', source.file);
  const missing = WIKIDATA_VARIABLES.find((name) => !vars.includes(name));
  if (missing) {
    const wanted = WIKIDATA_VARIABLES.map((v) => `?${v}`).join(' ');
    throw new InputError(
      `missing variable "${missing}" in head.vars: the query must select ${wanted} (see src/import/README.md)`,
      source.file,
    );
  }
  return bindings.filter((b): b is Binding => typeof b === 'object' && b !== null);
}

interface WikidataRow {
  position: string;
  positionLabel: string;
  person: string;
  personLabel: string;
  country: string;
  start: string;
  end: string | undefined;
}

/** A binding's values, or why the row is skipped. */
function rowOf(binding: Binding): WikidataRow | string {
  const value = (name: string) => binding[name]?.value?.trim() ?? '';
  const position = entityId(value('position'));
  const person = entityId(value('person'));
  const positionLabel = value('positionLabel');
  const personLabel = value('personLabel');
  if (!positionLabel || positionLabel === position) return WIKIDATA_SKIP.noPositionLabel;
  if (!personLabel || personLabel === person) return WIKIDATA_SKIP.noPersonLabel;
  if (!value('start')) return WIKIDATA_SKIP.noStart;
  const start = dateAt(value('start'), value('startPrecision'));
  const end = value('end') ? dateAt(value('end'), value('endPrecision')) : { date: undefined };
  if ('skip' in start) return start.skip;
  if ('skip' in end) return end.skip;
  return { position, positionLabel, person, personLabel, country: value('country'), start: start.date, end: end.date };
}

/** "http://www.wikidata.org/entity/Q14211" → "Q14211". */
function entityId(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

/** A Wikibase time cut to its precision: "2017-01-01T00:00:00Z" at year precision is "2017". */
function dateAt(time: string, precisionText: string): { date: string } | { skip: string } {
  if (!precisionText) return { skip: WIKIDATA_SKIP.noPrecision };
  const precision = Number(precisionText);
  if (!Number.isInteger(precision)) return { skip: WIKIDATA_SKIP.badDate };
  if (precision < YEAR_PRECISION) return { skip: WIKIDATA_SKIP.vague };
  const match = /^\+?(\d{4})-(\d{2})-(\d{2})T/.exec(time);
  if (!match) return { skip: WIKIDATA_SKIP.badDate };
  const length = DATE_LENGTH_BY_PRECISION.get(Math.min(precision, DAY_PRECISION)) ?? 0;
  return { date: `${match[1]}-${match[2]}-${match[3]}`.slice(0, length) };
}

function officeInfo(row: WikidataRow, country: string | undefined): OfficeInfo {
  return {
    name: row.positionLabel,
    ...(country ? { country } : {}),
    titles: [row.positionLabel],
    source: `Wikidata ${row.position} (P39 position held), imported with factlint import wikidata`,
  };
}
