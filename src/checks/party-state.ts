import { describeTerm, heldDuring, onOrIn, termsIn } from '../reference/query.js';
import type { Table, Term } from '../reference/table.js';
import type { ResolvedArticle } from '../resolve/article.js';
import { claimTime } from '../resolve/time.js';
import { matchTrie, type Mention } from '../scan/names.js';
import type { Token } from '../scan/tokens.js';
import type { TitleClaim } from '../scan/titles.js';
import { formatDay, overlaps, type DayRange } from '../util/dates.js';
import { tally } from '../util/work.js';
import type { Check, CheckContext, DraftFinding, DraftSuggestion } from './check.js';

/**
 * A party–state tag after a person's name ("Sen. Ted Cruz, R-Texas,", "(D-N.Y.)", "(R., Texas)",
 * ", Republican of Iowa,") claims the person's party and state on the article's date. It is
 * wrong when the table has the person in a state's US office then (Congress, governor) with
 * another party or for another state. A person the table has in no such office on that date
 * (a former member, a candidate, a member missing from an incomplete list) is not judged.
 */
export const partyState: Check = {
  kind: 'party-state',
  needsDate: true,
  options: {},
  messageParams: ['tag', 'person', 'date', 'explanation'],
  run(article, context) {
    const date = context.date;
    if (!date) return [];
    const tags = partyStateTags(article, context.table);
    if (tags.length === 0) return [];
    const claimsOf = claimsByMention(article.claims);
    const findings: DraftFinding[] = [];
    for (const { mention, tag } of tags) {
      const personId = article.entities[mention.entity]?.personId;
      const days = personId ? daysMeant(article, claimsOf.get(mention), personId, context.table, date) : null;
      if (!personId || !days) continue;
      const finding = judgeTag(tag, personId, context, days);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

/** Every party–state tag right after a name, known to the table or not. */
export function partyStateTags(article: ResolvedArticle, table: Table): { mention: Mention; tag: PartyStateTag }[] {
  const found: { mention: Mention; tag: PartyStateTag }[] = [];
  for (const mention of article.mentions) {
    tally();
    const tag = tagAfter(article, mention, table);
    if (tag) found.push({ mention, tag });
  }
  return found;
}

/** How the tag writes the party: "R-Texas", "R., Texas", "Republican of Texas". */
type TagForm = 'short' | 'long' | 'words';
/** How the tag writes the state: "Texas", "Calif.", "CA". */
type StateStyle = 'full' | 'abbreviation' | 'postal';

export interface PartyStateTag {
  start: number;
  end: number;
  text: string;
  form: TagForm;
  /** The words form's words between party and state, as written ("of", "from"). */
  link: string;
  /** D, R or I. */
  party: string;
  /** Region codes the state words may mean (US-TX). */
  states: string[];
  stateText: string;
  stateStyle: StateStyle;
}

const PARTY_LETTERS = new Set(['D', 'R', 'I']);
const PARTY_WORDS: ReadonlyMap<string, string> = new Map([
  ['democrat', 'D'],
  ['republican', 'R'],
  ['independent', 'I'],
]);
const PARTY_NAMES: ReadonlyMap<string, string> = new Map([
  ['D', 'Democrat'],
  ['R', 'Republican'],
  ['I', 'independent'],
]);
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** AP style writes these states in full, also in a party tag ("R-Texas"). */
const NEVER_ABBREVIATED = new Set(['US-AK', 'US-HI', 'US-ID', 'US-IA', 'US-ME', 'US-OH', 'US-TX', 'US-UT']);
const STATE_CODE = /^US-[A-Z]{2}$/;

/** The tag right after the mention, if there is one. */
function tagAfter(article: ResolvedArticle, mention: Mention, table: Table): PartyStateTag | null {
  const { tokens } = article;
  const paragraph = tokens[mention.tokenStart]?.paragraph;
  let at = afterSuffix(tokens, mention.tokenEnd);
  const opener = tokens[at];
  if (!opener || opener.paragraph !== paragraph || (opener.text !== ',' && opener.text !== '(')) return null;
  at++;
  const first = tokens[at];
  if (!first?.isWord || first.paragraph !== paragraph) return null;
  const parsed = partyAt(tokens, at, opener.text);
  if (!parsed) return null;
  const state = stateAt(tokens, parsed.stateAt, table);
  if (!state) return null;
  const next = tokens[state.end];
  const closed = opener.text === '(' ? next?.text === ')' : closesTag(next, paragraph, parsed.form);
  if (!closed) return null;
  const end = tokens[state.end - 1]?.end ?? first.end;
  return {
    start: first.start,
    end,
    text: article.text.slice(first.start, end),
    form: parsed.form,
    link: parsed.link,
    party: parsed.party,
    states: state.codes,
    stateText: state.text,
    stateStyle: state.style,
  };
}

/** Past the ".", ", Jr." or "III" that may end a name the scanner stopped short of. */
function afterSuffix(tokens: readonly Token[], end: number): number {
  let at = end;
  const last = tokens[at - 1];
  if (tokens[at]?.text === '.' && last && last.end === tokens[at]?.start && NAME_SUFFIXES.has(last.key)) at++;
  const mark = tokens[at];
  // "Sen. Bernie Sanders' (I-Vt.) supporters": a plural-style possessive is a token of its own.
  if ((mark?.text === '’' || mark?.text === "'") && mark.start === last?.end && last.key.endsWith('s')) at++;
  const comma = tokens[at]?.text === ',' ? 1 : 0;
  const suffix = tokens[at + comma];
  if (suffix?.isWord && suffix.capitalised && NAME_SUFFIXES.has(suffix.key)) {
    at += comma + 1;
    if (tokens[at]?.text === '.' && tokens[at]?.start === suffix.end) at++;
  }
  return at;
}

/** "R-", "R., " or "Republican of": the party, and where the state begins. */
function partyAt(
  tokens: readonly Token[],
  at: number,
  opener: string,
): { party: string; form: TagForm; link: string; stateAt: number } | null {
  const word = tokens[at] as Token;
  if (PARTY_LETTERS.has(word.text)) {
    if (tokens[at + 1]?.hyphenBefore) return { party: word.text, form: 'short', link: '', stateAt: at + 1 };
    const dot = tokens[at + 1]?.text === '.' ? 1 : 0;
    if (tokens[at + 1 + dot]?.text === ',') return { party: word.text, form: 'long', link: '', stateAt: at + 2 + dot };
    return null;
  }
  if (opener !== ',') return null;
  // ", Republican of Iowa," and ", a Democrat from Rhode Island,"
  const article = word.key === 'a' || word.key === 'an' ? 1 : 0;
  const party = PARTY_WORDS.get(tokens[at + article]?.key ?? '');
  const link = tokens[at + article + 1];
  if (party && link && (link.key === 'of' || link.key === 'from'))
    return { party, form: 'words', link: `${article ? 'a ' : ''}${link.text}`, stateAt: at + article + 2 };
  return null;
}

/** After ", R-Texas" anything but a word joined on ("R-Texas-based"); after ", Republican of Iowa" punctuation. */
function closesTag(next: Token | undefined, paragraph: number | undefined, form: TagForm): boolean {
  if (!next || next.paragraph !== paragraph) return true;
  return form === 'words' ? !next.isWord : !(next.isWord && next.hyphenBefore);
}

interface StateWords {
  codes: string[];
  /** Token index after the state words (and the full stop of an abbreviation). */
  end: number;
  text: string;
  style: StateStyle;
}

/** A state's words at token `at`: a name or abbreviation from `countries:`, or its postal code. */
function stateAt(tokens: readonly Token[], at: number, table: Table): StateWords | null {
  const token = tokens[at];
  if (!token?.isWord) return null;
  const match = matchTrie(table.countryWords, tokens, at);
  let codes = match ? match.value.filter((code) => STATE_CODE.test(code)) : [];
  let end = match && codes.length > 0 ? match.end : at + 1;
  if (codes.length === 0) {
    const dotless = dotlessInitials(tokens, at, table);
    const code = /^[A-Z]{2}$/.test(token.text) ? `US-${token.text}` : '';
    if (dotless) [codes, end] = [dotless, at + 3];
    else if (table.countries.has(code)) codes = [code];
    else return null;
  }
  let text = spanText(tokens, at, end);
  const stop = tokens[end];
  const names = codes.flatMap((code) => table.countries.get(code) ?? []);
  if (stop?.text === '.' && stop.start === tokens[end - 1]?.end && names.includes(`${text}.`)) {
    end++;
    text += '.';
  }
  return { codes, end, text, style: styleOf(text, codes, table) };
}

/** "(R-S.C)": initials missing their last full stop, which the tokenizer splits as S . C */
function dotlessInitials(tokens: readonly Token[], at: number, table: Table): string[] | null {
  const [a, dot, b] = [tokens[at], tokens[at + 1], tokens[at + 2]];
  if (!a || !b || a.text.length !== 1 || dot?.text !== '.' || b.text.length !== 1 || !b.capitalised) return null;
  if (a.end !== dot.start || dot.end !== b.start) return null;
  const codes = table.countryWords.next.get(`${a.key}.${b.key}.`)?.value?.filter((code) => STATE_CODE.test(code));
  return codes?.length ? codes : null;
}

function styleOf(text: string, codes: readonly string[], table: Table): StateStyle {
  if (/^[A-Z]{2}$/.test(text)) return 'postal';
  return codes.some((code) => table.countries.get(code)?.[0] === text) ? 'full' : 'abbreviation';
}

/** The text of tokens [from, to) as written. */
function spanText(tokens: readonly Token[], from: number, to: number): string {
  let text = '';
  for (let k = from; k < to; k++) {
    const token = tokens[k] as Token;
    const before = tokens[k - 1];
    text += k > from && before && before.end < token.start ? ` ${token.text}` : token.text;
  }
  return text;
}

function claimsByMention(claims: readonly TitleClaim[]): Map<Mention, TitleClaim[]> {
  const byMention = new Map<Mention, TitleClaim[]>();
  for (const claim of claims) {
    tally();
    const list = byMention.get(claim.mention);
    if (list) list.push(claim);
    else byMention.set(claim.mention, [claim]);
  }
  return byMention;
}

/**
 * The days the tag may describe: the article's date; from an earlier time the sentence names
 * ("Last year, Sen. Mitch McConnell (R-Ky.) said") to the article's date. A sentence set at an
 * unknown earlier time keeps the date when the person holds the office its title names then
 * (the title reads as today's, and so does the tag); else, and after "former", "then-" or
 * "the late", null: not judged.
 */
function daysMeant(
  article: ResolvedArticle,
  claims: readonly TitleClaim[] | undefined,
  personId: string,
  table: Table,
  date: DayRange,
): DayRange | null {
  let days: DayRange = date;
  for (const claim of claims ?? []) {
    tally();
    if (claim.modifier === 'former' || claim.modifier === 'then' || claim.modifier === 'late') return null;
    const when = claimTime(article, claim, date);
    if (when.time !== 'past') continue;
    if (when.range) days = { start: Math.min(days.start, when.range.start), end: date.end };
    else if (!heldDuring(termsIn(table, personId, claim.officeIds), date)) return null;
  }
  return days;
}

/** A finding when the table has the person in a state's office on every day of the date, never as the tag says. */
function judgeTag(tag: PartyStateTag, personId: string, context: CheckContext, days: DayRange): DraftFinding | null {
  const { table } = context;
  const terms = stateTermsDuring(table, personId, days);
  if (terms.length === 0 || !coverEveryDay(terms, days)) return null;
  if (terms.some((term) => fits(tag, term, table))) return null;
  const person = table.people.get(personId)?.name ?? personId;
  const pairs = [...new Set(terms.map((term) => `${term.party ?? '?'}-${stateOf(term, table).slice(3)}`))];
  const held = terms.map((term) => `${table.offices.get(term.officeId)?.name ?? term.officeId} ${describeTerm(term)}`);
  const right = correctTag(tag, terms, table);
  const when =
    days === context.date ? onOrIn(context.dateText) : `between ${formatDay(days.start)} and ${formatDay(days.end)}`;
  const advice = right ? `; did you mean “${right}”?` : '';
  return {
    start: tag.start,
    end: tag.end,
    params: {
      tag: tag.text,
      person,
      date: context.dateText,
      explanation: `${person} is ${pairs.join(' and ')} ${when} (${held.join('; ')})${advice}`,
    },
    personId,
    officeId: (terms[0] as Term).officeId,
    suggestions: right ? [suggestion(tag, right)] : [],
    evidence: terms,
  };
}

/** The person's terms in offices of a US state (Congress, governor) that may cover a day of the date. */
function stateTermsDuring(table: Table, personId: string, date: DayRange): Term[] {
  const terms: Term[] = [];
  for (const term of table.termsByPerson.get(personId) ?? []) {
    tally();
    if (overlaps(term.range, date) && STATE_CODE.test(stateOf(term, table))) terms.push(term);
  }
  return terms;
}

function stateOf(term: Term, table: Table): string {
  return table.offices.get(term.officeId)?.country ?? '';
}

/** The terms leave no day of the date uncovered: on a day they miss, the table cannot say. */
function coverEveryDay(terms: readonly Term[], date: DayRange): boolean {
  let covered = date.start;
  for (const term of [...terms].sort((a, b) => a.range.start - b.range.start)) {
    tally();
    if (term.range.start > covered) return false;
    covered = Math.max(covered, term.range.end + 1);
  }
  return covered > date.end;
}

function fits(tag: PartyStateTag, term: Term, table: Table): boolean {
  return tag.states.includes(stateOf(term, table)) && (term.party === null || term.party === tag.party);
}

/** The tag written right, in the tag's own form and style; null when the terms disagree (a switch in the date). */
function correctTag(tag: PartyStateTag, terms: readonly Term[], table: Table): string | null {
  const first = terms[0] as Term;
  const code = stateOf(first, table);
  const party = first.party;
  if (party === null || terms.some((term) => term.party !== party || stateOf(term, table) !== code)) return null;
  const state = tag.states.includes(code)
    ? tag.stateText
    : stateWords(code, tag.form === 'words' ? 'full' : tag.stateStyle, table);
  if (tag.form === 'words') return wordsTag(party, tag.link, state);
  return tag.form === 'long' ? `${party}., ${state}` : `${party}-${state}`;
}

/** "Republican of Iowa", "a Democrat from Rhode Island", "an independent from Vermont". */
function wordsTag(party: string, link: string, state: string): string {
  const name = PARTY_NAMES.get(party) ?? party;
  if (!link.startsWith('a ')) return `${name} ${link} ${state}`;
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name} ${link.slice(2)} ${state}`;
}

/** How copy writes the state in that style: "Texas", "Calif.", "CA". */
function stateWords(code: string, style: StateStyle, table: Table): string {
  const names = table.countries.get(code) ?? [];
  const full = names[0] ?? code.slice(3);
  if (style === 'postal') return code.slice(3);
  if (style === 'full' || NEVER_ABBREVIATED.has(code)) return full;
  return names.find((name) => name.endsWith('.')) ?? full;
}

function suggestion(tag: PartyStateTag, text: string): DraftSuggestion {
  return { start: tag.start, end: tag.end, text, safe: false, description: `write the tag the table gives, ${text}` };
}
