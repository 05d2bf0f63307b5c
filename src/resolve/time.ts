import type { Mention } from '../scan/names.js';
import type { TitleClaim } from '../scan/titles.js';
import type { Token } from '../scan/tokens.js';
import { speechVerb } from '../scan/verbs.js';
import { dayOf, MONTH_NAMES, yearOf, type DayRange } from '../util/dates.js';
import { firstIndexAtLeast } from '../util/search.js';
import type { ResolvedArticle } from './article.js';
import { firstTokenAtOrAfter } from './speakers.js';

/**
 * When is it set? Every title claim and every reported speech is about the article's
 * present unless its sentence says otherwise: news copy gives a title as it stands on the
 * day of publication. `past` needs an explicit earlier time in the clause or sentence
 * ("in 1997", "last year", "at the time", "when …", "then-", "under President X", "during
 * his presidency") or sentences around it set in an earlier year; `unclear` is left for a
 * clause that only hints at the past ("had", "would", "used to").
 */
export type ClaimTime = 'present' | 'past' | 'unclear';

export interface When {
  time: ClaimTime;
  /** For a sentence that names its time ("in 1993", "last year"), every day it may mean. */
  range: DayRange | null;
  /** What decided it, for `explain`. */
  signal: string;
}

const PRESENT = (signal: string): When => ({ time: 'present', range: null, signal });
const PAST = (signal: string, range: DayRange | null = null): When => ({ time: 'past', range, signal });

/** Words outside quotes that set a sentence in the past. */
const PAST_WORDS = new Set([
  'era',
  'presidency',
  'premiership',
  'tenure',
  'legacy',
  'ago',
  'previously',
  'formerly',
  'predecessor',
  'predecessors',
  'reign',
  'erstwhile',
  'onetime',
  'historically',
  'famously',
]);
/** Around a speech verb: the words are on record from earlier ("in his memoirs", "during his lifetime"). */
const RECORDED_WORDS = new Set([
  'lifetime',
  'death',
  'memoir',
  'memoirs',
  'diary',
  'diaries',
  'archive',
  'archives',
  'then',
  'used',
]);
const PAST_AUXILIARIES = new Set(['was', 'were', 'had', 'did']);
/** Nouns that, after a possessive officeholder, speak of their time in office. */
const PAST_POSSESSIONS = new Set([
  'administration',
  'administrations',
  'presidency',
  'tenure',
  'term',
  'terms',
  'era',
  'legacy',
  'years',
  'reign',
  'government',
  'cabinet',
  'premiership',
  'chancellorship',
  'time',
  'days',
  'funeral',
  'death',
  'assassination',
  'policy',
  'policies',
  'doctrine',
  'memoirs',
  'library',
  'widow',
  'grave',
  'former',
  'ex',
  'onetime',
]);
/** Roles that speak for an officeholder: "the Prime Minister's spokesman said". */
const PREPOSITIONS = new Set([
  'to',
  'by',
  'of',
  'for',
  'than',
  'against',
  'during',
  'since',
  'like',
  'with',
  'from',
  'about',
]);
/** A preposition before a title that places the claim in the holder's term: "under President Reagan". */
const TERM_PREPOSITIONS = new Set(['under', 'during']);
const PRESENT_VERBS = new Set([
  'is',
  'are',
  'has',
  'have',
  'will',
  'wants',
  'plans',
  'remains',
  'continues',
  'believes',
  'thinks',
  'hopes',
  'faces',
  'leads',
  'holds',
  'can',
  'must',
  'should',
  'does',
  "isn't",
  "hasn't",
  "won't",
  "doesn't",
  'needs',
  'intends',
  'expects',
]);
const SKIPPABLE = new Set(['also', 'now', 'still', 'again', 'already', 'reportedly', 'himself', 'herself', 'too']);
const YEAR_PREPOSITIONS = new Set([
  'in',
  'during',
  'since',
  'until',
  'by',
  'from',
  'between',
  'before',
  'after',
  'early',
  'late',
  'mid',
  'of',
  'around',
  'circa',
]);
/** Words of the article's own days: a claim in their sentence is about the present. */
const RECENT_DAYS = new Set([
  'today',
  'yesterday',
  'tonight',
  'tomorrow',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);
const RECENT_WORDS = new Set(['now', 'currently', 'recently']);
const RECENT_UNITS = new Set([
  'week',
  'month',
  'year',
  'morning',
  'afternoon',
  'evening',
  'weekend',
  'spring',
  'summer',
  'autumn',
  'fall',
  'winter',
]);
const RELATION_PREPOSITIONS = new Set(['to', 'for', 'under', 'by', 'of', 'with']);
/** Roles that tie someone to an officeholder's term: "a chief of staff to President Bill Clinton". */
const RELATION_ROLES = new Set([
  'aide',
  'aides',
  'adviser',
  'advisers',
  'advisor',
  'advisors',
  'staff',
  'staffer',
  'speechwriter',
  'counsel',
  'appointee',
  'appointees',
  'nominee',
  'lawyer',
  'attorney',
  'physician',
  'doctor',
  'strategist',
  'pollster',
  'veteran',
  'veterans',
]);
/** Acts done by or for an officeholder in office: "appointed … by President George W. Bush". */
const RELATION_VERBS = new Set([
  'appointed',
  'nominated',
  'named',
  'pardoned',
  'served',
  'worked',
  'employed',
  'hired',
  'fired',
  'represented',
  'signed',
  'vetoed',
  'commissioned',
  'knighted',
  'honoured',
  'honored',
  'advised',
  'counseled',
  'counselled',
  'defended',
  'succeeded',
  'preceded',
]);
/** "the agenda of President Bill Clinton": what an officeholder had in office. */
const RELATION_POSSESSIONS = new Set([
  'agenda',
  'policies',
  'policy',
  'presidency',
  'administration',
  'administrations',
  'era',
  'years',
  'days',
  'legacy',
  'reign',
  'government',
  'tenure',
  'term',
  'premiership',
  'assassination',
  'funeral',
  'death',
  'memoirs',
  'library',
]);

/** Words that open a fronted time phrase: "In 2003,", "Under Blair,", "At the time,", "Last year,". */
const FRONTED_TIME_OPENERS = new Set(['in', 'by', 'during', 'until', 'under', 'last', 'at', 'before', 'after', 'back']);
const CLAUSE_BREAKS = new Set([',', ';', ':', '—', '–', '(', ')']);
const HYPOTHETICAL = new Set(['once', 'if', 'until', 'unless', 'when', 'after', 'whether', 'would', 'will']);

interface Range {
  start: number;
  end: number;
}

/** When a title claim speaks of, from its clause, its sentence and the sentences around it. */
export function claimTime(article: ResolvedArticle, claim: TitleClaim, date: DayRange): When {
  const { tokens } = article;
  const mention = claim.mention;
  const sentence = sentenceOf(tokens, claim.claimStart);
  const clause = clauseOf(tokens, claim.claimStart, mention.tokenEnd, sentence);
  const fronted = frontedTime(tokens, sentence);
  const cue = speechCue(article, mention);
  const possessed = tokens[mention.tokenEnd - 1]?.possessive ? possessionTime(article, mention, date) : null;
  // "President Ronald Reagan's 1984 run": the year after the possessive is the claim's own.
  if (possessed?.range) return possessed;
  // A speaker's words are news unless a time dates the speech itself ("said in 2019").
  const explicit =
    earlierTime(article, fronted, date) ??
    (cue ? earlierTime(article, afterCue(article, cue.start), date) : earlierTime(article, clause, date));
  if (explicit) return explicit;
  // "Chancellor Olaf Scholz, at the time, said …": the phrase dates the sentence, whichever clause holds it.
  if (atTheTime(article, sentence)) return PAST('at the time');
  if (whenClause(tokens, clause, claim.claimStart))
    return PAST('when-clause', earlierTime(article, sentence, date)?.range);
  if (hasPastMarker(article, clause) || hasPastMarker(article, fronted)) return PAST('past-word');
  if (formerBeforePreposition(tokens, claim.claimStart)) return PAST('former-relation');
  if (TERM_PREPOSITIONS.has(tokens[claim.claimStart - 1]?.key ?? '')) return PAST('under');
  if (possessed) return possessed;
  if (cue) return PRESENT('speech');
  if (speaksFor(tokens, claim.claimStart, mention.tokenEnd)) return PRESENT('speech');
  if (whileInOffice(tokens, mention.tokenEnd, clause)) return PAST('while in office');
  if (tokens[claim.claimStart - 1]?.key === 'new' || presentVerbAfter(tokens, mention)) return PRESENT('present-verb');
  if (presentInClause(tokens, clause, claim.claimStart)) return PRESENT('present clause');
  // The article's own day ("on Saturday", "this week") outweighs a when-clause; a bare "now" does not.
  if (hasWord(article, sentence, RECENT_DAYS) || thisPeriod(article, sentence)) return PRESENT('recent time');
  if (whenClause(tokens, { start: sentence.start, end: claim.claimStart }, claim.claimStart))
    return PAST('when-clause');
  if (hasWord(article, sentence, RECENT_WORDS)) return PRESENT('recent time');
  const relation = pastRelation(tokens, claim.claimStart, clause);
  if (relation) return PAST(relation);
  if (afterClause(tokens, clause, claim.claimStart)) return PAST('after-clause');
  const around = historyContext(article, sentence, date);
  if (around) return around;
  if (narrative(tokens, sentence)) return PAST('narrative');
  if (weakPast(tokens, clause)) return { time: 'unclear', range: null, signal: 'weak-past' };
  return PRESENT('no time marker');
}

/**
 * The claim names the holder through a relation that belongs to their term: "an aide to",
 * "appointed by", "served under", "the agenda of", "more than even", "just as … did".
 */
function pastRelation(tokens: readonly Token[], claimStart: number, clause: Range): string | null {
  const before = tokens[claimStart - 1]?.key ?? '';
  const beforeThat = tokens[claimStart - 2]?.key ?? '';
  if (before === 'than' || before === 'like' || (before === 'as' && beforeThat === 'just')) return 'comparison';
  if (before === 'even' && (beforeThat === 'than' || beforeThat === 'like')) return 'comparison';
  if (RELATION_VERBS.has(before)) return 'relation';
  if (!RELATION_PREPOSITIONS.has(before)) return null;
  if (before === 'of' && RELATION_POSSESSIONS.has(tokens[claimStart - 2]?.key ?? '')) return 'of-possession';
  for (let k = claimStart - 2; k >= clause.start && k >= claimStart - 7; k--) {
    const key = tokens[k]?.key ?? '';
    if (RELATION_VERBS.has(key)) return 'relation';
    // "an aide to President X said": the aide speaks now, so the relation is now.
    if (RELATION_ROLES.has(key)) return speechFollows(tokens, claimStart) ? null : 'relation';
  }
  return null;
}

/** "President George W. Bush lied … while leading the country into war": what the holder did in office. */
function whileInOffice(tokens: readonly Token[], from: number, clause: Range): boolean {
  for (let k = from; k < clause.end + 12 && k < tokens.length - 1; k++) {
    if (tokens[k]?.sentenceStart) return false;
    if (tokens[k]?.key === 'while' && /^[a-z]{3,}ing$/.test(tokens[k + 1]?.key ?? '')) return true;
  }
  return false;
}

/** Who speaks for an officeholder now: "a spokesman for President X said", "President X's office said". */
const SPEAKING_ROLES = new Set([
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'spokespeople',
  'aide',
  'aides',
  'office',
  'official',
  'officials',
  'adviser',
  'advisers',
  'advisor',
  'press',
  'team',
  'campaign',
  'lawyer',
  'lawyers',
]);

function speaksFor(tokens: readonly Token[], claimStart: number, mentionEnd: number): boolean {
  const before = tokens[claimStart - 1]?.key ?? '';
  const role =
    ((before === 'for' || before === 'to' || before === 'of') &&
      SPEAKING_ROLES.has(tokens[claimStart - 2]?.key ?? '')) ||
    (tokens[mentionEnd - 1]?.possessive === true && SPEAKING_ROLES.has(tokens[mentionEnd]?.key ?? ''));
  return role && speechFollows(tokens, claimStart);
}

/** A speech verb after the claim, before the sentence ends: "a spokesman for X, said". */
function speechFollows(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < from + 20 && k < tokens.length; k++) {
    if (tokens[k]?.sentenceStart && k > from) return false;
    const token = tokens[k];
    if (token?.isWord && !token.capitalised && speechVerb(token.key)) return true;
  }
  return false;
}

/** Words of a story told about the past: "for years", "years after", "decades earlier", "remembered". */
function narrative(tokens: readonly Token[], sentence: Range): boolean {
  for (let k = sentence.start; k < sentence.end; k++) {
    const key = tokens[k]?.key ?? '';
    if (key === 'remember' || key === 'remembers' || key === 'remembered' || key === 'recalled') return true;
    if (key !== 'years' && key !== 'decades') continue;
    const next = tokens[k + 1]?.key ?? '';
    if (tokens[k - 1]?.key === 'for' || next === 'after' || next === 'before' || next === 'earlier' || next === 'later')
      return true;
  }
  return false;
}

/** When a speech act is set: its cue's sentence, as for a claim. "had said", "once said", "said in 1998" are past. */
export function speechTime(article: ResolvedArticle, cueStart: number, date: DayRange): When {
  const { tokens } = article;
  const at = firstTokenAtOrAfter(tokens, cueStart);
  const sentence = sentenceOf(tokens, at);
  const explicit =
    earlierTime(article, afterCue(article, cueStart), date) ??
    earlierTime(article, frontedTime(tokens, sentence), date);
  if (explicit) return explicit;
  const before = tokens[at - 1]?.key ?? '';
  if (
    before === 'had' ||
    before === 'once' ||
    before === 'famously' ||
    (before === 'reportedly' && tokens[at - 2]?.key === 'once')
  )
    return PAST('past-word');
  const around = { start: Math.max(sentence.start, at - 4), end: Math.min(sentence.end, at + 8) };
  if (hasPastMarker(article, around) || hasWord(article, around, RECORDED_WORDS)) return PAST('past-word');
  const lemma = speechVerb(tokens[at]?.key ?? '')?.lemma;
  if (lemma === 'recall' || lemma === 'write') return PAST('memory');
  return historyContext(article, sentence, date) ?? earlierSentences(article, sentence, date, 3) ?? PRESENT('speech');
}

/** Before the claim in its clause: a future or hypothetical ("once Obama is former president"). */
export function isHypothetical(article: ResolvedArticle, claim: TitleClaim): boolean {
  const { tokens } = article;
  const sentence = sentenceOf(tokens, claim.claimStart);
  const clause = clauseOf(tokens, claim.claimStart, claim.mention.tokenEnd, sentence);
  for (let k = clause.start; k < claim.claimStart; k++) if (HYPOTHETICAL.has(tokens[k]?.key ?? '')) return true;
  return false;
}

/** Words that look ahead to an office not yet held: "worrying about President Trump", "a possible President Cruz". */
const ANTICIPATION = new Set([
  'worry',
  'worrying',
  'worried',
  'fear',
  'fearing',
  'feared',
  'fears',
  'flee',
  'fleeing',
  'imagine',
  'imagining',
  'dread',
  'prospect',
  'possible',
  'possibility',
  'potential',
  'hypothetical',
  'brace',
  'bracing',
  'preparing',
  'scenario',
  'nightmare',
  'dream',
]);
/**
 * Conditions of what may be: "if", "once" (not "will": a plan is no dream; nor a modal before
 * the title: "nobody could picture Lib Dem leader X" still says who the leader is).
 */
const CONDITIONAL = new Set(['if', 'once', 'unless', 'whether']);
const MODALS = new Set(['would', 'could', 'might']);

/**
 * A claim about an office the person has not yet held, set in a future the sentence imagines:
 * a condition or a word of anticipation before it in its clause, or a modal right after the
 * name ("President Trump would …"). "The committee will question President X next week" is a
 * plan, not a dream: still a claim about who holds the office.
 */
export function isSpeculative(article: ResolvedArticle, claim: TitleClaim): boolean {
  const { tokens } = article;
  const sentence = sentenceOf(tokens, claim.claimStart);
  const clause = clauseOf(tokens, claim.claimStart, claim.mention.tokenEnd, sentence);
  for (let k = clause.start; k < claim.claimStart; k++) {
    const key = tokens[k]?.key ?? '';
    if (CONDITIONAL.has(key) || ANTICIPATION.has(key)) return true;
  }
  return MODALS.has(tokens[claim.mention.tokenEnd]?.key ?? '');
}

/** The words between the separators around the claim: a time elsewhere in the sentence may date another event. */
function clauseOf(tokens: readonly Token[], from: number, to: number, sentence: Range): Range {
  let start = from;
  while (start > sentence.start && !CLAUSE_BREAKS.has(tokens[start - 1]?.text ?? '')) start--;
  let end = to;
  while (end < sentence.end && !CLAUSE_BREAKS.has(tokens[end]?.text ?? '')) end++;
  return { start, end };
}

/** "In 2003, …", "During the Bush administration, …", "Last year, …": a time heading the sentence dates all of it. */
function frontedTime(tokens: readonly Token[], sentence: Range): Range {
  const first = tokens[sentence.start]?.key;
  if (!FRONTED_TIME_OPENERS.has(first ?? '')) return { start: sentence.start, end: sentence.start };
  let end = sentence.start + 1;
  while (end < sentence.end && end < sentence.start + 8 && !CLAUSE_BREAKS.has(tokens[end]?.text ?? '')) end++;
  return { start: sentence.start, end };
}

/** Tokens looked at on each side of a claim: real sentences are far shorter; text without stops is no sentence. */
const MAX_SENTENCE_REACH = 120;

function sentenceOf(tokens: readonly Token[], index: number): Range {
  const paragraph = tokens[index]?.paragraph;
  const earliest = Math.max(0, index - MAX_SENTENCE_REACH);
  const latest = Math.min(tokens.length, index + MAX_SENTENCE_REACH);
  let start = index;
  while (start > earliest && !tokens[start]?.sentenceStart && tokens[start - 1]?.paragraph === paragraph) start--;
  let end = index + 1;
  while (end < latest && !tokens[end]?.sentenceStart && tokens[end]?.paragraph === paragraph) end++;
  return { start, end };
}

/** Quotes are in text order and do not overlap: the first ending after `offset` is the only one that could hold it. */
function insideQuote(article: ResolvedArticle, offset: number): boolean {
  const quote = article.quotes[firstIndexAtLeast(article.quotes, offset + 1, (q) => q.innerEnd)];
  return quote !== undefined && quote.innerStart <= offset;
}

/** The key of token k, or '' outside the article (no read out of bounds, which costs V8 a deoptimisation). */
function keyAt(article: ResolvedArticle, k: number): string {
  return k >= 0 && k < article.tokens.length ? (article.tokens[k] as Token).key : '';
}

/**
 * A time before the article's, named outside quotes, that dates the words: "in 1993", "the
 * 1990s", "last year", "in November" (before the article's month), "at the time", "years ago".
 */
function earlierTime(article: ResolvedArticle, words: Range, date: DayRange): When | null {
  let range: DayRange | null = null;
  const articleYear = yearOf(date.start);
  const widen = (span: DayRange) => {
    range = range ? { start: Math.min(range.start, span.start), end: Math.max(range.end, span.end) } : span;
  };
  for (let k = words.start; k < words.end; k++) {
    const token = article.tokens[k];
    if (!token?.isWord || insideQuote(article, token.start)) continue;
    const key = token.key;
    const before = keyAt(article, k - 1);
    if (key === 'last' || key === 'previous') {
      const unit = keyAt(article, k + 1);
      if (unit === 'year') widen({ start: dayOf(articleYear - 1, 1, 1), end: dayOf(articleYear - 1, 12, 31) });
      else if (unit === 'decade' || unit === 'century')
        widen({ start: dayOf(articleYear - 10, 1, 1), end: date.start - 1 });
      continue;
    }
    if (key === 'time' && before === 'the' && keyAt(article, k - 2) === 'at') return PAST('at the time');
    if (key === 'ago' && /^(years|decades|months)$/.test(before)) return PAST('ago');
    const month = MONTH_NAMES.indexOf(key);
    if (
      month >= 0 &&
      token.capitalised &&
      (before === 'in' || before === 'last') &&
      !/^\d/.test(keyAt(article, k + 1))
    ) {
      const dateMonth = new Date(date.start * 86_400_000).getUTCMonth();
      const year = month < dateMonth ? articleYear : month > dateMonth ? articleYear - 1 : null;
      if (year !== null) widen({ start: dayOf(year, month + 1, 1), end: dayOf(year, month + 2, 1) - 1 });
      continue;
    }
    // Only a year that dates something ("in 1993", "since the 1990s"), not one that names it ("the 1984 rebate").
    if (!YEAR_PREPOSITIONS.has(before) && !YEAR_PREPOSITIONS.has(keyAt(article, k - 2))) continue;
    const year = /^(1[89]|20)\d\d$/.test(token.text) ? Number(token.text) : null;
    const decade = /^((1[89]|20)\d0)s$/.exec(token.text);
    const from = year ?? (decade ? Number(decade[1]) : null);
    if (from === null || from >= articleYear) continue;
    const to = year ?? from + 9;
    widen({ start: dayOf(from, 1, 1), end: dayOf(Math.min(to, articleYear - 1), 12, 31) });
  }
  return range ? PAST('named time', range) : null;
}

function hasPastMarker(article: ResolvedArticle, words: Range): boolean {
  for (let k = words.start; k < words.end; k++) {
    const token = article.tokens[k];
    if (!token?.isWord || insideQuote(article, token.start)) continue;
    if (PAST_WORDS.has(token.key) && !article.tokens[k + 1]?.hyphenBefore) return true;
    if (token.key === 'once' && pastVerbSoon(article.tokens, k + 1, 2)) return true;
  }
  return false;
}

function atTheTime(article: ResolvedArticle, words: Range): boolean {
  for (let k = words.start + 2; k < words.end; k++) {
    const token = article.tokens[k];
    if (token?.key !== 'time' || keyAt(article, k - 1) !== 'the' || keyAt(article, k - 2) !== 'at') continue;
    if (!insideQuote(article, token.start)) return true;
  }
  return false;
}

/** "this week", "this year": the article's own time. */
function thisPeriod(article: ResolvedArticle, words: Range): boolean {
  for (let k = words.start; k < words.end - 1; k++) {
    if (article.tokens[k]?.key === 'this' && RECENT_UNITS.has(article.tokens[k + 1]?.key ?? '')) return true;
  }
  return false;
}

function hasWord(article: ResolvedArticle, words: Range, set: ReadonlySet<string>): boolean {
  for (let k = words.start; k < words.end; k++) {
    const token = article.tokens[k];
    if (token?.isWord && set.has(token.key) && !insideQuote(article, token.start)) return true;
  }
  return false;
}

/** The claim sits in a past when-clause: "when President George W. Bush ordered …". */
function whenClause(tokens: readonly Token[], clause: Range, claimStart: number): boolean {
  for (let k = clause.start; k < claimStart; k++) {
    const key = tokens[k]?.key;
    if ((key === 'when' || key === 'while') && pastVerbSoon(tokens, k + 1)) return true;
  }
  return false;
}

/** "even after he criticized President George W. Bush": the claim sits in a clause about an earlier event. */
function afterClause(tokens: readonly Token[], clause: Range, claimStart: number): boolean {
  for (let k = clause.start; k < claimStart; k++) {
    const key = tokens[k]?.key;
    if ((key === 'after' || key === 'before' || key === 'since' || key === 'until') && pastVerbSoon(tokens, k + 1, 4))
      return true;
  }
  return false;
}

/** "used to" in the claim's clause: a habit of some past, not a time. */
function weakPast(tokens: readonly Token[], clause: Range): boolean {
  for (let k = clause.start; k < clause.end; k++) {
    if (tokens[k]?.key === 'used' && tokens[k + 1]?.key === 'to') return true;
  }
  return false;
}

/** "when President George W. Bush ordered", "when he was": a past verb within a few words. */
function pastVerbSoon(tokens: readonly Token[], from: number, within = 7): boolean {
  for (let k = from; k < from + within && k < tokens.length; k++) {
    const token = tokens[k];
    if (token?.text === '.' && tokens[k - 1]?.text.length === 1) continue;
    // "when George (W. Bush) was president": an aside in brackets.
    if (token?.text === '(' || token?.text === ')') continue;
    if (!token?.isWord) return false;
    // "when Trump has faced criticism": a present perfect, not the past.
    if (token.key === 'has' || token.key === 'have') return false;
    if (PAST_AUXILIARIES.has(token.key) || (!token.capitalised && /[a-z]{2,}ed$/.test(token.key))) return true;
  }
  return false;
}

/** "a former aide to President George W. Bush": the relation is over, so is the claim. */
function formerBeforePreposition(tokens: readonly Token[], claimStart: number): boolean {
  if (!PREPOSITIONS.has(tokens[claimStart - 1]?.key ?? '')) return false;
  for (let k = claimStart - 2; k >= 0 && k >= claimStart - 6; k--) {
    const key = tokens[k]?.key;
    if (key === 'former' || key === 'ex' || key === 'then' || key === 'onetime') return true;
    if (!tokens[k]?.isWord) break;
  }
  return false;
}

/** "President Ronald Reagan's 1984 run", "President Bill Clinton's administration": the possession dates the claim. */
function possessionTime(article: ResolvedArticle, mention: Mention, date: DayRange): When | null {
  const { tokens } = article;
  const next = tokens[mention.tokenEnd]?.text ?? '';
  if (/^(1[89]|20)\d\d$/.test(next) && Number(next) < yearOf(date.start)) {
    const year = Number(next);
    return PAST('possession', { start: dayOf(year, 1, 1), end: dayOf(year, 12, 31) });
  }
  for (let k = mention.tokenEnd; k < mention.tokenEnd + 3 && k < tokens.length; k++) {
    const token = tokens[k];
    if (!token?.isWord) break;
    if (PAST_POSSESSIONS.has(token.key)) return PAST('possession');
  }
  return null;
}

/**
 * Sentences next to the claim's, in its paragraph, set in earlier years ("In 1997 Labour won.
 * Prime Minister Tony Blair …") and none in the present: the claim shares their time.
 */
function historyContext(article: ResolvedArticle, sentence: Range, date: DayRange): When | null {
  const { tokens } = article;
  const paragraph = tokens[sentence.start]?.paragraph;
  const previous =
    sentence.start > 0 && tokens[sentence.start - 1]?.paragraph === paragraph
      ? sentenceOf(tokens, sentence.start - 1)
      : null;
  const next =
    sentence.end < tokens.length && tokens[sentence.end]?.paragraph === paragraph
      ? sentenceOf(tokens, sentence.end)
      : null;
  let range: DayRange | null = null;
  for (const around of [previous, sentence, next]) {
    if (!around) continue;
    const time = earlierTime(article, around, date);
    if (time?.range)
      range = range
        ? { start: Math.min(range.start, time.range.start), end: Math.max(range.end, time.range.end) }
        : time.range;
  }
  // The neighbours set the scene, not the claim's exact time: past, with no range to judge against.
  return range ? PAST('history context') : null;
}

/** Up to `count` sentences before, across paragraphs: a quote set up by "When the case was argued in December, …". */
function earlierSentences(article: ResolvedArticle, sentence: Range, date: DayRange, count: number): When | null {
  let end = sentence.start;
  for (let n = 0; n < count && end > 0; n++) {
    const previous = sentenceOf(article.tokens, end - 1);
    const time = earlierTime(article, previous, date);
    if (time?.range) return PAST('earlier sentences', time.range);
    end = previous.start;
  }
  return null;
}

/** The cue of the quote or speech verb whose subject the mention is, unless "had said" (reported from the past). */
function speechCue(article: ResolvedArticle, mention: Mention): { start: number } | null {
  const cue = cuesOf(article)(mention);
  if (!cue) return null;
  const before = article.tokens[firstTokenAtOrAfter(article.tokens, cue.start) - 1]?.key;
  return before === 'had' ? null : cue;
}

type CueOf = (mention: Mention) => { start: number } | null;
const cueIndexes = new WeakMap<ResolvedArticle, CueOf>();

/** A mention's cue: the first quote it explicitly speaks, else its first reported speech (indexed once per article). */
function cuesOf(article: ResolvedArticle): CueOf {
  let cueOf = cueIndexes.get(article);
  if (cueOf) return cueOf;
  const fromQuote = new Map<Mention, { start: number } | null>();
  for (const { speaker } of article.quotes) {
    if (speaker?.mention && speaker.via === 'explicit' && !fromQuote.has(speaker.mention))
      fromQuote.set(speaker.mention, speaker.cue ?? null);
  }
  const fromSpeech = new Map<Mention, { start: number } | null>();
  for (const act of article.speech) if (!fromSpeech.has(act.mention)) fromSpeech.set(act.mention, act.cue ?? null);
  cueOf = (mention) => fromQuote.get(mention) ?? fromSpeech.get(mention) ?? null;
  cueIndexes.set(article, cueOf);
  return cueOf;
}

/** The few words after a speech verb, where a time would date the speech: "said in 2019". */
function afterCue(article: ResolvedArticle, cueStart: number): Range {
  const start = firstTokenAtOrAfter(article.tokens, cueStart);
  return { start, end: Math.min(article.tokens.length, start + 5) };
}

/** "Pressure is mounting on Home Secretary X", "… will meet X": a progressive or future in the claim's clause. */
function presentInClause(tokens: readonly Token[], clause: Range, claimStart: number): boolean {
  for (let k = clause.start; k < claimStart - 1; k++) {
    const key = tokens[k]?.key ?? '';
    const next = tokens[k + 1];
    if (!next?.isWord || next.capitalised) continue;
    if ((key === 'is' || key === 'are') && /[a-z]{2,}ing$/.test(next.key)) return true;
    if (key === 'will' && !/(ed|ing)$/.test(next.key)) return true;
  }
  return false;
}

/** "President Trump says", "Chancellor Scholz, who is …, will": a present-tense verb after the name. */
function presentVerbAfter(tokens: readonly Token[], mention: Mention): boolean {
  let k = mention.tokenEnd;
  if (tokens[k]?.text === ',') {
    for (let j = k + 1; j < k + 20 && j < tokens.length; j++) {
      if (tokens[j]?.text === ',') {
        k = j + 1;
        break;
      }
    }
  }
  while (SKIPPABLE.has(tokens[k]?.key ?? '')) k++;
  return isPresentVerb(tokens[k]);
}

function isPresentVerb(token: Token | undefined): boolean {
  if (!token?.isWord || token.capitalised) return false;
  return (
    PRESENT_VERBS.has(token.key) ||
    speechVerb(token.key)?.tense === 'present' ||
    (/^[a-z]+[^s]s$/.test(token.key) && PRESENT_SUFFIXES.test(token.key))
  );
}

/** Third-person verbs that are rarely nouns: "decides", "negotiates", "insists". */
const PRESENT_SUFFIXES = /(ates|ides|izes|ises|ects|ends|ains|ists|eeks|ounces|ores|ows)$/;
