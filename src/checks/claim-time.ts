import type { Mention } from '../scan/names.js';
import type { TitleClaim } from '../scan/titles.js';
import type { Token } from '../scan/tokens.js';
import { speechVerb } from '../scan/verbs.js';
import { firstTokenAtOrAfter } from '../resolve/speakers.js';
import { dayOf, yearOf, type DayRange } from '../util/dates.js';
import { firstIndexAtLeast } from '../util/search.js';
import type { ResolvedArticle } from './check.js';
import { tally } from '../util/work.js';

/**
 * When a title claim speaks of: the article's present ("Secretary of State Antony
 * Blinken said on Tuesday", "Prime Minister Tony Blair's spokesman said"), the past
 * ("appointed by President Bill Clinton in 1993", "a former aide to President George W.
 * Bush", "President Bill Clinton's administration"), or it cannot be told ("an aide to
 * President Bill Clinton").
 */
export type ClaimTime = 'present' | 'past' | 'unclear';

export interface ClaimWhen {
  time: ClaimTime;
  /** For a sentence that names its years ("in 1993"), the time it speaks of. */
  years: DayRange | null;
}

/** Words outside quotes that set a sentence in the past. */
const PAST_WORDS = new Set([
  'era',
  'presidency',
  'tenure',
  'legacy',
  'ago',
  'previously',
  'formerly',
  'predecessor',
  'predecessors',
  'reign',
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
]);
/** Roles that speak for an officeholder: "the Prime Minister's spokesman said". */
const SPEAKING_FOR = new Set([
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'spokespeople',
  'office',
  'aide',
  'aides',
  'press',
  'secretary',
  'adviser',
  'advisers',
  'advisor',
  'team',
]);
const PREPOSITIONS = new Set([
  'to',
  'by',
  'of',
  'for',
  'than',
  'against',
  'under',
  'during',
  'since',
  'like',
  'with',
  'from',
  'about',
]);
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

export function claimTime(article: ResolvedArticle, claim: TitleClaim, date: DayRange): ClaimWhen {
  const { tokens } = article;
  const mention = claim.mention;
  const sentence = sentenceOf(tokens, claim.claimStart);
  const clause = clauseOf(tokens, claim.claimStart, mention.tokenEnd, sentence);
  const fronted = frontedTime(tokens, sentence);
  const articleYear = yearOf(date.start);
  const cue = speechCue(article, mention);
  // A speaker's words are news unless a year dates the speech itself ("said in 2019").
  const years =
    pastYears(article, fronted, articleYear) ??
    (cue ? pastYears(article, afterCue(article, cue.start), articleYear) : pastYears(article, clause, articleYear));
  if (years) return { time: 'past', years };
  if (whenClause(tokens, clause, claim.claimStart)) {
    // "in the 2012 election, when President X painted …": the sentence's year dates the when-clause.
    return { time: 'past', years: pastYears(article, sentence, articleYear) };
  }
  if (
    hasPastMarker(article, clause) ||
    hasPastMarker(article, fronted) ||
    formerBeforePreposition(tokens, claim.claimStart)
  )
    return { time: 'past', years: null };
  if (tokens[mention.tokenEnd - 1]?.possessive) {
    // "President Ronald Reagan's 1984 run": the year dates the possession.
    const year = /^(1[89]|20)\d\d$/.test(tokens[mention.tokenEnd]?.text ?? '')
      ? Number(tokens[mention.tokenEnd]?.text)
      : null;
    if (year !== null && year < articleYear)
      return { time: 'past', years: { start: dayOf(year, 1, 1), end: dayOf(year, 12, 31) } };
    return { time: possessiveTime(article, mention), years: null };
  }
  if (tokens[claim.claimStart - 1]?.key === 'new' || cue || presentVerbAfter(tokens, mention))
    return { time: 'present', years: null };
  return { time: 'unclear', years: null };
}

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
]);

const CLAUSE_BREAKS = new Set([',', ';', ':', '—', '–', '(', ')']);

/** The words between the separators around the claim: a year elsewhere in the sentence may date another event. */
function clauseOf(tokens: readonly Token[], from: number, to: number, sentence: Range): Range {
  let start = from;
  while (start > sentence.start && !CLAUSE_BREAKS.has(tokens[start - 1]?.text ?? '')) start--;
  let end = to;
  while (end < sentence.end && !CLAUSE_BREAKS.has(tokens[end]?.text ?? '')) end++;
  tally(end - start);
  return { start, end };
}

/** "In 2003, …", "During the Bush administration, …": a time at the head of the sentence dates all of it. */
function frontedTime(tokens: readonly Token[], sentence: Range): Range {
  const first = tokens[sentence.start]?.key;
  if (first !== 'in' && first !== 'by' && first !== 'during' && first !== 'until' && first !== 'under')
    return { start: sentence.start, end: sentence.start };
  let end = sentence.start + 1;
  while (end < sentence.end && end < sentence.start + 8 && !CLAUSE_BREAKS.has(tokens[end]?.text ?? '')) end++;
  return { start: sentence.start, end };
}

interface Range {
  start: number;
  end: number;
}

/** Tokens looked at on each side of a claim: real sentences are far shorter; text without full stops is not a sentence. */
const MAX_SENTENCE_REACH = 120;

function sentenceOf(tokens: readonly Token[], index: number): Range {
  const paragraph = tokens[index]?.paragraph;
  const earliest = Math.max(0, index - MAX_SENTENCE_REACH);
  const latest = Math.min(tokens.length, index + MAX_SENTENCE_REACH);
  let start = index;
  while (start > earliest && !tokens[start]?.sentenceStart && tokens[start - 1]?.paragraph === paragraph) start--;
  let end = index + 1;
  while (end < latest && !tokens[end]?.sentenceStart && tokens[end]?.paragraph === paragraph) end++;
  tally(end - start);
  return { start, end };
}

/** Quotes are in text order and do not overlap: the first ending after `offset` is the only one that could hold it. */
function insideQuote(article: ResolvedArticle, offset: number): boolean {
  const quote = article.quotes[firstIndexAtLeast(article.quotes, offset + 1, (q) => q.innerEnd)];
  return quote !== undefined && quote.innerStart <= offset;
}

/** The key of token k, or '' outside the article (read without going out of bounds, which costs V8 a deoptimisation). */
function keyAt(article: ResolvedArticle, k: number): string {
  return k >= 0 && k < article.tokens.length ? (article.tokens[k] as Token).key : '';
}

/** Years before the article's, named outside quotes ("in 1993", "the 1990s"): every day they cover. */
function pastYears(article: ResolvedArticle, sentence: Range, articleYear: number): DayRange | null {
  let range: DayRange | null = null;
  tally(sentence.end - sentence.start);
  for (let k = sentence.start; k < sentence.end; k++) {
    const token = article.tokens[k];
    if (!token?.isWord || insideQuote(article, token.start)) continue;
    // Only a year that dates something ("in 1993", "since the 1990s"), not one that names it ("the 1984 rebate").
    if (!YEAR_PREPOSITIONS.has(keyAt(article, k - 1)) && !YEAR_PREPOSITIONS.has(keyAt(article, k - 2))) continue;
    const year = /^(1[89]|20)\d\d$/.test(token.text) ? Number(token.text) : null;
    const decade = /^((1[89]|20)\d0)s$/.exec(token.text);
    const from = year ?? (decade ? Number(decade[1]) : null);
    if (from === null || from >= articleYear) continue;
    const to = year ?? from + 9;
    const span = { start: dayOf(from, 1, 1), end: dayOf(Math.min(to, articleYear - 1), 12, 31) };
    range = range ? { start: Math.min(range.start, span.start), end: Math.max(range.end, span.end) } : span;
  }
  return range;
}

function hasPastMarker(article: ResolvedArticle, sentence: Range): boolean {
  tally(sentence.end - sentence.start);
  for (let k = sentence.start; k < sentence.end; k++) {
    const token = article.tokens[k];
    if (!token?.isWord || insideQuote(article, token.start)) continue;
    if (PAST_WORDS.has(token.key) && !article.tokens[k + 1]?.hyphenBefore) return true;
    if (token.key === 'once' && pastVerbSoon(article.tokens, k + 1, 2)) return true;
  }
  return false;
}

/** The claim sits in a past when-clause: "when President George W. Bush ordered …". */
function whenClause(tokens: readonly Token[], clause: Range, claimStart: number): boolean {
  for (let k = clause.start; k < claimStart; k++)
    if (tokens[k]?.key === 'when' && pastVerbSoon(tokens, k + 1)) return true;
  return false;
}

/** Before the claim in its clause: a future or hypothetical ("once Obama is former president"). */
export function isHypothetical(article: ResolvedArticle, claim: TitleClaim): boolean {
  const { tokens } = article;
  const sentence = sentenceOf(tokens, claim.claimStart);
  const clause = clauseOf(tokens, claim.claimStart, claim.mention.tokenEnd, sentence);
  for (let k = clause.start; k < claim.claimStart; k++) if (HYPOTHETICAL.has(tokens[k]?.key ?? '')) return true;
  return false;
}

const HYPOTHETICAL = new Set(['once', 'if', 'until', 'unless', 'when', 'after', 'whether', 'would', 'will']);

/** "when President George W. Bush ordered", "when he was": a past verb within a few words. */
function pastVerbSoon(tokens: readonly Token[], from: number, within = 7): boolean {
  for (let k = from; k < from + within && k < tokens.length; k++) {
    const token = tokens[k];
    if (token?.text === '.' && tokens[k - 1]?.text.length === 1) continue;
    if (!token?.isWord) return false;
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

/** "President Bill Clinton's administration" is the past; "Prime Minister Tony Blair's spokesman said" the present. */
function possessiveTime(article: ResolvedArticle, mention: Mention): ClaimTime {
  const { tokens } = article;
  for (let k = mention.tokenEnd; k < mention.tokenEnd + 3 && k < tokens.length; k++) {
    const token = tokens[k];
    if (!token?.isWord) break;
    if (PAST_POSSESSIONS.has(token.key)) return 'past';
    if (SPEAKING_FOR.has(token.key) && speechVerbSoonAfter(tokens, k)) return 'present';
  }
  return 'unclear';
}

function speechVerbSoonAfter(tokens: readonly Token[], from: number): boolean {
  for (let k = from + 1; k < from + 8 && k < tokens.length; k++) {
    const verb = tokens[k]?.isWord ? speechVerb(tokens[k]?.key ?? '') : null;
    if (verb && verb.tense !== 'base') return true;
    if (tokens[k]?.text === '.') return false;
  }
  return false;
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

/** A mention's cue: that of the first quote it explicitly speaks, else of its first reported speech. Indexed once per article. */
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

/** The few words after a speech verb, where a year would date the speech: "said in 2019". */
function afterCue(article: ResolvedArticle, cueStart: number): Range {
  const start = firstTokenAtOrAfter(article.tokens, cueStart);
  return { start, end: Math.min(article.tokens.length, start + 5) };
}

/** "President Trump says", "Chancellor Scholz, who is …, will": a present-tense verb after the name. */
function presentVerbAfter(tokens: readonly Token[], mention: Mention): boolean {
  let k = mention.tokenEnd;
  if (tokens[k]?.text === ',' && isPresentVerb(tokens[k + 1])) return true;
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
const PRESENT_SUFFIXES = /(ates|ides|izes|ises|ects|ends|ains|ists|eeks|ounces|ores|ects|ows)$/;
