import { parsePartialDate } from '../util/dates.js';
import { parseYaml } from '../util/yaml.js';
import { InputError } from '../util/errors.js';
import { TableAssembler, foldName, text, type OfficeInfo } from './assemble.js';
import type { ImportedPerson, ImportResult, SourceFile } from './types.js';

export interface CongressImportOptions {
  /** YYYY-MM-DD: a term ending after this day has a scheduled end, not an observed one. */
  asOf: string;
}

interface ExecutiveName {
  first?: string;
  middle?: string;
  last?: string;
  suffix?: string;
  nickname?: string;
  official_full?: string;
}

interface ExecutiveTerm {
  type?: string;
  start?: unknown;
  end?: unknown;
}

interface Executive {
  id?: { bioguide?: string; govtrack?: number | string };
  name?: ExecutiveName;
  bio?: { birthday?: unknown; gender?: string };
  terms?: ExecutiveTerm[];
}

const SOURCE = 'unitedstates/congress-legislators executive.yaml (CC0), imported with factlint import congress';

/** Offices by term type; ids and titles as in rules/reference/us.yml. */
const OFFICES: Readonly<Record<string, { id: string; office: OfficeInfo }>> = {
  prez: {
    id: 'us-president',
    office: { name: 'President of the United States', country: 'US', titles: ['President'], source: SOURCE },
  },
  viceprez: {
    id: 'us-vice-president',
    office: {
      name: 'Vice President of the United States',
      country: 'US',
      titles: ['Vice President', 'Vice-President', 'VP'],
      source: SOURCE,
    },
  },
};

export const CONGRESS_SKIP = { unknownType: 'term type not prez or viceprez' } as const;

/** Presidents and vice presidents from congress-legislators' executive.yaml. */
export function importCongress(source: SourceFile, options: CongressImportOptions): ImportResult {
  const asOf = parsePartialDate(options.asOf);
  if (!asOf || asOf.start !== asOf.end)
    throw new Error(`importCongress: asOf must be YYYY-MM-DD, not "${options.asOf}"`);
  const executives = readExecutives(source);
  const names = namesInCopy(executives);
  const assembler = new TableAssembler();
  for (const { id, office } of Object.values(OFFICES)) assembler.office(id, office);
  executives.forEach((executive, index) => {
    for (const term of Array.isArray(executive.terms) ? executive.terms : []) {
      const office = OFFICES[term.type ?? ''];
      const key = office
        ? assembler.person(names[index] ?? '', sourceIdOf(executive, index), personDetails(executive))
        : null;
      if (!office) assembler.skip(CONGRESS_SKIP.unknownType);
      else if (key !== null)
        assembler.addTerm([office.id], {
          person: key,
          start: text(term.start),
          end: observedEnd(text(term.end), asOf.start),
        });
    }
  });
  return assembler.result();
}

function readExecutives(source: SourceFile): Executive[] {
  const { value } = parseYaml(source.text, source.file);
  if (!Array.isArray(value))
    throw new InputError('expected a list of people (congress-legislators executive.yaml)', source.file, 1, 1);
  return value.filter((item): item is Executive => typeof item === 'object' && item !== null);
}

function sourceIdOf(executive: Executive, index: number): string {
  return executive.id?.bioguide ?? String(executive.id?.govtrack ?? `#${index}`);
}

/** An end after the import date is the end of the term someone was elected to: still open. */
function observedEnd(end: string, asOf: number): string | undefined {
  const range = parsePartialDate(end);
  return range && range.start > asOf ? undefined : end;
}

/**
 * The name copy uses: "Joe Biden" (nickname and last name; "JD Vance" for "J.D.").
 * Where two people would share it ("George Bush"), their middle initials are added
 * ("George H. W. Bush").
 */
function namesInCopy(executives: readonly Executive[]): string[] {
  const short = executives.map((e) => joinName(givenName(e.name), e.name?.last));
  const uses = new Map<string, number>();
  for (const name of short) uses.set(foldName(name), (uses.get(foldName(name)) ?? 0) + 1);
  return executives.map((e, index) => {
    const name = short[index] ?? '';
    return (uses.get(foldName(name)) ?? 0) > 1
      ? joinName(givenName(e.name), initials(e.name?.middle), e.name?.last)
      : name;
  });
}

/** The nickname, with initials run together ("J.D." → "JD"), or else the first name. */
function givenName(name: ExecutiveName | undefined): string | undefined {
  const nickname = name?.nickname;
  if (!nickname) return name?.first;
  return /^([A-Z]\.)+$/.test(nickname) ? nickname.replace(/\./g, '') : nickname;
}

function personDetails(executive: Executive): ImportedPerson {
  const name = executive.name ?? {};
  const middleInitials = initials(name.middle);
  const variants = [
    name.official_full,
    joinName(name.first, name.last),
    joinName(name.first, middleInitials, name.last),
    joinName(name.first, middleInitials, name.last, name.suffix),
    joinName(name.first, name.middle, name.last),
    name.nickname ? joinName(name.nickname, name.last) : undefined,
  ].filter((v): v is string => Boolean(v));
  const gender = executive.bio?.gender === 'F' ? 'female' : executive.bio?.gender === 'M' ? 'male' : undefined;
  return {
    variants,
    ...(gender ? { gender } : {}),
    ...(text(executive.bio?.birthday) ? { born: text(executive.bio?.birthday) } : {}),
  };
}

/** "Herbert Walker" → "H. W." */
function initials(middle: string | undefined): string | undefined {
  if (!middle) return undefined;
  return middle
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (word.endsWith('.') ? word : `${word[0] ?? ''}.`))
    .join(' ');
}

function joinName(...parts: (string | undefined)[]): string {
  return parts
    .map((part) => String(part ?? '').trim())
    .filter(Boolean)
    .join(' ');
}
