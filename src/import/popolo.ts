import { basename } from 'node:path';
import { InputError } from '../util/errors.js';
import { SKIP, TableAssembler, text, type OfficeInfo } from './assemble.js';
import { OfficeIds, officeIdFor } from './ids.js';
import type { ImportedPerson, ImportResult, SourceFile } from './types.js';

export interface PopoloImportOptions {
  /** Country code for every office, and the prefix of its id. */
  country?: string;
}

type PopoloObject = Record<string, unknown>;
type Kind = 'person' | 'organization' | 'post' | 'membership';

const COLLECTIONS: Readonly<Record<string, Kind>> = {
  persons: 'person',
  organizations: 'organization',
  posts: 'post',
  memberships: 'membership',
};
const PERSON_FIELDS = [
  'birth_date',
  'death_date',
  'gender',
  'given_name',
  'family_name',
  'honorific_prefix',
  'sort_name',
  'national_identity',
];
const ORGANIZATION_FIELDS = ['classification', 'parent_id', 'founding_date', 'dissolution_date', 'area_id'];
const FILE_NAME_HINTS: readonly (readonly [string, Kind])[] = [
  ['membership', 'membership'],
  ['person', 'person'],
  ['people', 'person'],
  ['organi', 'organization'],
  ['post', 'post'],
];
const SOURCE = 'Popolo data, imported with factlint import popolo';

export const POPOLO_SKIP = {
  noOffice: 'no post or role',
  unknownOrganization: 'unknown organization id',
  noOfficeId: 'office name gives no office id',
} as const;

/**
 * Popolo JSON (persons, organizations, posts, memberships: whole exports, single
 * objects or embedded ones) → one term per membership. The office is the membership's
 * post, or else its role at its organization.
 */
export function importPopolo(sources: readonly SourceFile[], options: PopoloImportOptions = {}): ImportResult {
  const data = new PopoloData();
  for (const source of sources) data.addFile(source);
  const assembler = new TableAssembler({ inferConcurrent: true });
  const offices = new OfficeIds();
  for (const membership of data.memberships) {
    const office = officeOf(membership, data, options.country);
    if (typeof office === 'string') {
      assembler.skip(office);
      continue;
    }
    const id = offices.idFor(office.sourceKey, office.baseId);
    assembler.office(id, office.info);
    const personId = text(membership.person_id);
    const person = personId ? data.persons.get(personId) : undefined;
    const key = person ? assembler.person(personName(person), personId, personDetails(person)) : null;
    if (!person) assembler.skip(SKIP.unknownPerson);
    else if (key !== null)
      assembler.addTerm([id], { person: key, start: text(membership.start_date), end: text(membership.end_date) });
  }
  return assembler.result();
}

/** Every object of every file, by kind; later copies of an object add only missing fields. */
class PopoloData {
  readonly persons = new Map<string, PopoloObject>();
  readonly organizations = new Map<string, PopoloObject>();
  readonly posts = new Map<string, PopoloObject>();
  readonly memberships: PopoloObject[] = [];
  private readonly membershipIds = new Set<string>();

  addFile(source: SourceFile): void {
    const value = parseJson(source);
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (!isObject(item)) throw new InputError('expected Popolo objects (JSON objects)', source.file);
      if (isCollection(item)) this.addCollections(item);
      else this.add(kindOf(item, source.file), item);
    }
  }

  private addCollections(doc: PopoloObject): void {
    for (const [key, kind] of Object.entries(COLLECTIONS)) {
      const list = doc[key];
      if (Array.isArray(list)) for (const item of list) if (isObject(item)) this.add(kind, item);
    }
  }

  private add(kind: Kind, item: PopoloObject): void {
    if (kind === 'membership') {
      this.addMembership(item);
      return;
    }
    const store = kind === 'person' ? this.persons : kind === 'organization' ? this.organizations : this.posts;
    const id = text(item.id);
    store.set(id, { ...item, ...store.get(id) });
    const implied = { person: 'person_id', organization: 'organization_id', post: 'post_id' }[kind];
    this.addEmbedded(item.memberships, 'membership', { [implied]: id });
    if (kind === 'organization') this.addEmbedded(item.posts, 'post', { organization_id: id });
  }

  private addMembership(item: PopoloObject): void {
    const membership: PopoloObject = { ...item };
    for (const [field, kind] of [
      ['person', 'person'],
      ['organization', 'organization'],
      ['post', 'post'],
    ] as const) {
      const embedded = item[field];
      if (!isObject(embedded)) continue;
      this.add(kind, embedded);
      membership[`${field}_id`] ??= text(embedded.id);
    }
    const id = text(membership.id);
    if (id && this.membershipIds.has(id)) return;
    if (id) this.membershipIds.add(id);
    this.memberships.push(membership);
  }

  private addEmbedded(list: unknown, kind: Kind, implied: PopoloObject): void {
    if (!Array.isArray(list)) return;
    for (const item of list) if (isObject(item)) this.add(kind, { ...implied, ...item });
  }
}

function parseJson(source: SourceFile): unknown {
  try {
    return JSON.parse(source.text) as unknown;
  } catch (error) {
    throw new InputError(`invalid JSON: ${(error as Error).message}`, source.file);
  }
}

/** A whole export ({persons: [...], memberships: [...]}), not one object with embedded memberships. */
function isCollection(item: PopoloObject): boolean {
  const lists = Object.keys(COLLECTIONS).filter((key) => Array.isArray(item[key]));
  return lists.some((key) => key !== 'memberships') || (lists.length > 0 && !('id' in item) && !('name' in item));
}

function isObject(value: unknown): value is PopoloObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a lone object is: by the fields only one kind has, else by the file's name. */
function kindOf(item: PopoloObject, file: string): Kind {
  if ('person_id' in item || isObject(item.person)) return 'membership';
  if ('label' in item && !('name' in item)) return 'post';
  if (PERSON_FIELDS.some((field) => field in item)) return 'person';
  if (ORGANIZATION_FIELDS.some((field) => field in item)) return 'organization';
  const name = basename(file).toLowerCase();
  const hinted = FILE_NAME_HINTS.find(([hint]) => name.includes(hint));
  if (hinted) return hinted[1];
  const lists = '"persons", "organizations", "posts" or "memberships"';
  throw new InputError(
    `cannot tell which Popolo object this is (person, organization, post or membership): put it in a ${lists} list`,
    file,
  );
}

interface OfficeChoice {
  sourceKey: string;
  baseId: string;
  info: OfficeInfo;
}

/** The membership's post, or its role at its organization; a string is why there is none. */
function officeOf(membership: PopoloObject, data: PopoloData, country: string | undefined): OfficeChoice | string {
  const postId = text(membership.post_id);
  const post = postId ? data.posts.get(postId) : undefined;
  const label = post ? text(post.label) : '';
  if (post && label) {
    const titles = [label, ...(Array.isArray(post.other_label) ? post.other_label.map(text).filter(Boolean) : [])];
    return choice(`post:${postId}`, label, { name: label, titles }, country);
  }
  const role = text(membership.role) || (post ? text(post.role) : '');
  if (!role) return POPOLO_SKIP.noOffice;
  const organizationId = text(membership.organization_id) || (post ? text(post.organization_id) : '');
  const organization = data.organizations.get(organizationId);
  if (organizationId && !organization) return POPOLO_SKIP.unknownOrganization;
  const organizationName = organization ? text(organization.name) : '';
  const name = organizationName ? `${role}, ${organizationName}` : role;
  return choice(
    `role:${organizationId}:${role.toLowerCase()}`,
    organizationName ? `${organizationName} ${role}` : role,
    { name, titles: [role] },
    country,
  );
}

function choice(
  sourceKey: string,
  idText: string,
  office: Pick<OfficeInfo, 'name' | 'titles'>,
  country: string | undefined,
): OfficeChoice | string {
  const baseId = officeIdFor(idText, country);
  if (!baseId) return POPOLO_SKIP.noOfficeId;
  return { sourceKey, baseId, info: { ...office, ...(country ? { country } : {}), source: SOURCE } };
}

function personName(person: PopoloObject): string {
  return text(person.name) || [text(person.given_name), text(person.family_name)].filter(Boolean).join(' ');
}

function personDetails(person: PopoloObject): ImportedPerson {
  const otherNames = Array.isArray(person.other_names) ? person.other_names : [];
  const variants = otherNames.map((other) => (isObject(other) ? text(other.name) : '')).filter(Boolean);
  const gender = text(person.gender).toLowerCase();
  return {
    ...(variants.length ? { variants } : {}),
    ...(gender === 'female' || gender === 'male' ? { gender } : {}),
    ...(text(person.birth_date) ? { born: text(person.birth_date) } : {}),
    ...(text(person.death_date) ? { died: text(person.death_date) } : {}),
  };
}
