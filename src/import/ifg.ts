import { parseYaml } from '../util/yaml.js';
import { validateYaml } from '../util/validate.js';
import { SKIP, TableAssembler, type OfficeInfo } from './assemble.js';
import { compareText } from '../util/text.js';
import { readCsv, type CsvRow } from './csv-parse.js';
import schema from './ifg-mapping.schema.json' with { type: 'json' };
import type { ImportedPerson, ImportResult, SourceFile } from './types.js';

/** The Institute for Government Ministers Database tables the importer reads. */
export interface IfgFiles {
  appointment: SourceFile;
  person: SourceFile;
  post: SourceFile;
  /** Optional: without it nobody is marked acting. */
  appointmentCharacteristics?: SourceFile;
}

/** Which offices each formal post name feeds (a post may feed several). */
export interface IfgMapping {
  offices: Map<string, OfficeInfo>;
  officesByPost: Map<string, string[]>;
}

interface MappingDoc {
  country?: string;
  source?: string;
  offices: Record<string, OfficeInfo & { posts: string[] }>;
}

interface IfgPerson {
  name: string;
  details: ImportedPerson;
}

const GENDERS: Readonly<Record<string, 'female' | 'male'>> = { F: 'female', M: 'male' };

export const IFG_SKIP = {
  unknownPost: 'unknown post id',
  unmappedPost: 'post not in mapping',
} as const;

/** Read and validate a post mapping file (`rules/import/ifg-posts.yml` is the default). */
export function parseIfgMapping(source: SourceFile): IfgMapping {
  const parsed = parseYaml(source.text, source.file);
  validateYaml(schema, parsed, source.file, 'IfG post mapping');
  const doc = parsed.value as MappingDoc;
  const offices = new Map<string, OfficeInfo>();
  const officesByPost = new Map<string, string[]>();
  for (const [id, { posts, ...office }] of Object.entries(doc.offices)) {
    const country = office.country ?? doc.country;
    const officeSource = office.source ?? doc.source;
    offices.set(id, { ...office, ...(country ? { country } : {}), ...(officeSource ? { source: officeSource } : {}) });
    for (const post of posts) {
      const ids = officesByPost.get(postKey(post)) ?? [];
      if (!ids.includes(id)) ids.push(id);
      officesByPost.set(postKey(post), ids);
    }
  }
  return { offices, officesByPost };
}

/** Post names match ignoring case and spacing. */
function postKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Appointments of mapped posts → terms; a person's latest name is their key. */
export function importIfg(files: IfgFiles, mapping: IfgMapping): ImportResult {
  const assembler = new TableAssembler();
  for (const [id, office] of mapping.offices) assembler.office(id, office);
  const people = ifgPeople(files.person);
  const postNames = new Map(readCsv(files.post, ['id', 'name']).map((row) => [row.get('id'), row.get('name')]));
  const acting = actingAppointments(files.appointmentCharacteristics);
  for (const row of readCsv(files.appointment, ['id', 'person_id', 'post_id', 'start_date', 'end_date'])) {
    const postName = postNames.get(row.get('post_id'));
    const officeIds = postName === undefined ? undefined : mapping.officesByPost.get(postKey(postName));
    const person = people.get(row.get('person_id'));
    if (postName === undefined) assembler.skip(IFG_SKIP.unknownPost);
    else if (!officeIds) assembler.skip(IFG_SKIP.unmappedPost);
    else if (!person) assembler.skip(SKIP.unknownPerson);
    else {
      const key = assembler.person(person.name, row.get('person_id'), person.details);
      if (key !== null)
        assembler.addTerm(officeIds, {
          person: key,
          start: row.get('start_date'),
          end: row.get('end_date'),
          acting: acting.has(row.get('id')),
        });
    }
  }
  return assembler.result();
}

/**
 * person.csv has a row per name a person has had. The key is the latest name that is not
 * a peerage ("Alistair Darling", not "Lord Darling of Roulanish": copy and other tables
 * use the name the person was known by); every other name and spelling is a variant.
 */
function ifgPeople(source: SourceFile): Map<string, IfgPerson> {
  const rowsById = new Map<string, CsvRow<string>[]>();
  for (const row of readCsv(
    source,
    ['id', 'name'],
    ['start_date', 'end_date', 'gender', 'short_name', 'normalized_name'],
  )) {
    const rows = rowsById.get(row.get('id')) ?? [];
    rows.push(row);
    rowsById.set(row.get('id'), rows);
  }
  const people = new Map<string, IfgPerson>();
  for (const [id, rows] of rowsById) people.set(id, personFrom(rows));
  return people;
}

const PEERAGE = /^(Lord|Lady|Baroness|Baron|Viscount|Viscountess|Earl|Countess|Duke|Duchess|Marquess)\s/;

function personFrom(rows: readonly CsvRow<string>[]): IfgPerson {
  // Oldest first; a row without an end date is the current name.
  const ordered = [...rows].sort(
    (a, b) =>
      compareText(a.get('end_date') || '~', b.get('end_date') || '~') ||
      compareText(a.get('start_date'), b.get('start_date')),
  );
  const latest = ordered[ordered.length - 1];
  const commoner = ordered.filter((row) => !PEERAGE.test(row.get('name'))).pop();
  const name = (commoner ?? latest)?.get('name') ?? '';
  const spellings = ordered.flatMap((row) => [row.get('name'), row.get('normalized_name')]);
  const variants = [...new Set(spellings)].filter((v) => v && v !== name);
  const surname = latest?.get('short_name') ?? '';
  const gender = GENDERS[latest?.get('gender') ?? ''];
  // compileTable takes a name's last word as the surname; say so only when it is not.
  const lastWord = name.split(/\s+/).pop();
  const details: ImportedPerson = {
    ...(variants.length ? { variants } : {}),
    ...(surname && surname !== lastWord ? { surname } : {}),
    ...(gender ? { gender } : {}),
  };
  return { name, details };
}

/** Appointments held in an acting capacity throughout. */
function actingAppointments(source: SourceFile | undefined): Set<string> {
  const acting = new Map<string, boolean>();
  if (!source) return new Set();
  for (const row of readCsv(source, ['appointment_id', 'is_acting'])) {
    const id = row.get('appointment_id');
    acting.set(id, (acting.get(id) ?? true) && /^(true|1|yes)$/i.test(row.get('is_acting')));
  }
  return new Set([...acting].filter(([, isActing]) => isActing).map(([id]) => id));
}
