import type { NameForm, Person, Table } from '../reference/table.js';
import type { TrieNode } from '../util/trie.js';
import type { PhraseIndex } from '../util/phrase-index.js';
import { mergeByStart, sortByStart } from '../util/search.js';
import { tally } from '../util/work.js';
import { MONTH_NAMES } from '../util/dates.js';
import {
  FIRST_NAME_GENDER,
  FULL_PLACE_NAMES,
  FUNCTION_WORDS,
  HONORIFICS,
  METONYMS,
  NAME_PARTICLES,
  NOT_PERSON_WORDS,
  ORGANISATION_WORDS,
  PARTY_WORDS,
} from './lexicon.js';
import type { Token } from './tokens.js';
import { speechVerb } from './verbs.js';
import { WordFlag } from './word-flags.js';

/** A name in the text: a full name (known to the table or not) or a surname alone. */
export interface Mention {
  start: number;
  end: number;
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  text: string;
  form: 'full' | 'surname';
  /** Table people this name may mean (empty: not in the table). */
  candidates: string[];
  /** The table spelling matched, for full names found in the table. */
  nameForm: NameForm | null;
  /** Keys of the surname part (to link "Chen" to "Geshuang Chen"). */
  surnameKeys: string[];
  /** Token range of the surname part. */
  surnameStart: number;
  surnameEnd: number;
  honorific: string | null;
  /** Index of the article entity (person) it refers to; set by the resolver. */
  entity: number;
}

export type TokenRole = 'name' | 'title' | 'country' | 'modifier' | null;

const MAX_RUN = 5;

function wordKey(tokens: readonly Token[], i: number, paragraph: number): string | null {
  const token = tokens[i];
  return token?.isWord && token.paragraph === paragraph ? token.key : null;
}

/** A full stop right after an initial ("George W. Bush") is part of the name. */
function isInitialStop(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  const before = tokens[i - 1];
  return (
    token?.text === '.' &&
    before !== undefined &&
    before.isWord &&
    before.text.length === 1 &&
    before.capitalised &&
    before.end === token.start
  );
}

/** How far a phrase may run from its first token. */
const MAX_PHRASE_TOKENS = 12;

export interface PhraseMatch<T> {
  /** Index after the last token matched. */
  end: number;
  value: T;
}

/**
 * The longest phrase of the trie at token `start`: words of one paragraph, passing over the full stop
 * after an initial.
 */
export function matchTrie<T>(root: TrieNode<T>, tokens: readonly Token[], start: number): PhraseMatch<T> | null {
  const paragraph = tokens[start]?.paragraph ?? -1;
  const limit = Math.min(tokens.length, start + MAX_PHRASE_TOKENS);
  let node = root;
  let best: PhraseMatch<T> | null = null;
  for (let i = start; i < limit; i++) {
    tally();
    if (i > start && isInitialStop(tokens, i)) continue;
    const key = wordKey(tokens, i, paragraph);
    if (key === null) break;
    const child = node.next.get(key);
    if (!child) break;
    node = child;
    if (node.value !== undefined) best = { end: i + 1, value: node.value };
  }
  return best;
}

/**
 * The longest phrase of the index at token `start`, read as `matchTrie` reads: the words
 * joined by spaces are looked up, and reading stops once no longer phrase begins so.
 */
export function matchPhrase<T>(index: PhraseIndex<T>, tokens: readonly Token[], start: number): PhraseMatch<T> | null {
  const paragraph = tokens[start]?.paragraph ?? -1;
  const limit = Math.min(tokens.length, start + MAX_PHRASE_TOKENS);
  const firstKey = wordKey(tokens, start, paragraph);
  if (firstKey === null || !index.first.has(firstKey)) return null;
  let joined = firstKey;
  let words = 1;
  let best: PhraseMatch<T> | null = null;
  for (let i = start; ; ) {
    tally();
    const value = index.entries.get(joined);
    if (value !== undefined) best = { end: i + 1, value };
    if (words >= index.maxWords || (words >= 2 && !index.prefixes.has(joined))) break;
    let next = i + 1;
    while (next < limit && isInitialStop(tokens, next)) next++;
    if (next >= limit) break;
    const key = wordKey(tokens, next, paragraph);
    if (key === null) break;
    joined += ` ${key}`;
    words++;
    i = next;
  }
  return best;
}

/** Full names from the table, in one pass over the words that may start one (`nameStarts`); marks their tokens. */
export function findTableNames(
  tokens: readonly Token[],
  table: Table,
  roles: TokenRole[],
  nameStarts: readonly number[],
): Mention[] {
  const mentions: Mention[] = [];
  let next = 0;
  for (const i of nameStarts) {
    tally();
    const token = tokens[i];
    if (i < next || !token?.isWord || (token.flags & WordFlag.nameStart) === 0) continue;
    const match = matchPhrase(table.names, tokens, i);
    const last = match ? tokens[match.end - 1] : undefined;
    // The last word may be a lower-case part joined by a hyphen ("Ban Ki-moon").
    if (
      !match ||
      !(last?.capitalised || last?.hyphenBefore) ||
      !(token.capitalised || (token.flags & WordFlag.nameParticle) !== 0)
    )
      continue;
    const form = match.value[0];
    if (!form) continue;
    const surnameStart = wordIndexAfter(tokens, i, form.surnameAt);
    mentions.push(
      mention(
        tokens,
        i,
        match.end,
        'full',
        [...new Set(match.value.map((f) => f.personId))],
        form,
        surnameStart,
        Math.min(match.end, wordIndexAfter(tokens, surnameStart, form.surnameLength - 1) + 1),
      ),
    );
    for (let k = i; k < match.end; k++) roles[k] = 'name';
    next = match.end;
  }
  return mentions;
}

/** The index of the n-th word after `start` (skipping full stops after initials). */
function wordIndexAfter(tokens: readonly Token[], start: number, n: number): number {
  let i = start;
  let left = n;
  while (left > 0 && i < tokens.length - 1) {
    i++;
    if (tokens[i]?.isWord) left--;
  }
  return i;
}

/** The tokens' texts joined by single spaces. */
export function spacedText(tokens: readonly Token[], start: number, end: number): string {
  const stop = Math.min(end, tokens.length);
  if (start >= stop) return '';
  let text = tokens[start]?.text ?? '';
  for (let k = start + 1; k < stop; k++) text += ` ${tokens[k]?.text ?? ''}`;
  return text;
}

function wordKeys(tokens: readonly Token[], start: number, end: number): string[] {
  const keys: string[] = [];
  for (let k = start; k < end; k++) {
    const token = tokens[k];
    if (token?.isWord) keys.push(token.key);
  }
  return keys;
}

function mention(
  tokens: readonly Token[],
  start: number,
  end: number,
  form: 'full' | 'surname',
  candidates: string[],
  nameForm: NameForm | null,
  surnameStart: number,
  surnameEnd: number,
): Mention {
  tally(end - start);
  const first = tokens[start];
  const last = tokens[end - 1];
  const before = tokens[start - 1];
  const honorific =
    before?.isWord && (before.flags & WordFlag.honorific) !== 0 && before.capitalised ? before.key : null;
  return {
    start: first?.start ?? 0,
    end: last?.end ?? 0,
    tokenStart: start,
    tokenEnd: end,
    text: spacedText(tokens, start, end),
    form,
    candidates,
    nameForm,
    surnameKeys: wordKeys(tokens, surnameStart, surnameEnd),
    surnameStart,
    surnameEnd,
    honorific,
    entity: -1,
  };
}

function isNameWord(token: Token | undefined, paragraph: number): boolean {
  // A capitalised token starts with a cased letter, so never with a digit.
  return token?.isWord === true && token.paragraph === paragraph && token.capitalised;
}

/**
 * Names not covered by the table scan: runs of capitalised words ("Geshuang Chen"),
 * which may end in a table surname ("Maria Scholz" is not Olaf Scholz); then single
 * words that are a table surname ("Scholz") or the surname of a full name the article
 * uses anywhere ("Chen").
 */
export function findOtherNames(
  tokens: readonly Token[],
  table: Table,
  roles: TokenRole[],
  known: readonly Mention[],
  nameStarts: readonly number[],
): Mention[] {
  const runs: Mention[] = [];
  let next = 0;
  for (const i of nameStarts) {
    tally();
    if (i < next || !startsName(tokens, i, roles)) continue;
    const end = runEnd(tokens, i, roles);
    const found = end - i >= 2 ? fullNameRun(tokens, i, end, table) : null;
    if (found?.form === 'full') {
      runs.push(found);
      for (let k = found.tokenStart; k < found.tokenEnd; k++) roles[k] = 'name';
    }
    next = Math.max(i + 1, found?.tokenEnd ?? end);
  }
  const articleSurnames = new Set([...known, ...runs].map((m) => m.surnameKeys.join(' ')));
  const singles: Mention[] = [];
  next = 0;
  for (const i of nameStarts) {
    tally();
    if (i < next || !startsName(tokens, i, roles)) continue;
    const found =
      (inProperNoun(tokens, i, roles) ? null : surnameAlone(tokens, i, table, articleSurnames)) ??
      articleSurname(tokens, i, articleSurnames) ??
      afterHonorific(tokens, i) ??
      speakerSurname(tokens, i);
    if (!found) continue;
    singles.push(found);
    for (let k = found.tokenStart; k < found.tokenEnd; k++) roles[k] = 'name';
    next = found.tokenEnd;
  }
  return mergeByStart(sortByStart(runs), singles);
}

function startsName(tokens: readonly Token[], i: number, roles: readonly TokenRole[]): boolean {
  const token = tokens[i];
  if (!token || roles[i] || !isNameWord(token, token.paragraph)) return false;
  const flags = token.flags;
  if (
    (flags & WordFlag.functionWord) !== 0 &&
    (token.sentenceStart || token.key.length <= 3) &&
    (flags & WordFlag.surnameStart) === 0
  )
    return false;
  return !((flags & WordFlag.honorific) !== 0 && isNameWord(tokens[i + 1], token.paragraph));
}

/** "Ms Hewitt": a capitalised word after Mr, Ms, Dr … is a surname even when nothing else is known. */
function afterHonorific(tokens: readonly Token[], i: number): Mention | null {
  const before = tokens[i - 1];
  const token = tokens[i];
  if (
    !before?.isWord ||
    !before.capitalised ||
    !HONORIFICS.has(before.key) ||
    !token ||
    NOT_PERSON_WORDS.has(token.key)
  )
    return null;
  return mention(tokens, i, i + 1, 'surname', [], null, i, i + 1);
}

function articleSurname(tokens: readonly Token[], i: number, surnames: ReadonlySet<string>): Mention | null {
  const token = tokens[i];
  if (!token || !surnames.has(token.key) || NOT_PERSON_WORDS.has(token.key)) return null;
  return mention(tokens, i, i + 1, 'surname', [], null, i, i + 1);
}

function opensWithoutName(token: Token): boolean {
  return FUNCTION_WORDS.has(token.key) || (isFiniteSpeechVerb(token) && speechVerb(token.key)?.tense === 'past');
}

function isFiniteSpeechVerb(token: Token): boolean {
  if ((token.flags & WordFlag.speechVerb) === 0) return false;
  const tense = speechVerb(token.key)?.tense;
  return tense === 'present' || tense === 'past';
}

function runEnd(tokens: readonly Token[], start: number, roles: readonly TokenRole[]): number {
  const paragraph = tokens[start]?.paragraph ?? -1;
  let end = start + 1;
  let words = 1;
  while (end < tokens.length && words < MAX_RUN && !roles[end]) {
    tally();
    const token = tokens[end];
    if (isInitialStop(tokens, end)) {
      end++;
      continue;
    }
    const particle =
      token?.isWord && (token.flags & WordFlag.nameParticle) !== 0 && isNameWord(tokens[end + 1], paragraph);
    if (!isNameWord(token, paragraph) && !particle) break;
    // "Clinton Says …" in a title-case headline: a finite speech verb ends the name.
    if (token && isFiniteSpeechVerb(token)) break;
    if (token?.possessive && !particle) {
      end++;
      break;
    }
    end++;
    words++;
  }
  if (tokens[start]?.possessive) return start + 1;
  return end;
}

function looksLikePerson(tokens: readonly Token[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    tally();
    const token = tokens[k];
    if (!token?.isWord) continue;
    if (NOT_PERSON_WORDS.has(token.key) || (FUNCTION_WORDS.has(token.key) && !NAME_PARTICLES.has(token.key)))
      return false;
    if (token.text.length > 1 && isAllCapitals(token.text) && !INITIALS.test(token.text)) return false;
  }
  return true;
}

/** Initials with full stops ("J.M.", "A.P.J."): part of a name, not an acronym. */
const INITIALS = /^(\p{Lu}\.)+$/u;

/** Letters, all capitals ("NATO", "BBC"): an acronym, not a name. */
function isAllCapitals(text: string): boolean {
  let letters = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return text === text.toUpperCase() && /\p{L}/u.test(text);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters = true;
  }
  return letters;
}

function fullNameRun(tokens: readonly Token[], start: number, end: number, table: Table): Mention | null {
  let first = start;
  // "Meanwhile Merz …", "Said Dorothy Poynter, …": a sentence's first word that is no name.
  while (first < end && tokens[first]?.sentenceStart && opensWithoutName(tokens[first] as Token)) first++;
  while (end - first > 2 && !looksLikePerson(tokens, first, end)) first++;
  if (end - first < 2 || !looksLikePerson(tokens, first, end)) return null;
  // "Mr Duncan Smith": the whole run is a table surname of more than one word, not a new person.
  const whole = matchPhrase(table.surnames, tokens, first);
  if (whole && whole.end === end) return mention(tokens, first, end, 'surname', whole.value, null, first, end);
  const nameEnd = withoutSuffix(tokens, first, end);
  const surname = findSurnameAtEnd(tokens, first, nameEnd, table);
  const surnameStart = surname?.start ?? nameEnd - 1;
  // "John G. Roberts" is John Roberts; "Alejandro García Padilla" is not Alejandro Padilla,
  // and "John F. Kennedy" is not the John N. Kennedy of the table.
  const candidates =
    surname && onlyInitialsBetween(tokens, first + 1, surname.start)
      ? samePerson(tokens[first]?.key ?? '', surname.people, table).filter((id) =>
          middleInitialsAgree(tokens, first + 1, surname.start, table.people.get(id)),
        )
      : [];
  return mention(tokens, first, end, 'full', candidates, null, surnameStart, nameEnd);
}

const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** The run's end before a suffix ("Jr.", "III"), which is part of the name but not of the surname. */
function withoutSuffix(tokens: readonly Token[], start: number, end: number): number {
  let last = end - 1;
  if (tokens[last]?.text === '.') last--;
  return last > start + 1 && NAME_SUFFIXES.has(tokens[last]?.key ?? '') ? last : end;
}

function onlyInitialsBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const token = tokens[k];
    if (!token || !(token.text === '.' || token.text.length === 1 || INITIALS.test(token.text))) return false;
  }
  return true;
}

/** A table surname ending the run ("Maria Scholz" → Scholz). */
function findSurnameAtEnd(
  tokens: readonly Token[],
  start: number,
  end: number,
  table: Table,
): { start: number; people: string[] } | null {
  for (let s = start + 1; s < end; s++) {
    const match = matchPhrase(table.surnames, tokens, s);
    if (match && match.end === end) return { start: s, people: match.value };
  }
  return null;
}

/**
 * The run's middle initials fit the person: they are unknown to the table, or one of the
 * person's names has a middle word with that initial.
 */
function middleInitialsAgree(tokens: readonly Token[], from: number, to: number, person: Person | undefined): boolean {
  const initials: string[] = [];
  for (let k = from; k < to; k++) {
    const text = tokens[k]?.text ?? '';
    if (text !== '.') initials.push(...text.replace(/\./g, '').toLowerCase());
  }
  if (initials.length === 0 || !person) return true;
  const middles = [person.name, ...person.variants].flatMap((name) => {
    const words = name.trim().split(/\s+/);
    return words.slice(1, -1).map((word) => word.charAt(0).toLowerCase());
  });
  return middles.length === 0 || initials.some((initial) => middles.includes(initial));
}

/** People with that surname whose name begins with the same first name (or initial). */
function samePerson(firstKey: string, people: readonly string[], table: Table): string[] {
  return people.filter((id) => {
    tally();
    const person = table.people.get(id);
    if (!person) return false;
    return firstNamesOf(person).some(
      (first) => first === firstKey || (firstKey.length === 1 && first.startsWith(firstKey)),
    );
  });
}

/** The first words of a person's name and variants, folded; worked out once per person (runs ask again and again). */
function firstNamesOf(person: Person): string[] {
  let firsts = firstNames.get(person);
  if (!firsts) {
    firsts = [person.name, ...person.variants].map(
      (name) =>
        name
          .trim()
          .split(/\s+/)[0]
          ?.toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '') ?? '',
    );
    firstNames.set(person, firsts);
  }
  return firsts;
}

const firstNames = new WeakMap<Person, string[]>();

const MONTHS = new Set(MONTH_NAMES);
const BEFORE_MONTH = new Set([
  'in',
  'last',
  'next',
  'this',
  'since',
  'until',
  'till',
  'by',
  'early',
  'late',
  'mid',
  'of',
  'from',
  'to',
  'during',
  'before',
  'after',
  'between',
  'and',
]);

/** "last May", "in May", "May 5": a month, not Theresa May. */
function isMonth(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (!token || !MONTHS.has(token.key)) return false;
  return BEFORE_MONTH.has(tokens[i - 1]?.key ?? '') || /^\d/.test(tokens[i + 1]?.text ?? '') || token.sentenceStart;
}

function surnameAlone(
  tokens: readonly Token[],
  i: number,
  table: Table,
  articleSurnames: ReadonlySet<string>,
): Mention | null {
  if (((tokens[i]?.flags ?? 0) & WordFlag.surnameStart) === 0) return null;
  const match = matchPhrase(table.surnames, tokens, i);
  if (!match || isMonth(tokens, i)) return null;
  if (!tokens[match.end - 1]?.capitalised) return null;
  // "Washington said": a place, unless the article names a person so ("George Washington").
  const single = match.end === i + 1 ? (tokens[i]?.key ?? '') : '';
  if (METONYMS.has(single) && !articleSurnames.has(single) && !hasHonorificBefore(tokens, i)) return null;
  return mention(tokens, i, match.end, 'surname', match.value, null, i, match.end);
}

/** "White House", "Fox News", "Capitol Hill": a capitalised organisation or place word beside the word. */
function inProperNoun(tokens: readonly Token[], i: number, roles: readonly TokenRole[]): boolean {
  const token = tokens[i];
  const next = tokens[i + 1];
  // A title's own words ("Secretary of State Rubio") are no organisation around the name.
  const before = roles[i - 1] ? undefined : tokens[i - 1];
  const joined = (a: Token | undefined, b: Token | undefined) =>
    a !== undefined && b !== undefined && a.paragraph === b.paragraph && b.start - a.end <= 1;
  const properWord = (other: Token | undefined) =>
    other?.isWord === true && other.capitalised && NOT_PERSON_WORDS.has(other.key);
  if (joined(token, next) && properWord(next)) return true;
  return joined(before, token) && properWord(before) && !before?.sentenceStart;
}

function hasHonorificBefore(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  return before?.isWord === true && before.capitalised && HONORIFICS.has(before.key);
}

/**
 * "“…,” Nowak said." or "“…,” said Nowak." with no Nowak in the table or the article: the one
 * word in a quote's attribution slot is a surname the article never introduced, unless it is a
 * first name, a place, an organisation or a plural ("the Tories said").
 */
function speakerSurname(tokens: readonly Token[], i: number): Mention | null {
  const token = tokens[i];
  if (!token?.capitalised || NOT_PERSON_WORDS.has(token.key) || FUNCTION_WORDS.has(token.key)) return null;
  if (FULL_PLACE_NAMES.has(token.key) || ORGANISATION_WORDS.has(token.key) || FIRST_NAME_GENDER.has(token.key))
    return null;
  if (isAllCapitals(token.text) || PARTY_WORDS.has(token.key) || /s$/.test(token.key)) return null;
  const next = tokens[i + 1];
  const speaks = (other: Token | undefined) =>
    other?.isWord === true && !other.capitalised && (other.flags & WordFlag.speechVerb) !== 0;
  const closesQuote = (k: number) => CLOSING_QUOTES.has(tokens[k]?.text ?? '');
  // "“…,” Nowak said": right after the quote (and its comma), before the verb.
  const before = tokens[i - 1]?.text === ',' ? i - 2 : i - 1;
  if (closesQuote(before) && speaks(next)) return mention(tokens, i, i + 1, 'surname', [], null, i, i + 1);
  // "“…,” said Nowak.": after the verb, with nothing capitalised after it (not "said Kristen Day").
  const verbFirst =
    speaks(tokens[i - 1]) && (closesQuote(i - 2) || (tokens[i - 2]?.text === ',' && closesQuote(i - 3)));
  if (verbFirst && !next?.capitalised) return mention(tokens, i, i + 1, 'surname', [], null, i, i + 1);
  return null;
}

const CLOSING_QUOTES = new Set(['”', '"', "''", '’']);
