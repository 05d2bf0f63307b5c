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

interface PartySpan {
  start?: unknown;
  end?: unknown;
  party?: string;
}

interface ExecutiveTerm {
  type?: string;
  start?: unknown;
  end?: unknown;
  /** Members of Congress: the state or territory (postal code) and the party. */
  state?: string;
  party?: string;
  /** A party switch during the term, as dated spans that cover it. */
  party_affiliations?: PartySpan[];
}

/** A person of executive.yaml or legislators-*.yaml: the same shape. */
interface Executive {
  id?: { bioguide?: string; govtrack?: number | string };
  name?: ExecutiveName;
  bio?: { birthday?: unknown; gender?: string };
  terms?: ExecutiveTerm[];
  leadership_roles?: unknown[];
}

const SOURCE = 'unitedstates/congress-legislators executive.yaml (CC0), imported with factlint import congress';
const LEGISLATORS_SOURCE =
  'unitedstates/congress-legislators legislators-current.yaml (CC0; github.com/unitedstates/congress-legislators), ' +
  'imported with factlint import congress. Only members serving when the file was made are listed, with all ' +
  'their terms: not a complete list of members';

/** States and territories with a seat in Congress, by postal code. */
const STATES: Readonly<Record<string, string>> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  DC: 'the District of Columbia',
  PR: 'Puerto Rico',
  GU: 'Guam',
  VI: 'the U.S. Virgin Islands',
  AS: 'American Samoa',
  MP: 'the Northern Mariana Islands',
};

/**
 * Places that send a non-voting delegate (Puerto Rico a resident commissioner) rather than
 * representatives. Not "Del.": copy uses it for Delaware ("D-Del."), a place word in the table.
 */
const DELEGATE_TITLES: Readonly<Record<string, readonly string[]>> = {
  DC: ['Delegate'],
  GU: ['Delegate'],
  VI: ['Delegate'],
  AS: ['Delegate'],
  MP: ['Delegate'],
  PR: ['Resident Commissioner'],
};

const SENATOR_TITLES = ['Senator', 'Sen.', 'U.S. Senator', 'U.S. Sen.'];
const REPRESENTATIVE_TITLES = [
  'Representative',
  'Rep.',
  'Congressman',
  'Congresswoman',
  'U.S. Representative',
  'U.S. Rep.',
];

/** Party names as news tags them ("Sen. Ted Cruz, R-Texas"). */
const PARTY_TAGS: Readonly<Record<string, string>> = { Democrat: 'D', Republican: 'R', Independent: 'I' };

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

export const CONGRESS_SKIP = {
  unknownType: 'term type not prez, viceprez, sen or rep',
  unknownState: 'term in an unknown state',
  leadershipRole: 'leadership role (not imported)',
} as const;

/**
 * Presidents and vice presidents from congress-legislators' executive.yaml, and members
 * of Congress from legislators-current.yaml (one office per state and chamber, the
 * party per term). The two files have the same shape, so either can be given.
 */
export function importCongress(source: SourceFile, options: CongressImportOptions): ImportResult {
  const asOf = parsePartialDate(options.asOf);
  if (!asOf || asOf.start !== asOf.end)
    throw new Error(`importCongress: asOf must be YYYY-MM-DD, not "${options.asOf}"`);
  const executives = readExecutives(source);
  const names = namesInCopy(executives);
  const assembler = new TableAssembler();
  for (const { id, office } of Object.values(OFFICES)) assembler.office(id, office);
  executives.forEach((executive, index) => {
    for (const _ of Array.isArray(executive.leadership_roles) ? executive.leadership_roles : [])
      assembler.skip(CONGRESS_SKIP.leadershipRole);
    const lastEnds = new Map<string, string>();
    for (const term of Array.isArray(executive.terms) ? executive.terms : []) {
      const officeId = officeOf(term, assembler);
      const key =
        officeId !== null
          ? assembler.person(names[index] ?? '', sourceIdOf(executive, index), personDetails(executive))
          : null;
      if (officeId === null || key === null) continue;
      const start = reelectedStart(text(term.start), lastEnds.get(officeId));
      lastEnds.set(officeId, text(term.end));
      for (const span of partySpans({ ...term, start }))
        assembler.addTerm([officeId], {
          person: key,
          start: span.start,
          end: observedEnd(span.end, asOf.start),
          ...(span.party ? { party: span.party } : {}),
        });
    }
  });
  return assembler.result();
}

/** Days between a term's end (January 3) and a re-elected member's swearing-in that still count as one stretch. */
const SWEARING_IN_DAYS = 10;

/**
 * A re-elected member's term runs on from the last: a Congress ends on January 3 and the
 * next is sworn in a few days later, so the start moves back to the previous end.
 */
function reelectedStart(start: string, previousEnd: string | undefined): string {
  const from = parsePartialDate(start);
  const until = previousEnd ? parsePartialDate(previousEnd) : null;
  if (!from || !until || !previousEnd) return start;
  const gap = from.start - until.end;
  return gap > 0 && gap <= SWEARING_IN_DAYS ? previousEnd : start;
}

/** The id of the term's office, defined on first use; null (skip counted) when the term has none. */
function officeOf(term: ExecutiveTerm, assembler: TableAssembler): string | null {
  const executive = OFFICES[term.type ?? ''];
  if (executive) return executive.id;
  if (term.type !== 'sen' && term.type !== 'rep') {
    assembler.skip(CONGRESS_SKIP.unknownType);
    return null;
  }
  const code = (term.state ?? '').toUpperCase();
  const place = STATES[code];
  if (!place) {
    assembler.skip(CONGRESS_SKIP.unknownState);
    return null;
  }
  const senate = term.type === 'sen';
  const id = `us-${senate ? 'senator' : 'representative'}-${code.toLowerCase()}`;
  assembler.office(id, {
    name: senate
      ? `United States Senator from ${place}`
      : `Member of the United States House of Representatives from ${place}`,
    country: `US-${code}`,
    titles: senate ? SENATOR_TITLES : [...REPRESENTATIVE_TITLES, ...(DELEGATE_TITLES[code] ?? [])],
    concurrent: true,
    complete: false,
    source: LEGISLATORS_SOURCE,
  });
  return id;
}

/**
 * A term's stretches by party: the term itself, or where the member switched party
 * during it, each dated affiliation (clipped to the term).
 */
function partySpans(term: ExecutiveTerm): { start: string; end: string; party?: string }[] {
  const start = text(term.start);
  const end = text(term.end);
  const affiliations = Array.isArray(term.party_affiliations) ? term.party_affiliations : [];
  if (affiliations.length === 0) return [{ start, end, ...partyTag(term.party) }];
  return affiliations.map((span) => ({
    start: later(text(span.start), start),
    end: earlier(text(span.end), end),
    ...partyTag(span.party),
  }));
}

function partyTag(party: string | undefined): { party?: string } {
  const name = party?.trim();
  return name && name.toLowerCase() !== 'no party' ? { party: PARTY_TAGS[name] ?? name } : {};
}

/** Of two YYYY-MM-DD dates (either may be empty), the later; the earlier below. */
function later(a: string, b: string): string {
  return !a ? b : !b ? a : a > b ? a : b;
}

function earlier(a: string, b: string): string {
  return !a ? b : !b ? a : a < b ? a : b;
}

function readExecutives(source: SourceFile): Executive[] {
  const { value } = parseYaml(source.text, source.file);
  if (!Array.isArray(value))
    throw new InputError(
      'expected a list of people (congress-legislators executive.yaml or legislators-current.yaml)',
      source.file,
      1,
      1,
    );
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
  const short = executives.map((e) => plainOfficialName(e.name) ?? joinName(givenName(e.name), e.name?.last));
  const uses = new Map<string, number>();
  for (const name of short) uses.set(foldName(name), (uses.get(foldName(name)) ?? 0) + 1);
  return executives.map((e, index) => {
    const name = short[index] ?? '';
    return (uses.get(foldName(name)) ?? 0) > 1
      ? joinName(givenName(e.name), initials(e.name?.middle), e.name?.last)
      : name;
  });
}

/**
 * The official full name where it is already the form copy uses ("Eleanor Holmes Norton",
 * "Mitch McConnell"): no nickname to prefer, no initials, quotes or suffix.
 */
function plainOfficialName(name: ExecutiveName | undefined): string | undefined {
  const official = name?.official_full?.trim();
  if (!official || name?.nickname || name?.suffix) return undefined;
  if (/["“”,]|(^|\s)[A-Z]\.(\s|$)/.test(official)) return undefined;
  return official.endsWith(` ${name?.last ?? ''}`) ? official : undefined;
}

/**
 * The nickname, with initials run together ("J.D." → "JD"), or else the first name, or
 * the middle name after a first initial ("J. French Hill" → "French").
 */
function givenName(name: ExecutiveName | undefined): string | undefined {
  const nickname = name?.nickname;
  if (!nickname) {
    const middle = name?.middle?.trim();
    return /^[A-Z]\.$/.test(name?.first ?? '') && middle && !/^([A-Z]\.\s*)+$/.test(middle) ? middle : name?.first;
  }
  return /^([A-Z]\.)+$/.test(nickname) ? nickname.replace(/\./g, '') : nickname;
}

function personDetails(executive: Executive): ImportedPerson {
  const name = executive.name ?? {};
  const middleInitials = initials(name.middle);
  // 'Henry C. "Hank" Johnson, Jr.' is no form copy writes.
  const official = name.official_full && !name.official_full.includes('"') ? name.official_full : undefined;
  // "J. French Hill": "J. Hill" and "J. F. Hill" are no forms copy writes either.
  const variants = (
    /^[A-Z]\.$/.test(name.first ?? '')
      ? [official, joinName(name.first, name.middle, name.last)]
      : [
          official,
          joinName(name.first, name.last),
          joinName(name.first, middleInitials, name.last),
          joinName(name.first, middleInitials, name.last, name.suffix),
          joinName(name.first, name.middle, name.last),
          name.nickname ? joinName(name.nickname, name.last) : undefined,
        ]
  ).filter((v): v is string => Boolean(v));
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
