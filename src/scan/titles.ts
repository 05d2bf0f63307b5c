import type { Table } from '../reference/table.js';
import {
  CALENDAR_WORDS,
  DESCRIPTIONS,
  FULL_PLACE_NAMES,
  FUNCTION_WORDS,
  HONORIFICS,
  OTHER_OFFICE_WORDS,
  PARTY_WORDS,
  PRONOUNS,
  TIME_MODIFIERS,
  TRAILING_MODIFIERS,
  type TimeModifier,
} from './lexicon.js';
import { matchTrie, spacedText, type Mention, type TokenRole } from './names.js';
import { ABBREVIATIONS, type Token } from './tokens.js';
import { WordFlag } from './word-flags.js';
import type { TokenMap } from '../util/token-map.js';
import { sortByStart } from '../util/search.js';
import { tally } from '../util/work.js';

/** A title found in the text, before it is tied to a name. */
export interface TitlePhrase {
  /** Token range of the title words. */
  tokenStart: number;
  tokenEnd: number;
  /** Token range including modifiers and country words around the title. */
  claimStart: number;
  claimEnd: number;
  titleText: string;
  /** Offices with this title, narrowed by any country word. */
  officeIds: string[];
  country: string | null;
  modifier: TimeModifier | null;
  /** Token index of the modifier word ("former", "ex"), if it comes before the title. */
  modifierToken: number | null;
  /** "Deputy …", "Shadow …", "Fed President": another office than the title names. */
  otherOffice: string | null;
  /** The party named before the title ("Republican", "Liberal Democrat"), as written. */
  party: string | null;
  /** Preceded by "the" or a possessive: may stand in apposition ("X, the German chancellor,"). */
  determined: boolean;
}

/** A claim that a person holds (held, will hold) an office. */
export interface TitleClaim extends TitlePhrase {
  start: number;
  end: number;
  /** The title and the name as written ("German Chancellor Friedrich Merz", "Rustem Umerov, the secretary of …"). */
  text: string;
  mention: Mention;
  form: 'before-name' | 'apposition' | 'after-name';
}

const COUNTRY_LINKS = new Set(['of', 'for']);

/**
 * Every title phrase, with country words and modifiers on either side. `nameStarts`,
 * `titleStarts`: the words that may start a country word or a title (`tokenizeArticle`).
 */
export function findTitles(
  tokens: readonly Token[],
  table: Table,
  roles: TokenRole[],
  nameStarts: readonly number[],
  titleStarts: readonly number[],
): TitlePhrase[] {
  const countries = findCountries(tokens, table, roles, nameStarts);
  const phrases: TitlePhrase[] = [];
  let next = 0;
  for (const i of titleStarts) {
    tally();
    const token = tokens[i];
    // A title may begin with an organisation's or country's own name ("UN Secretary-General").
    if (i < next || !token?.isWord || (roles[i] && roles[i] !== 'country') || (token.flags & WordFlag.titleStart) === 0)
      continue;
    const match = matchTitle(tokens, i, table, countries);
    if (!match || (roles[i] === 'country' && !spansBeyondCountry(match.end, i, countries))) continue;
    const phrase = describeTitle(tokens, i, match.end, match.officeIds, match.innerCountry, table, countries, roles);
    for (let k = i; k < match.end; k++) roles[k] = 'title';
    if (!isPredicative(tokens, phrase.claimStart)) phrases.push(phrase);
    next = match.end;
  }
  return phrases;
}

/** A title starting on a country word must go past it ("UN Secretary-General", not just "UN"). */
function spansBeyondCountry(end: number, start: number, countries: CountryIndex): boolean {
  return end > (countries.byStart.get(start)?.end ?? start);
}

/** "how good a prime minister Gordon Brown will make": a title after "a" describes, it does not name. */
function isPredicative(tokens: readonly Token[], claimStart: number): boolean {
  const before = tokens[claimStart - 1]?.key;
  return before === 'a' || before === 'an';
}

interface CountryMatch {
  end: number;
  codes: string[];
}

/** Country words ("German", "U.S.", "Ukraine’s"), indexed by first and by last token. */
interface CountryIndex {
  byStart: Map<number, CountryMatch>;
  byEnd: Map<number, { start: number; codes: string[] }>;
}

function findCountries(
  tokens: readonly Token[],
  table: Table,
  roles: TokenRole[],
  nameStarts: readonly number[],
): CountryIndex {
  const index: CountryIndex = { byStart: new Map(), byEnd: new Map() };
  let next = 0;
  for (const i of nameStarts) {
    tally();
    const token = tokens[i];
    if (i < next || !token?.isWord || !token.capitalised || roles[i] || (token.flags & WordFlag.countryStart) === 0)
      continue;
    const match = matchTrie(table.countryWords, tokens, i);
    if (!match || !tokens[match.end - 1]?.capitalised) continue;
    index.byStart.set(i, { end: match.end, codes: match.value });
    index.byEnd.set(match.end, { start: i, codes: match.value });
    for (let k = i; k < match.end; k++) roles[k] = 'country';
    next = match.end;
  }
  return index;
}

/**
 * The longest title at `start`. Inside a title, "the" and a possessive country word may
 * be skipped ("secretary of Ukraine’s National Security and Defense Council").
 */
function matchTitle(
  tokens: readonly Token[],
  start: number,
  table: Table,
  countries: CountryIndex,
): { end: number; officeIds: string[]; innerCountry: string[] | null } | null {
  const paragraph = tokens[start]?.paragraph;
  let node = table.titles;
  let best: { end: number; officeIds: string[]; innerCountry: string[] | null } | null = null;
  let innerCountry: string[] | null = null;
  for (let i = start; i < tokens.length && i < start + 16; ) {
    tally();
    const token = tokens[i];
    if (i > start && isAbbreviationStop(tokens, i)) {
      // "Lt. Gov.": an abbreviation's full stop inside the title.
      i++;
      continue;
    }
    if (!token?.isWord || token.paragraph !== paragraph) break;
    const child = node.next.get(token.key);
    if (child) {
      node = child;
      i++;
      if (node.value) best = { end: i, officeIds: node.value, innerCountry };
      continue;
    }
    const country = countries.byStart.get(i);
    if (i > start && country && tokens[country.end - 1]?.possessive) {
      innerCountry = country.codes;
      i = country.end;
      continue;
    }
    if (i > start && token.key === 'the') {
      i++;
      continue;
    }
    break;
  }
  return best;
}

function describeTitle(
  tokens: readonly Token[],
  start: number,
  end: number,
  officeIds: readonly string[],
  innerCountry: string[] | null,
  table: Table,
  countries: CountryIndex,
  roles: readonly TokenRole[],
): TitlePhrase {
  let claimStart = start;
  let country: string[] | null = innerCountry;
  let modifier: TimeModifier | null = null;
  let modifierToken: number | null = null;
  let otherOffice: string | null = null;
  let party: string | null = null;
  let determined = false;
  // Left: modifiers, country words, "the", qualifiers naming another organisation.
  for (let j = start - 1; j >= 0 && j >= start - 6; ) {
    // "former Fla. Gov.", "Lt. Gov.": an abbreviation's full stop is part of the word before it.
    const sameParagraph = tokens[j]?.paragraph === tokens[start]?.paragraph;
    if (
      j === claimStart - 1 &&
      sameParagraph &&
      isAbbreviationStop(tokens, j, abbreviatedPlace(tokens, j, countries, table))
    ) {
      claimStart = j;
      j--;
      continue;
    }
    tally();
    const token = tokens[j];
    if (!token || token.paragraph !== tokens[start]?.paragraph) break;
    const countryMatch = countries.byEnd.get(j + 1);
    // "U.S. South Carolina Governor": the country around the region named already.
    if (countryMatch && country && countryMatch.codes.some((code) => country?.some((c) => c.startsWith(`${code}-`)))) {
      claimStart = countryMatch.start;
      j = countryMatch.start - 1;
      continue;
    }
    if (countryMatch && !country) {
      country = countryMatch.codes;
      determined ||= tokens[j]?.possessive ?? false;
      claimStart = countryMatch.start;
      j = countryMatch.start - 1;
      continue;
    }
    if (roles[j] === 'name' && token.possessive && j === claimStart - 1) {
      // "Carter's press secretary, Peter Cook": the title is relative to another person.
      otherOffice = `${token.text}’s ${tokens[start]?.text ?? ''}`;
      break;
    }
    if (!token.isWord || roles[j] === 'name') break;
    const wouldBe = token.key === 'be' && token.hyphenBefore && tokens[j - 1]?.key === 'would';
    const time = wouldBe ? 'incoming' : TIME_MODIFIERS.get(token.key);
    if (time) {
      if (!modifier) {
        modifier = time;
        modifierToken = j;
      }
      claimStart = wouldBe ? j - 1 : j;
      if (time === 'late' && tokens[j - 1]?.key === 'the') determined = true;
      j = claimStart - 1;
      continue;
    }
    // "under President Obama": a preposition; "Under Secretary": another office.
    const preposition = token.key === 'under' && tokens[start]?.key !== 'secretary';
    if (OTHER_OFFICE_WORDS.has(token.key) && j === claimStart - 1 && !token.possessive && !preposition) {
      otherOffice = `${token.text} ${tokens[start]?.text ?? ''}`;
      claimStart = j;
      j--;
      continue;
    }
    if (PARTY_WORDS.has(token.key) && j === claimStart - 1 && !token.possessive) {
      // "Republican President George W. Bush", "Liberal Democrat shadow chancellor": the party
      // named; whether the post is that party's own is for the judge, who knows the date.
      party = party ? `${token.text} ${party}` : token.text;
      claimStart = j;
      j--;
      continue;
    }
    if (token.key === 'and' && j === claimStart - 1) {
      // "former Pennsylvania Gov. and DNC Chairman Ed Rendell": the modifier covers both titles.
      const shared = sharedModifier(tokens, j, roles);
      if (shared) {
        modifier ??= shared.modifier;
        modifierToken ??= shared.at;
      }
      break;
    }
    // "it's", "that's" are contractions, not possessives.
    const contraction = PRONOUNS.has(token.key) || FUNCTION_WORDS.has(token.key);
    // "the state's governor": a place the article named before, not another office.
    if (token.possessive && PLACE_NOUNS.has(token.key)) {
      determined = true;
      break;
    }
    if (token.possessive && !contraction && j === claimStart - 1 && !countries.byEnd.has(j + 1)) {
      // "her husband's Treasury secretary": the office of whoever owns it, not the country's.
      otherOffice ??= `${token.text}’s ${tokens[start]?.text ?? ''}`;
      determined = true;
      break;
    }
    if (token.key === 'the' || token.possessive) determined = true;
    else if (j === start - 1 && namesOrganisation(tokens, j, officeIds, table)) {
      otherOffice ??= `${token.text} ${tokens[start]?.text ?? ''}`;
    }
    break;
  }
  // Right: "of <country>", "for <something>", "-elect".
  let claimEnd = end;
  const next = tokens[end];
  if (next?.isWord && COUNTRY_LINKS.has(next.key) && next.paragraph === tokens[start]?.paragraph) {
    const after = tokens[end + 1]?.key === 'the' ? end + 2 : end + 1;
    const countryMatch = countries.byStart.get(after);
    const namesOrganisation =
      countryMatch && tokens[countryMatch.end]?.capitalised && !tokens[countryMatch.end - 1]?.possessive;
    if (countryMatch && !namesOrganisation) {
      country ??= countryMatch.codes;
      claimEnd = countryMatch.end;
    } else if (tokens[after]?.capitalised) {
      otherOffice ??= spacedText(tokens, start, after + 1);
    }
  }
  const trailing = tokens[claimEnd];
  if (trailing?.isWord && TRAILING_MODIFIERS.has(trailing.key)) {
    modifier = TRAILING_MODIFIERS.get(trailing.key) ?? modifier;
    claimEnd++;
  }
  tally(officeIds.length);
  const narrowed = country
    ? officeIds.filter((id) => inPlaces(table.offices.get(id)?.country ?? null, country))
    : [...officeIds];
  return {
    tokenStart: start,
    tokenEnd: end,
    claimStart,
    claimEnd,
    titleText: spacedText(tokens, start, end),
    officeIds: narrowed,
    country: country?.[0] ?? null,
    modifier,
    modifierToken,
    otherOffice,
    party,
    determined,
  };
}

/**
 * Capitalised words before a title that do not make it another organisation's office: a
 * time modifier, an honorific, a day or month ("On Tuesday Foreign Secretary …"), or a
 * sentence's first word that is a function word or a description ("Yesterday Prime Minister …",
 * "Embattled Prime Minister …").
 */
function isTitleContext(token: Token): boolean {
  if (TIME_MODIFIERS.has(token.key) || HONORIFICS.has(token.key) || CALENDAR_WORDS.has(token.key)) return true;
  return token.sentenceStart && (FUNCTION_WORDS.has(token.key) || DESCRIPTIONS.has(token.key));
}

/** The title nouns that end one title where another follows ("Committee Chairman Rep. Jason Chaffetz"). */
const OFFICE_NOUNS = new Set([
  'chair',
  'chairman',
  'chairwoman',
  'speaker',
  'leader',
  'president',
  'secretary',
  'minister',
  'director',
  'commissioner',
  'treasurer',
]);

/** Common nouns whose possessive names a place the article gave ("the state's governor"). */
const PLACE_NOUNS = new Set(['state', 'country', 'nation', 'city', 'province', 'county', 'region', 'island']);

/**
 * A capitalised word right before a title names another organisation ("Electoral Commission
 * chairman", "Fed President", "DNC Chair"), unless it is context, the end of another title
 * ("Committee Chairman Rep. X"), a word of the office's own name ("House Rep."), a run of
 * capitals that is no acronym ("ISTANBUL EXPLOSION Turkish President"), or a word of a
 * title-case headline ("Trump Finally Endorses House Speaker Paul Ryan").
 */
function namesOrganisation(tokens: readonly Token[], at: number, officeIds: readonly string[], table: Table): boolean {
  const token = tokens[at];
  if (!token?.capitalised || isTitleContext(token) || OFFICE_NOUNS.has(token.key)) return false;
  // "Neither Prime Minister X nor …", "Both Chancellor X and …": a sentence's capitalised function word.
  if (FUNCTION_WORDS.has(token.key)) return false;
  if (token.text.length > 5 && token.text === token.text.toUpperCase()) return false;
  if (officeIds.some((id) => officeWords(table, id).has(token.key))) return false;
  return !inTitleCaseHeadline(tokens, at);
}

/** The sentence so far is four or more capitalised words: a title-case headline, where capitals say nothing. */
function inTitleCaseHeadline(tokens: readonly Token[], at: number): boolean {
  let words = 0;
  for (let k = at; k >= 0; k--) {
    tally();
    const token = tokens[k];
    if (!token?.isWord || !token.capitalised || token.paragraph !== tokens[at]?.paragraph) return false;
    words++;
    if (token.sentenceStart) return words >= 4;
  }
  return false;
}

/** The words of an office's name and titles, folded; worked out once per office. */
function officeWords(table: Table, id: string): ReadonlySet<string> {
  const office = table.offices.get(id);
  if (!office) return EMPTY_WORDS;
  let found = officeWordCache.get(office);
  if (!found) {
    const text = [office.name, ...office.titles].join(' ').toLowerCase();
    found = new Set(text.split(/[^\p{L}]+/u).filter((word) => word.length > 0));
    officeWordCache.set(office, found);
  }
  return found;
}

const EMPTY_WORDS: ReadonlySet<string> = new Set();
const officeWordCache = new WeakMap<object, ReadonlySet<string>>();

/** An office's place is one of the places named, or inside one ("US-TX" is in "US"; "US" is not in "US-TX"). */
function inPlaces(officePlace: string | null, places: readonly string[]): boolean {
  if (officePlace === null) return false;
  return places.some((place) => officePlace === place || officePlace.startsWith(`${place}-`));
}

/** Tie titles to names: "Title Name", "Name, the title,", "Name Title of Country"; and "the late Name". */
export function attachTitles(
  tokens: readonly Token[],
  phrases: readonly TitlePhrase[],
  mentions: readonly Mention[],
  mentionAt: TokenMap<Mention>,
  mentionEndingAt: TokenMap<Mention>,
  prose: string,
  table: Table,
): TitleClaim[] {
  const claims: TitleClaim[] = [];
  const titleEnds = new Set(phrases.map((p) => p.tokenEnd));
  for (const phrase of phrases) {
    tally();
    const claim =
      nameAfter(tokens, phrase, mentionAt, prose, titleEnds, table) ??
      nameBefore(tokens, phrase, mentionEndingAt, prose);
    if (claim) claims.push(claim);
  }
  for (const mention of mentions) {
    tally();
    if (mentionAt.get(mention.tokenStart) !== mention) continue;
    const late = tokens[mention.tokenStart - 1];
    if (late?.key !== 'late' || tokens[mention.tokenStart - 2]?.key !== 'the') continue;
    const at = mention.tokenStart - 1;
    claims.push({
      tokenStart: at,
      tokenEnd: at,
      claimStart: at,
      claimEnd: at + 1,
      titleText: '',
      officeIds: [],
      country: null,
      modifier: 'late',
      modifierToken: at,
      otherOffice: null,
      party: null,
      determined: true,
      // In toClaim's order: claims of both kinds then share one object shape.
      mention,
      form: 'before-name',
      start: late.start,
      end: late.end,
      text: prose.slice(late.start, mention.end),
    });
  }
  return sortByStart(claims);
}

function toClaim(
  tokens: readonly Token[],
  phrase: TitlePhrase,
  mention: Mention,
  form: TitleClaim['form'],
  prose: string,
): TitleClaim {
  const start = tokens[phrase.claimStart]?.start ?? 0;
  const end = tokens[phrase.claimEnd - 1]?.end ?? 0;
  const text = prose.slice(Math.min(start, mention.start), Math.max(end, mention.end)).replace(/\s+/g, ' ');
  return {
    tokenStart: phrase.tokenStart,
    tokenEnd: phrase.tokenEnd,
    claimStart: phrase.claimStart,
    claimEnd: phrase.claimEnd,
    titleText: phrase.titleText,
    officeIds: phrase.officeIds,
    country: phrase.country,
    modifier: phrase.modifier,
    modifierToken: phrase.modifierToken,
    otherOffice: phrase.otherOffice,
    party: phrase.party,
    determined: phrase.determined,
    mention,
    form,
    start,
    end,
    text,
  };
}

function nameAfter(
  tokens: readonly Token[],
  phrase: TitlePhrase,
  mentionAt: TokenMap<Mention>,
  prose: string,
  titleEnds: ReadonlySet<number>,
  table: Table,
): TitleClaim | null {
  let i = phrase.claimEnd;
  const last = tokens[phrase.claimEnd - 1];
  if (last?.possessive) return null;
  // "Sen. Chuck Schumer": the abbreviation's full stop.
  if (isAbbreviationStop(tokens, i)) i++;
  let comma = false;
  if (tokens[i]?.text === ',' && phrase.determined) {
    if (isListItem(tokens, phrase, titleEnds)) return null;
    comma = true;
    i++;
  }
  // "Foreign Secretary Lord Carrington": the honorific may be part of the name the table knows.
  while (!mentionAt.has(i) && tokens[i]?.isWord && HONORIFICS.has(tokens[i]?.key ?? '') && tokens[i]?.capitalised) {
    tally();
    i++;
    if (tokens[i]?.text === '.') i++;
  }
  const mention = mentionAt.get(i);
  // A headline's last word is no title for the next paragraph's first name.
  if (!mention || tokens[mention.tokenStart]?.paragraph !== tokens[phrase.tokenStart]?.paragraph) return null;
  if (comma && !/^[,.;:)]$/.test(tokens[mention.tokenEnd]?.text ?? '.')) return null;
  return toClaim(tokens, placedAfterName(tokens, phrase, mention, table), mention, 'before-name', prose);
}

/** "Gov. Tammy Baldwin of Ohio": a place after the name narrows a title that named none. */
function placedAfterName(tokens: readonly Token[], phrase: TitlePhrase, mention: Mention, table: Table): TitlePhrase {
  if (phrase.country || tokens[mention.tokenEnd]?.key !== 'of') return phrase;
  const place = matchTrie(table.countryWords, tokens, mention.tokenEnd + 1);
  if (!place || !tokens[mention.tokenEnd + 1]?.capitalised) return phrase;
  const officeIds = phrase.officeIds.filter((id) => inPlaces(table.offices.get(id)?.country ?? null, place.value));
  // "White House chief of staff Mike Pence of Indiana": the place is the person's, not the office's.
  if (officeIds.length === 0) return phrase;
  return { ...phrase, officeIds, country: place.value[0] ?? null };
}

/** Within a few words before "and": the time modifier of the first of two coordinated titles. */
function sharedModifier(
  tokens: readonly Token[],
  and: number,
  roles: readonly TokenRole[],
): { modifier: TimeModifier; at: number } | null {
  for (let k = and - 1; k >= 0 && k >= and - 7; k--) {
    const token = tokens[k];
    // "former Secretary of State Hillary Clinton and Sen. Bernie Sanders": two people, not two titles.
    if (!token || token.paragraph !== tokens[and]?.paragraph || roles[k] === 'name') return null;
    if (!token.isWord && token.text !== '.' && token.text !== '-') return null;
    const modifier = token.isWord ? TIME_MODIFIERS.get(token.key) : undefined;
    if (modifier) return { modifier, at: k };
    if (token.key === 'the' || token.key === 'a' || token.key === 'an') return null;
  }
  return null;
}

/**
 * A full stop that closes an abbreviation ("Sen.", "Lt. Gov.", "Fla. Gov.") rather than a
 * sentence: right after a known abbreviation, an initial, or an abbreviated place.
 */
function isAbbreviationStop(tokens: readonly Token[], i: number, placeAbbreviation = false): boolean {
  const stop = tokens[i];
  const word = tokens[i - 1];
  if (stop?.text !== '.' || !word?.isWord || word.end !== stop.start) return false;
  return ABBREVIATIONS.has(word.key) || word.text.length === 1 || placeAbbreviation;
}

/**
 * "Fla. Gov.": a place the table writes with a full stop, or a short place word that is no
 * place's full name; "in Washington. Vice President …" ends a sentence.
 */
function abbreviatedPlace(tokens: readonly Token[], stop: number, countries: CountryIndex, table: Table): boolean {
  const place = countries.byEnd.get(stop);
  const word = tokens[stop - 1];
  if (!place || !word) return false;
  const written = `${word.key}.`;
  if (place.codes.some((code) => table.countries.get(code)?.some((name) => name.toLowerCase() === written)))
    return true;
  return word.text.length <= 5 && !FULL_PLACE_NAMES.has(word.key);
}

/** "the president, the vice president, Susan Rice": a list of people, not "the title, Name". */
function isListItem(tokens: readonly Token[], phrase: TitlePhrase, titleEnds: ReadonlySet<number>): boolean {
  const determiner = tokens[phrase.claimStart - 1]?.key === 'the' ? phrase.claimStart - 1 : phrase.claimStart;
  return tokens[determiner - 1]?.text === ',' && titleEnds.has(determiner - 1);
}

/** "Name, the title [of X]," and the caption form "Name Title of Country". */
function nameBefore(
  tokens: readonly Token[],
  phrase: TitlePhrase,
  mentionEndingAt: TokenMap<Mention>,
  prose: string,
): TitleClaim | null {
  const after = tokens[phrase.claimEnd];
  const closes =
    after === undefined || after.paragraph !== tokens[phrase.tokenStart]?.paragraph || /^[,.;:)—–]$/.test(after.text);
  let i = phrase.claimStart;
  if (tokens[i - 1]?.key === 'the') i--;
  const direct = mentionEndingAt.get(i);
  if (direct && phrase.country && phrase.claimEnd > phrase.tokenEnd)
    return toClaim(tokens, phrase, direct, 'after-name', prose);
  if (tokens[i - 1]?.text !== ',' || !closes) return null;
  const mention = mentionEndingAt.get(i - 1);
  if (!mention) return null;
  const bare = phrase.claimStart === phrase.tokenStart && i === phrase.claimStart;
  if (bare && phrase.claimEnd === phrase.tokenEnd && !/^[,.]$/.test(after?.text ?? '.')) return null;
  return toClaim(tokens, phrase, mention, 'apposition', prose);
}
