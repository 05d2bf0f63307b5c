import { partyKey } from '../reference/party.js';
import {
  coversRange,
  describeRange,
  describeTerm,
  heldDuring,
  heldThroughout,
  holdersDuring,
  joinNames,
  onOrIn,
  termsIn,
} from '../reference/query.js';
import type { Office, Table, Term } from '../reference/table.js';
import type { ResolvedArticle } from '../resolve/article.js';
import { claimTime, isHypothetical, isSpeculative, type When } from '../resolve/time.js';
import { GENERIC_TITLE_WORDS, SUBNATIONAL_TITLES } from '../scan/lexicon.js';
import { phraseKeys } from '../util/phrase-keys.js';
import { firstIndexAtLeast, firstStartAtLeast } from '../util/search.js';
import { tally } from '../util/work.js';
import type { TitleClaim } from '../scan/titles.js';
import type { ClaimVerdict } from '../types.js';
import type { Day, DayRange } from '../util/dates.js';
import type { DraftSuggestion } from './check.js';

/** Which title-holder rule reports a judged claim (the rule's `when` option). */
export type FindingKind = 'present' | 'unclear' | 'unknown-person';

/** A title claim checked against the table on the article's date. */
export interface Judgement {
  claim: TitleClaim;
  verdict: ClaimVerdict;
  /** For `error` and `warning`: the title-holder rule that reports it. */
  kind: FindingKind | null;
  /** The office the claim was judged against (or, unjudged, the one it most likely names). */
  office: Office | null;
  personId: string | null;
  when: When | null;
  /** Why: for findings the explanation, for unchecked claims what was missing. */
  explanation: string;
  /** The office's `verifiedThrough`, when the article is dated after it: a change since is not known. */
  staleSince: Day | null;
  evidence: readonly Term[];
  suggestions: DraftSuggestion[];
}

export interface ClaimContext {
  table: Table;
  date: DayRange | null;
  dateText: string;
}

const judgements = new WeakMap<ResolvedArticle, Judgement[]>();

/** Every title claim of the article, judged once (the checks and the report share the result). */
export function judgeClaims(article: ResolvedArticle, context: ClaimContext): readonly Judgement[] {
  let judged = judgements.get(article);
  if (!judged) {
    judged = article.claims.map((claim) => {
      tally();
      return withCurrency(judgeClaim(article, claim, context), context.date);
    });
    judgements.set(article, judged);
  }
  return judged;
}

/** Note the office's verification day when the article is dated after it. */
function withCurrency(judgement: Judgement, date: DayRange | null): Judgement {
  const verified = judgement.office?.verifiedThrough ?? null;
  if (!date || verified === null || date.end <= verified) return judgement;
  return { ...judgement, staleSince: verified };
}

function judgeClaim(article: ResolvedArticle, claim: TitleClaim, context: ClaimContext): Judgement {
  const { table, date } = context;
  const entity = article.entities[claim.mention.entity];
  const people = entity?.personId ? [entity.personId] : (entity?.candidates ?? claim.mention.candidates);
  const verdict = new Verdicts(claim, people.length === 1 ? (people[0] ?? null) : null);
  if (claim.modifier === 'late') return lateClaim(people, context, verdict);
  if (!date) return verdict.unchecked('unknown-person', 'no article date');
  if (isQuotedWords(article, claim))
    return verdict.unchecked('unknown-person', 'words in quotation marks, not a claim');
  if (claim.otherOffice) return verdict.unchecked('unknown-office', `“${claim.otherOffice}” is another office`);
  const offices = claim.officeIds.map((id) => table.offices.get(id)).filter((o): o is Office => o !== undefined);
  if (offices.length === 0) return verdict.unchecked('unknown-office', 'no office in the table has this title there');
  if (claim.party && anotherPartysPost(claim.party, offices, people, date))
    return verdict.unchecked('unknown-office', `“${claim.party} ${claim.titleText}” is that party’s own post`);
  if (claim.modifier === 'then') return verdict.past(offices[0] ?? null, null, 'then-');
  if (claim.modifier === 'incoming') return verdict.ok(offices[0] ?? null, null);
  if (claim.modifier === 'former') return formerClaim(article, claim, people, offices, context, verdict);
  if (people.length === 0) return unknownPerson(article, claim, offices, context, verdict);
  if (people.length > 1) {
    const holder = people.find((id) => heldDuring(termsIn(table, id, claim.officeIds), date));
    return holder
      ? verdict.ok(officeHeld(offices, table, holder, date), null)
      : verdict.unchecked('unknown-person', 'the name may mean several people');
  }
  const personId = people[0] as string;
  const own = termsIn(table, personId, claim.officeIds);
  if (heldDuring(own, date)) return verdict.ok(officeHeld(offices, table, personId, date), null);
  const when = claimTime(article, claim, date);
  return own.length > 0
    ? formerHolder(article, claim, personId, own, offices, when, context, verdict)
    : neverHeld(
        article,
        claim,
        personId,
        offices,
        when,
        context,
        verdict,
        entity?.introduction != null || isMononym(table, personId),
      );
}

/**
 * "Liberal Democrat shadow chancellor Vince Cable": the party named is not the party of the
 * office's holder on the date, so the title is that party's own post (its spokesman), not
 * the office in the table. Only for offices of one holder whose terms say the party.
 */
function anotherPartysPost(
  party: string,
  offices: readonly Office[],
  people: readonly string[],
  date: DayRange,
): boolean {
  const key = partyKey(party);
  let known = false;
  for (const office of offices) {
    if (office.concurrent) return false;
    for (const term of office.terms) {
      if (!heldDuring([term], date)) continue;
      if (people.includes(term.personId) || term.party === null || partyKey(term.party) === key) return false;
      known = true;
    }
  }
  return known;
}

/** Time signals that put a claim in the article's present (resolve/time.ts). */
const PRESENT_SIGNALS = new Set(['speech', 'present-verb', 'recent time', 'present clause']);
const DEATH_WORDS = new Set([
  'death',
  'murdered',
  'murder',
  'assassinated',
  'assassination',
  'replace',
  'replacing',
  'successor',
  'vacancy',
  'legacy',
  'memory',
  'memorial',
  'tribute',
  'died',
  'dies',
  'funeral',
  'late',
  'passing',
  'killed',
  'assassination',
  'memorial',
  'obituary',
  'buried',
  'mourned',
  'mourn',
]);

/** The claim's sentence speaks of a death: "the death Saturday of Justice Antonin Scalia". */
function mentionsDeath(article: ResolvedArticle, claim: TitleClaim): boolean {
  const { tokens } = article;
  const paragraph = tokens[claim.claimStart]?.paragraph;
  for (let k = Math.max(0, claim.claimStart - 15); k < claim.mention.tokenEnd + 15 && k < tokens.length; k++) {
    if (tokens[k]?.paragraph === paragraph && DEATH_WORDS.has(tokens[k]?.key ?? '')) return true;
  }
  return false;
}

/** Builds judgements for one claim. */
class Verdicts {
  constructor(
    private readonly claim: TitleClaim,
    private readonly personId: string | null,
  ) {}

  ok(office: Office | null, when: When | null): Judgement {
    return this.make('ok', null, office, when, '', [], []);
  }

  past(office: Office | null, when: When | null, why: string): Judgement {
    return this.make('past', null, office, when, why, [], []);
  }

  unchecked(verdict: 'unknown-office' | 'unknown-person', why: string, office: Office | null = null): Judgement {
    return this.make(verdict, null, office, null, why, [], []);
  }

  finding(
    kind: FindingKind,
    office: Office,
    when: When | null,
    explanation: string,
    evidence: readonly Term[],
    suggestions: DraftSuggestion[],
    personId = this.personId,
  ): Judgement {
    const verdict = kind === 'present' ? 'error' : 'warning';
    return { ...this.make(verdict, kind, office, when, explanation, evidence, suggestions), personId };
  }

  private make(
    verdict: ClaimVerdict,
    kind: FindingKind | null,
    office: Office | null,
    when: When | null,
    explanation: string,
    evidence: readonly Term[],
    suggestions: DraftSuggestion[],
  ): Judgement {
    return {
      claim: this.claim,
      verdict,
      kind,
      office,
      personId: this.personId,
      when,
      explanation,
      evidence,
      suggestions,
      staleSince: null,
    };
  }
}

/**
 * The person held this office, but not on the article's date. Set in the past: true if they
 * held it then. Set in the present: wrong, unless the sentence gives no clue (a warning)
 * or it is the US courtesy title ("President Clinton" in 2016).
 */
function formerHolder(
  article: ResolvedArticle,
  claim: TitleClaim,
  personId: string,
  own: readonly Term[],
  offices: readonly Office[],
  when: When,
  context: ClaimContext,
  verdict: Verdicts,
): Judgement {
  const { table } = context;
  const date = context.date as DayRange;
  const mine = offices.filter((o) => own.some((t) => t.officeId === o.id));
  const office = (mine.find((o) => coversRange(o, date)) ?? mine[0]) as Office;
  if (when.range) {
    // A year written in copy is loose about a handover: the title held a year either side still fits it.
    const slack = when.range.end - when.range.start >= 364 ? 366 : 0;
    const loose = { start: when.range.start - slack, end: when.range.end + slack };
    if (heldDuring(own, loose)) return verdict.past(office, when, `set in ${describeRange(when.range)}`);
    const at = { ...context, date: when.range, dateText: describeRange(when.range) };
    return wrongHolder(article, claim, personId, own, mine, when, at, verdict);
  }
  const heldBefore = own.some((t) => t.range.start <= date.end);
  const died = table.people.get(personId)?.died;
  // A holder who had died is spoken of in the past, unless the sentence makes them speak or act now
  // or gives no time at all (a title with no time marker is about the article's date).
  if (
    heldBefore &&
    died &&
    died.end < date.start &&
    (!(PRESENT_SIGNALS.has(when.signal) || when.signal === 'no time marker') || mentionsDeath(article, claim))
  )
    return verdict.past(office, when, 'the holder had died');
  if (when.time === 'past' && heldBefore) return verdict.past(office, when, when.signal);
  if (heldBefore && inSuccession(article, claim, office, personId, context))
    return verdict.past(office, when, 'a paragraph about earlier holders');
  // A list marked never complete (complete: false) still gives each listed person's every term.
  if (!mine.some((o) => coversRange(o, date) || o.complete === null))
    return verdict.unchecked('unknown-person', 'the table’s list of holders is not complete for that date', office);
  if (isCourtesyTitle(claim, office, own, date)) return verdict.ok(office, when);
  // "time to start worrying about President Trump" in a campaign: a future imagined, not a wrong name.
  if (!heldBefore && isSpeculative(article, claim, when.signal === 'speech' || when.signal === 'present-verb'))
    return verdict.ok(office, when);
  // "Prime Minister Thatcher" with nothing that makes it news: a well-known holder named by
  // surname, maybe historically.
  const bySurnameOnly =
    claim.mention.form === 'surname' && !PRESENT_SIGNALS.has(when.signal) && when.signal !== 'recent time';
  if ((when.time === 'unclear' || bySurnameOnly) && heldBefore) {
    return {
      ...wrongHolder(article, claim, personId, own, mine, when, context, verdict),
      verdict: 'warning',
      kind: 'unclear',
    };
  }
  return wrongHolder(article, claim, personId, own, mine, when, context, verdict);
}

/** "X did not hold the office on that date": who did, and when X did. */
function wrongHolder(
  article: ResolvedArticle,
  claim: TitleClaim,
  personId: string,
  own: readonly Term[],
  offices: readonly Office[],
  when: When,
  context: ClaimContext,
  verdict: Verdicts,
): Judgement {
  const { table } = context;
  const date = context.date as DayRange;
  const office =
    pickOffice(
      offices.filter((o) => coversRange(o, date) || o.complete === null),
      own,
    ) ?? (offices[0] as Office);
  const holders = office.concurrent ? [] : holdersDuring(office, date);
  const suggestions: DraftSuggestion[] = [];
  if (own.every((t) => t.range.end < date.start)) suggestions.push(formerSuggestion(article, claim, table, personId));
  const holderSuggestion = nameHolder(claim, table, holders);
  if (holderSuggestion) suggestions.push(holderSuggestion);
  const person = nameOf(table, personId);
  const held = `${person} held it ${uniqueTerms(own.filter((t) => t.officeId === office.id)).join('; ')}`;
  const evidence = [...own.filter((t) => t.officeId === office.id), ...holders];
  return verdict.finding(
    'present',
    office,
    when,
    `${onDate(office, holders, context)}; ${held}`,
    evidence,
    suggestions,
  );
}

/**
 * The person never held an office with this title. An error when the title, in its
 * context, can only mean offices the table knows (a country word, or a title no one
 * outside the table uses), and the table's list of holders is complete on the date.
 */
function neverHeld(
  article: ResolvedArticle,
  claim: TitleClaim,
  personId: string,
  offices: readonly Office[],
  when: When,
  context: ClaimContext,
  verdict: Verdicts,
  introduced: boolean,
): Judgement {
  const { table } = context;
  const countries = countriesOf(table, personId);
  if (countries.size === 0 && !claim.country)
    return verdict.unchecked('unknown-person', 'the table knows no office of this person');
  // An office without a place cannot be narrowed to the person's country: it is not judged.
  const placed = offices.filter((o) => o.country !== null);
  const meant = claim.country ? placed : placed.filter((o) => countries.has(countryOf(o.country)));
  if (meant.length === 0)
    return verdict.unchecked('unknown-office', 'no office with this title in the person’s country');
  const at = when.range ? { ...context, date: when.range, dateText: describeRange(when.range) } : context;
  // A dead person's claim set in an unnamed past ("President John F. Kennedy's assassination") may be
  // about a time before the table's list begins; a living person's is judged like any other.
  const died = table.people.get(personId)?.died;
  const history = when.time === 'past' && !when.range && died && died.end < (context.date as DayRange).start;
  if (history && !listedSinceAdulthood(table, personId, meant))
    return verdict.unchecked('unknown-person', 'set in a past the table’s list may not reach');
  // A bare title that states or companies give too ("Attorney General", "Governor") is still
  // judged when the person held another of the country's own offices on that date.
  if (isGenericTitle(claim, meant) && !inNationalOffice(table, personId, at.date as DayRange, meant))
    return verdict.unchecked('unknown-office', 'the title is also used for offices outside the table');
  if (claim.mention.form === 'surname' && !introduced)
    return verdict.unchecked('unknown-person', 'a surname the article does not introduce');
  // "Gov. X" with fifty governors and no state word: the one in the person's own state, if any.
  const local = new Set(meant.map((o) => o.country)).size > 1 ? inOwnPlaces(table, personId, meant) : meant;
  if (new Set(local.map((o) => o.country)).size !== 1)
    return verdict.unchecked('unknown-office', 'the title names offices in several places');
  const checkable = local.filter((o) => coversRange(o, at.date as DayRange) && !o.concurrent);
  const office = checkable[0];
  if (!office)
    return verdict.unchecked('unknown-person', 'the table’s list of holders is not complete for that date', meant[0]);
  const holders = holdersDuring(office, at.date as DayRange);
  const person = nameOf(table, personId);
  const instead = heldOn(table, personId, at.date as DayRange);
  const suggestions: DraftSuggestion[] = [];
  const title = instead[0]?.titles[0];
  if (title) {
    suggestions.push({
      start: titleStart(article, claim),
      end: titleEnd(article, claim),
      text: matchCase(title, claim.titleText),
      safe: false,
      description: `give ${person} the title of the office held then, ${title}`,
    });
  }
  const holderSuggestion = nameHolder(claim, table, holders);
  if (holderSuggestion) suggestions.push(holderSuggestion);
  const was = instead.length > 0 ? `, but was ${joinNames(instead.map((o) => o.name))}` : '';
  const explanation = `${onDate(office, holders, at)}; ${person} never held that office${was}`;
  return verdict.finding('present', office, when, explanation, holders, suggestions);
}

/**
 * A name the table does not know, with a title that leaves one office, complete and held
 * by someone else on the date: "U.S. Secretary of State Bob Smith" in 2025. A warning: the
 * name may be misspelled, or the table may lack a holder.
 */
function unknownPerson(
  article: ResolvedArticle,
  claim: TitleClaim,
  offices: readonly Office[],
  context: ClaimContext,
  verdict: Verdicts,
): Judgement {
  const date = context.date as DayRange;
  const office = offices.length === 1 ? offices[0] : undefined;
  const unknown = (why: string) =>
    verdict.unchecked('unknown-person', why, offices.length === 1 ? (office ?? null) : null);
  // Without a country word the title may be another country's ("Foreign Secretary" of Mexico).
  if (!office || office.concurrent || claim.mention.form !== 'full' || !claim.country)
    return unknown('the table does not know this name');
  if (!coversRange(office, date)) return unknown('the table’s list of holders is not complete for that date');
  const when = claimTime(article, claim, date);
  if (when.time === 'past') return verdict.past(office, when, when.signal);
  const holders = holdersDuring(office, date);
  if (holders.length === 0) return unknown('the table records no holder on that date');
  const suggestion = nameHolder(claim, context.table, holders);
  const explanation = `${onDate(office, holders, context)}; the reference table does not know ${claim.mention.text}`;
  return verdict.finding('unknown-person', office, when, explanation, holders, suggestion ? [suggestion] : [], null);
}

function formerClaim(
  article: ResolvedArticle,
  claim: TitleClaim,
  people: readonly string[],
  offices: readonly Office[],
  context: ClaimContext,
  verdict: Verdicts,
): Judgement {
  const { table } = context;
  const date = context.date as DayRange;
  const ids = offices.map((o) => o.id);
  const stillInOffice = people.filter((id) => heldThroughout(termsIn(table, id, ids), date));
  if (people.length === 0) return verdict.unchecked('unknown-person', 'the table does not know this name');
  if (stillInOffice.length !== people.length || isHypothetical(article, claim))
    return verdict.ok(offices[0] ?? null, null);
  const when = claimTime(article, claim, date);
  if (when.time === 'past') return verdict.ok(offices[0] ?? null, when);
  const personId = people[0] as string;
  const terms = termsIn(table, personId, ids).filter((t) => heldThroughout([t], date));
  const office = pickOffice(offices, terms) ?? (offices[0] as Office);
  const formerWord = modifierWordSpan(article, claim);
  const suggestions: DraftSuggestion[] = formerWord
    ? [{ ...formerWord, text: '', safe: false, description: 'drop “former”: still in office on that date' }]
    : [];
  const held = `${onOrIn(context.dateText)} (${uniqueTerms(terms).join('; ')})`;
  const explanation = `${nameOf(table, personId)} still held the office of ${office.name} ${held}: not “former”`;
  return verdict.finding('present', office, when, explanation, terms, suggestions, personId);
}

/** "the late X" about someone the table shows alive on the article's date. */
function lateClaim(people: readonly string[], context: ClaimContext, verdict: Verdicts): Judgement {
  const { table, date } = context;
  const person = table.people.get(people[0] ?? '');
  if (!date || people.length !== 1 || !person)
    return verdict.unchecked('unknown-person', 'the table does not know this name');
  if (!person.died || person.died.start <= date.end) return verdict.ok(null, null);
  const explanation = `${person.name} was alive ${onOrIn(context.dateText)} (died ${person.diedText ?? ''})`;
  return { ...verdict.ok(null, null), verdict: 'error', kind: 'present', personId: person.id, explanation };
}

/**
 * "President Jimmy Carter agonized over … President Ronald Reagan was so consumed …": the
 * paragraph names another earlier holder of the same office and not the holder on the
 * date, so it tells the office's history.
 */
function inSuccession(
  article: ResolvedArticle,
  claim: TitleClaim,
  office: Office,
  personId: string,
  context: ClaimContext,
): boolean {
  const date = context.date as DayRange;
  const paragraph = article.tokens[claim.claimStart]?.paragraph ?? 0;
  const from = article.paragraphs[paragraph]?.start ?? 0;
  const to = article.paragraphs[paragraph + 1]?.start ?? Number.POSITIVE_INFINITY;
  let earlier = false;
  // The paragraph's claims only, and only so many: a real paragraph has a handful.
  const first = firstStartAtLeast(article.claims, from);
  for (let c = first; c < article.claims.length && c < first + MAX_PARAGRAPH_CLAIMS; c++) {
    const other = article.claims[c] as TitleClaim;
    tally();
    if (other.start >= to) break;
    if (other === claim || !other.officeIds.includes(office.id)) continue;
    const otherId = article.entities[other.mention.entity]?.personId;
    if (!otherId || otherId === personId) continue;
    const terms = termsIn(context.table, otherId, [office.id]);
    if (heldDuring(terms, date)) return false;
    if (terms.some((t) => t.range.end < date.start)) earlier = true;
  }
  return earlier;
}

const MAX_PARAGRAPH_CLAIMS = 50;

/**
 * A quotation that holds little more than the claim ("cheer for “President Bernie Sanders.”"):
 * words mentioned, not used.
 */
function isQuotedWords(article: ResolvedArticle, claim: TitleClaim): boolean {
  // Quotes are in text order and do not overlap: the first ending at or after the claim is the only candidate.
  const quote = article.quotes[firstIndexAtLeast(article.quotes, claim.mention.end, (q) => q.innerEnd)];
  if (!quote || quote.innerStart > claim.start) return false;
  const outside = quote.innerEnd - quote.innerStart - (claim.mention.end - claim.start);
  return outside <= 3;
}

/** US usage keeps a former president's title as a courtesy: "President Clinton" in 2016 is Bill Clinton. */
function isCourtesyTitle(claim: TitleClaim, office: Office, own: readonly Term[], date: DayRange): boolean {
  return (
    claim.mention.form === 'surname' &&
    countryOf(office.country) === 'US' &&
    own.some((t) => t.officeId === office.id && t.range.end < date.start)
  );
}

/**
 * A bare title news also gives to offices no table lists: a bank's governor, an agency's
 * director, a company's chairman, a US state's attorney general or senator.
 */
function isGenericTitle(claim: TitleClaim, offices: readonly Office[]): boolean {
  if (claim.country) return false;
  const key = phraseKeys(claim.titleText).join(' ');
  if (GENERIC_TITLE_WORDS.has(key)) return true;
  return offices.some((o) => SUBNATIONAL_TITLES.get(countryOf(o.country))?.has(key));
}

/** A person known by one name ("Akihito", "Lula"): that name introduces them. */
function isMononym(table: Table, personId: string): boolean {
  const name = table.people.get(personId)?.name ?? '';
  return phraseKeys(name).length === 1;
}

/** The country part of an office's place: "US-OH" → "US". */
function countryOf(code: string | null): string {
  return code ? (code.split('-')[0] ?? code) : '';
}

/** Countries of the offices a person held. */
function countriesOf(table: Table, personId: string): Set<string> {
  return new Set(
    (table.termsByPerson.get(personId) ?? []).map((t) => countryOf(table.offices.get(t.officeId)?.country ?? null)),
  );
}

/** Every office's list is complete from before the person could have held it (18 years after birth). */
function listedSinceAdulthood(table: Table, personId: string, offices: readonly Office[]): boolean {
  const born = table.people.get(personId)?.born;
  if (!born) return false;
  const adult = born.end + 18 * 365;
  return offices.every((o) => o.complete !== null && o.complete.start <= adult);
}

/** The person held a single-holder national office of the claimed offices' country on the date. */
function inNationalOffice(table: Table, personId: string, range: DayRange, claimed: readonly Office[]): boolean {
  const countries = new Set(claimed.map((o) => countryOf(o.country)));
  return heldOn(table, personId, range).some((o) => o.country !== null && countries.has(countryOf(o.country)));
}

/** "Gov. Dick Durbin": of a title's offices in many places, those in the places of the person's own offices. */
function inOwnPlaces(table: Table, personId: string, offices: readonly Office[]): Office[] {
  const places = new Set((table.termsByPerson.get(personId) ?? []).map((t) => table.offices.get(t.officeId)?.country));
  return offices.filter((o) => places.has(o.country));
}

/** The offices a person held on any day of the range, single-holder offices first. */
function heldOn(table: Table, personId: string, range: DayRange): Office[] {
  const offices = (table.termsByPerson.get(personId) ?? [])
    .filter((t) => heldDuring([t], range))
    .map((t) => table.offices.get(t.officeId))
    .filter((o): o is Office => o !== undefined);
  return [...new Set(offices)].sort((a, b) => Number(a.concurrent) - Number(b.concurrent));
}

function officeHeld(offices: readonly Office[], table: Table, personId: string, date: DayRange): Office | null {
  return offices.find((o) => heldDuring(termsIn(table, personId, [o.id]), date)) ?? offices[0] ?? null;
}

/** The office the person actually held, if any. */
function pickOffice(offices: readonly Office[], terms: readonly Term[]): Office | undefined {
  return offices.find((o) => terms.some((t) => t.officeId === o.id)) ?? offices[0];
}

function formerSuggestion(
  article: ResolvedArticle,
  claim: TitleClaim,
  table: Table,
  personId: string,
): DraftSuggestion {
  const atSentenceStart = article.tokens[claim.claimStart]?.sentenceStart ?? false;
  const title = article.text.slice(claim.start, claim.end);
  const shouting = /\p{Lu}/u.test(title) && title === title.toUpperCase();
  // "Britain’s foreign secretary" becomes "Britain’s former foreign secretary", not "Former Britain’s …".
  const owner = article.text.slice(claim.start, titleStart(article, claim));
  const afterOwner = /['’]s\s+$/u.test(owner) ? owner.length : 0;
  const former = shouting ? 'FORMER ' : atSentenceStart && afterOwner === 0 ? 'Former ' : 'former ';
  return {
    start: claim.start,
    end: claim.end,
    text: `${title.slice(0, afterOwner)}${former}${title.slice(afterOwner)}`,
    safe: false,
    description: `call ${nameOf(table, personId)} a former ${claim.titleText}`,
  };
}

function nameHolder(claim: TitleClaim, table: Table, holders: readonly Term[]): DraftSuggestion | null {
  const names = [...new Set(holders.map((t) => nameOf(table, t.personId)))];
  const name = names.length === 1 ? names[0] : undefined;
  if (!name) return null;
  return {
    start: claim.mention.start,
    end: claim.mention.end,
    text: name,
    safe: false,
    description: `name the holder on the article's date, ${name}`,
  };
}

/** "on 2025-06-15 the United States Secretary of State was Marco Rubio (since 2025-01-21)" */
function onDate(office: Office, holders: readonly Term[], context: ClaimContext): string {
  // Several people hold it at once (a senate seat, a ministry's ministers): who else held it is no answer.
  if (office.concurrent) return `${office.name} ${onOrIn(context.dateText)}: not among its holders`;
  if (holders.length === 0) return `${office.name} ${onOrIn(context.dateText)}: no holder recorded`;
  const names = joinNames([...new Set(holders.map((t) => nameOf(context.table, t.personId)))]);
  return `${onOrIn(context.dateText)} the ${office.name} was ${names} (${uniqueTerms(holders).join('; ')})`;
}

/** Terms as text, each once: two tables may list the same term. */
function uniqueTerms(terms: readonly Term[]): string[] {
  return [...new Set(terms.map(describeTerm))];
}

/** The title words of the claim (not its country word or modifier). */
function titleStart(article: ResolvedArticle, claim: TitleClaim): number {
  return article.tokens[claim.tokenStart]?.start ?? claim.start;
}

function titleEnd(article: ResolvedArticle, claim: TitleClaim): number {
  return article.tokens[claim.tokenEnd - 1]?.end ?? claim.end;
}

/** A replacement title in the case of the one it replaces: "prime minister" for "defence secretary". */
function matchCase(title: string, written: string): string {
  if (written === written.toLowerCase()) return title.toLowerCase();
  return title;
}

/** The modifier word with what joins it to the next word ("former ", "ex-"). */
function modifierWordSpan(article: ResolvedArticle, claim: TitleClaim): { start: number; end: number } | null {
  if (claim.modifierToken === null) return null;
  const word = article.tokens[claim.modifierToken];
  const next = article.tokens[claim.modifierToken + 1];
  return word && next ? { start: word.start, end: next.start } : null;
}

function nameOf(table: Table, personId: string): string {
  return table.people.get(personId)?.name ?? personId;
}
