import type { Table } from '../reference/table.js';
import { FIRST_NAME_GENDER, HONORIFICS } from '../scan/lexicon.js';
import { phraseKeys } from '../util/phrase-keys.js';
import type { Mention } from '../scan/names.js';
import type { TitleClaim } from '../scan/titles.js';
import { firstStartAtLeast, sortByStart } from '../util/search.js';
import { tally } from '../util/work.js';

/** A person the article talks about, with every mention that refers to them. */
export interface Entity {
  id: number;
  /** The table person, when the names resolve to exactly one. */
  personId: string | null;
  candidates: string[];
  /** The name as the article introduces it (or the surname, if it never does). */
  name: string;
  /** The first full-name mention, if any: how the article introduces the person. */
  introduction: Mention | null;
  mentions: Mention[];
  gender: 'male' | 'female' | null;
  /** The gender is only what the first name usually has ("Terry" may be a woman): a preference, not a fact. */
  genderFromName: boolean;
}

/**
 * Link mentions to people: a full name introduces a person; a surname refers to the
 * person with that surname mentioned most recently before it (else the first after it).
 */
export function resolveEntities(mentions: readonly Mention[], claims: readonly TitleClaim[], table: Table): Entity[] {
  if (mentions.length === 0) return [];
  const claimsByMention = new Map<Mention, TitleClaim[]>();
  for (const claim of claims) {
    tally();
    const list = claimsByMention.get(claim.mention);
    if (list) list.push(claim);
    else claimsByMention.set(claim.mention, [claim]);
  }
  const narrow = (mention: Mention) =>
    narrowByTitle(mention.candidates, claimsByMention.get(mention) ?? NO_CLAIMS, table);

  const entities: Entity[] = [];
  const known = new KnownEntities();
  const fullBySurname = new Map<string, Entity[]>();
  for (const mention of mentions) {
    tally();
    if (mention.form !== 'full') continue;
    const candidates = narrow(mention);
    const unique = candidates.length === 1;
    const map = unique ? known.byPerson : known.byName;
    const key = unique ? (candidates[0] as string) : mention.text.toLowerCase();
    let entity = map.get(key);
    if (!entity) {
      entity = newEntity(entities.length, candidates, mention.text, mention, table);
      entities.push(entity);
      map.set(key, entity);
      const surname = mention.surnameKeys.join(' ');
      const list = fullBySurname.get(surname);
      if (list) list.push(entity);
      else fullBySurname.set(surname, [entity]);
    }
    link(entity, mention);
  }
  // Entities so far have only full-name mentions; their counts, by entity id.
  const fullMentionCount = entities.map((e) => e.mentions.length);
  for (const mention of mentions) {
    tally();
    if (mention.form !== 'surname') continue;
    const surname = mention.surnameKeys.join(' ');
    const namesakes = titledNamesakes(fullBySurname.get(surname) ?? [], mention, claimsByMention, narrow, table);
    const entity =
      nearestWithSurname(namesakes, mention, fullMentionCount) ??
      surnameOnly(mention, narrow(mention), known, entities, table);
    link(entity, mention);
  }
  for (const entity of entities) sortByStart(entity.mentions);
  return entities;
}

/**
 * "President Clinton" after "Hillary Clinton" was introduced: a title on a surname keeps only
 * the namesakes who held that office; when none of those the article introduced did, the
 * surname means a table person who did ("President Clinton" is Bill Clinton).
 */
function titledNamesakes(
  introduced: readonly Entity[],
  mention: Mention,
  claimsByMention: ReadonlyMap<Mention, TitleClaim[]>,
  narrow: (mention: Mention) => string[],
  table: Table,
): readonly Entity[] {
  if (!claimsByMention.has(mention) || introduced.length === 0) return introduced;
  const holders = narrow(mention);
  if (holders.length === mention.candidates.length) return introduced;
  // Someone the article introduced whom the table does not know may hold the title outside it,
  // and so may someone who held an office named with it ("President Kim" of the World Bank).
  const title = claimsByMention.get(mention)?.[0]?.titleText.toLowerCase() ?? '';
  return introduced.filter(
    (e) => e.personId === null || holders.includes(e.personId) || heldNamedOffice(e.personId, title, table),
  );
}

/** The person held an office whose name contains the title's words ("President of the World Bank Group"). */
function heldNamedOffice(personId: string, title: string, table: Table): boolean {
  if (!title) return false;
  const pattern = new RegExp(`\\b${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
  return (table.termsByPerson.get(personId) ?? []).some((t) => pattern.test(table.offices.get(t.officeId)?.name ?? ''));
}

function newEntity(id: number, candidates: string[], name: string, introduction: Mention | null, table: Table): Entity {
  const personId = candidates.length === 1 ? (candidates[0] ?? null) : null;
  const person = personId ? table.people.get(personId) : undefined;
  const guessed = genderOfName(person?.name ?? (introduction ? name : ''));
  return {
    id,
    personId,
    candidates,
    name: person && introduction?.nameForm ? person.name : name,
    introduction,
    mentions: [],
    gender: person?.gender ?? guessed,
    genderFromName: !person?.gender && guessed !== null,
  };
}

/** The gender a first name usually has ("Theresa" → female), from the build-time lexicon; null when unknown. */
function genderOfName(name: string): 'female' | 'male' | null {
  const keys = phraseKeys(name);
  const first = keys[0];
  return first === undefined || keys.length < 2 ? null : (FIRST_NAME_GENDER.get(first) ?? null);
}

function link(entity: Entity, mention: Mention): void {
  mention.entity = entity.id;
  entity.mentions.push(mention);
  const gender = mention.honorific ? HONORIFICS.get(mention.honorific) : null;
  if (gender && (!entity.gender || entity.genderFromName)) {
    entity.gender = gender;
    entity.genderFromName = false;
  }
}

/** Of the people introduced with this surname, the one mentioned last before `mention`, else the first after it. */
function nearestWithSurname(
  entities: readonly Entity[],
  mention: Mention,
  fullMentionCount: readonly number[],
): Entity | null {
  let best: Entity | null = null;
  let bestAt = -1;
  // Only absurd text introduces more people with one surname; the cap keeps it linear.
  for (let k = Math.max(0, entities.length - MAX_NAMESAKES); k < entities.length; k++) {
    tally();
    const entity = entities[k] as Entity;
    const at = latestMentionBefore(entity, mention.start, fullMentionCount[entity.id] ?? 0);
    if (at > bestAt) {
      best = entity;
      bestAt = at;
    }
  }
  return best ?? entities[0] ?? null;
}

const MAX_NAMESAKES = 64;

/**
 * Where the entity was last mentioned before `offset`, or -1. Its mentions are the full
 * names (in text order) and then the surnames linked so far, which all come before
 * `offset` because surnames are linked in text order.
 */
function latestMentionBefore(entity: Entity, offset: number, fullCount: number): number {
  const linked = entity.mentions.length > fullCount ? (entity.mentions[entity.mentions.length - 1]?.start ?? -1) : -1;
  const full = entity.mentions[firstStartAtLeast(entity.mentions, offset, fullCount) - 1]?.start ?? -1;
  return Math.max(full, linked < offset ? linked : -1);
}

function surnameOnly(
  mention: Mention,
  candidates: string[],
  known: KnownEntities,
  entities: Entity[],
  table: Table,
): Entity {
  // "President Obama …" then "Obama said": the namesake the article already named is meant.
  const named = candidates.filter((id) => known.byPerson.has(id));
  const unique = candidates.length === 1 || named.length === 1;
  const map = unique ? known.byPerson : known.bySurname;
  const key = unique ? ((named.length === 1 ? named[0] : candidates[0]) as string) : mention.surnameKeys.join(' ');
  let entity = map.get(key);
  if (!entity) {
    entity = newEntity(entities.length, candidates, mention.text, null, table);
    entities.push(entity);
    map.set(key, entity);
  }
  return entity;
}

/**
 * The article's people so far: by table person, else by the full name or the surname as written (three
 * maps, so no keys are built).
 */
class KnownEntities {
  readonly byPerson = new Map<string, Entity>();
  readonly byName = new Map<string, Entity>();
  readonly bySurname = new Map<string, Entity>();
}

const NO_CLAIMS: readonly TitleClaim[] = [];

/** "President Clinton": of the people named Clinton, those who ever held a presidency. */
function narrowByTitle(candidates: readonly string[], claims: readonly TitleClaim[], table: Table): string[] {
  if (candidates.length < 2 || claims.length === 0) return [...candidates];
  tally(candidates.length + claims.length);
  const offices = new Set(claims.flatMap((c) => c.officeIds));
  const holders = candidates.filter((id) => (table.termsByPerson.get(id) ?? []).some((t) => offices.has(t.officeId)));
  return holders.length > 0 ? holders : [...candidates];
}
