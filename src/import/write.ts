import type { Pair } from 'yaml';
import { yamlLib } from '../util/libraries.js';
import { compareText } from '../util/text.js';
import type { ImportedOffice, ImportedTable, ImportedTerm } from './types.js';

const OFFICE_FIELDS = ['name', 'country', 'titles', 'concurrent', 'complete', 'source', 'note', 'vacancies'] as const;
const TERM_FIELDS = ['person', 'start', 'end', 'acting', 'party', 'note'] as const;
const PERSON_FIELDS = ['variants', 'surname', 'gender', 'born', 'died', 'note'] as const;

/**
 * The table as YAML in the shipped files' style: offices by id, one holder per line in
 * date order, people by name. The same table always gives the same text.
 */
export function tableYaml(table: ImportedTable, header: string): string {
  const doc = new (yamlLib().Document)(orderedTable(table));
  doc.commentBefore = header
    .split('\n')
    .map((line) => ` ${line}`)
    .join('\n');
  styleOffices(doc.get('offices', true));
  styleMapValues(doc.get('people', true), ['variants']);
  spaceOut(doc.contents);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Plain data with keys in a fixed order; Maps, because objects put number-like keys first. */
function orderedTable(table: ImportedTable): Map<string, unknown> {
  const offices = new Map(sortedEntries(table.offices).map(([id, office]) => [id, orderedOffice(office)]));
  const people = new Map(sortedEntries(table.people).map(([key, person]) => [key, picked(person, PERSON_FIELDS)]));
  const root = new Map<string, unknown>();
  if (table.verifiedThrough) root.set('verifiedThrough', table.verifiedThrough);
  if (table.countries && Object.keys(table.countries).length > 0)
    root.set('countries', new Map(sortedEntries(table.countries)));
  root.set('offices', offices);
  if (people.size) root.set('people', people);
  return root;
}

function orderedOffice(office: ImportedOffice): Map<string, unknown> {
  const fields = picked(office, OFFICE_FIELDS);
  fields.set(
    'holders',
    [...office.holders].sort(compareHolders).map((term) => picked(term, TERM_FIELDS)),
  );
  return fields;
}

function compareHolders(a: ImportedTerm, b: ImportedTerm): number {
  return (
    compareText(a.start.padEnd(10, '-'), b.start.padEnd(10, '-')) ||
    compareText(a.person, b.person) ||
    compareText(a.end ?? '~', b.end ?? '~')
  );
}

function sortedEntries<T>(record: Readonly<Record<string, T>>): [string, T][] {
  return Object.entries(record).sort(([a], [b]) => compareText(a, b));
}

function picked<T extends object>(value: T, fields: readonly (keyof T & string)[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const field of fields) if (value[field] !== undefined) out.set(field, value[field]);
  return out;
}

function styleOffices(offices: unknown): void {
  const { isMap, isSeq } = yamlLib();
  if (!isMap(offices)) return;
  styleMapValues(offices, ['titles']);
  for (const pair of offices.items) {
    if (!isMap(pair.value)) continue;
    for (const field of ['holders', 'vacancies']) {
      const list = pair.value.get(field, true);
      if (isSeq(list)) for (const item of list.items) if (isMap(item)) item.flow = true;
    }
    const complete = pair.value.get('complete', true);
    if (isMap(complete)) complete.flow = true;
  }
}

/** Lists written inline: `titles: [Prime Minister, PM]`. */
function styleMapValues(map: unknown, flowFields: readonly string[]): void {
  const { isMap, isSeq } = yamlLib();
  if (!isMap(map)) return;
  for (const pair of map.items) {
    if (!isMap(pair.value)) continue;
    for (const field of flowFields) {
      const list = pair.value.get(field, true);
      if (isSeq(list)) list.flow = true;
    }
  }
}

/** A blank line before each office and each section, as in the hand-written files. */
function spaceOut(root: unknown): void {
  const { isMap, isScalar } = yamlLib();
  if (!isMap(root)) return;
  for (const [index, section] of root.items.entries()) {
    if (index > 0) markSpaceBefore(section);
    const isOffices = isScalar(section.key) && section.key.value === 'offices';
    if (isOffices && isMap(section.value)) section.value.items.slice(1).forEach(markSpaceBefore);
  }
}

function markSpaceBefore(pair: Pair): void {
  const { isNode } = yamlLib();
  if (isNode(pair.key)) pair.key.spaceBefore = true;
}
