import { InputError } from '../util/errors.js';
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
  /** Needed only when the mapping selects posts by department. */
  organisation?: SourceFile;
}

/**
 * Posts chosen by name, department (organisation.csv `name` or `short_name`) and rank
 * (post.csv `rank_equivalence`: PM, DPM, SoS, MoS, PUSS…); each given field must match.
 */
export interface PostSelector {
  name?: string;
  department?: string[];
  rank?: string[];
}

/** Which offices each post feeds (a post may feed several). */
export interface IfgMapping {
  offices: Map<string, OfficeInfo>;
  /** Posts selected by name alone. */
  officesByPost: Map<string, string[]>;
  /** Posts selected by department or rank, in mapping order. */
  selectors: { officeId: string; selector: PostSelector }[];
}

type SelectorDoc = string | { name?: string; department?: string | string[]; rank?: string | string[] };

interface MappingDoc {
  country?: string;
  source?: string;
  offices: Record<string, OfficeInfo & { posts: SelectorDoc[] }>;
}

/** A post as the selectors see it. */
interface PostInfo {
  name: string;
  rank: string;
  /** The department's name and short name, as match keys. */
  department: string[];
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
  const selectors: IfgMapping['selectors'] = [];
  for (const [id, { posts, ...office }] of Object.entries(doc.offices)) {
    const country = office.country ?? doc.country;
    const officeSource = office.source ?? doc.source;
    offices.set(id, { ...office, ...(country ? { country } : {}), ...(officeSource ? { source: officeSource } : {}) });
    for (const post of posts) {
      if (typeof post === 'string') addOnce(officesByPost, postKey(post), id);
      else selectors.push({ officeId: id, selector: selectorFrom(post) });
    }
  }
  return { offices, officesByPost, selectors };
}

function addOnce(map: Map<string, string[]>, key: string, id: string): void {
  const ids = map.get(key) ?? [];
  if (!ids.includes(id)) ids.push(id);
  map.set(key, ids);
}

function selectorFrom(doc: Exclude<SelectorDoc, string>): PostSelector {
  const list = (value: string | string[] | undefined) =>
    value === undefined ? undefined : (Array.isArray(value) ? value : [value]).map(postKey);
  const department = list(doc.department);
  const rank = list(doc.rank);
  return {
    ...(doc.name !== undefined ? { name: postKey(doc.name) } : {}),
    ...(department ? { department } : {}),
    ...(rank ? { rank } : {}),
  };
}

function selects(selector: PostSelector, post: PostInfo): boolean {
  return (
    (selector.name === undefined || selector.name === post.name) &&
    (selector.rank === undefined || selector.rank.includes(post.rank)) &&
    (selector.department === undefined || selector.department.some((d) => post.department.includes(d)))
  );
}

/** The offices a post feeds: by its name, then by every selector that matches it. */
function officesFor(mapping: IfgMapping, post: PostInfo): string[] | undefined {
  const ids = [...(mapping.officesByPost.get(post.name) ?? [])];
  for (const { officeId, selector } of mapping.selectors)
    if (selects(selector, post) && !ids.includes(officeId)) ids.push(officeId);
  return ids.length ? ids : undefined;
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
  const posts = ifgPosts(files, mapping);
  const acting = actingAppointments(files.appointmentCharacteristics);
  for (const row of readCsv(files.appointment, ['id', 'person_id', 'post_id', 'start_date', 'end_date'])) {
    const post = posts.get(row.get('post_id'));
    const officeIds = post === undefined ? undefined : officesFor(mapping, post);
    const person = people.get(row.get('person_id'));
    if (post === undefined) assembler.skip(IFG_SKIP.unknownPost);
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

/** post.csv (with each post's department from organisation.csv) by post id. */
function ifgPosts(files: IfgFiles, mapping: IfgMapping): Map<string, PostInfo> {
  const byDepartment = mapping.selectors.some(({ selector }) => selector.department !== undefined);
  if (byDepartment && !files.organisation)
    throw new InputError(`${files.post.file}: the mapping selects posts by department, which needs organisation.csv`);
  const departments = new Map(
    files.organisation
      ? readCsv(files.organisation, ['id', 'name', 'short_name']).map((row) => [
          row.get('id'),
          [postKey(row.get('name')), postKey(row.get('short_name'))],
        ])
      : [],
  );
  const posts = new Map<string, PostInfo>();
  for (const row of readCsv(files.post, ['id', 'name'], ['organisation_id', 'rank_equivalence'])) {
    posts.set(row.get('id'), {
      name: postKey(row.get('name')),
      rank: postKey(row.get('rank_equivalence')),
      department: departments.get(row.get('organisation_id')) ?? [],
    });
  }
  return posts;
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
