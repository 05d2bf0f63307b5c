import type { SpeakerVia } from '../types.js';
import {
  AUXILIARIES,
  FULL_PLACE_NAMES,
  FUNCTION_WORDS,
  HONORIFICS,
  NOT_PERSON_WORDS,
  PRONOUNS,
} from '../scan/lexicon.js';
import { spacedText, type Mention, type TokenRole } from '../scan/names.js';
import type { QuoteSpan } from '../scan/quotes.js';
import type { TitleClaim } from '../scan/titles.js';
import { ABBREVIATIONS, type Token } from '../scan/tokens.js';
import { WordFlag } from '../scan/word-flags.js';
import { isAmbiguousNounForm, phrasalSpeechVerb, speechVerb, TRAILING_ONLY, type SpeechVerb } from '../scan/verbs.js';
import type { Entity } from './entities.js';
import { firstIndexAtLeast, firstStartAtLeast } from '../util/search.js';
import type { TokenMap } from '../util/token-map.js';
import { tally } from '../util/work.js';

export interface Cue {
  start: number;
  end: number;
  text: string;
  lemma: string;
  tense: SpeechVerb['tense'];
}

/** Who a quote is attributed to, and how that was worked out. */
export interface Attribution {
  start: number;
  end: number;
  text: string;
  entity: Entity | null;
  via: SpeakerVia;
  cue: Cue | null;
  /** The pattern that matched, for `explain`. */
  pattern: string;
  /** The speaker words name the person only by surname (with or without Mr/Ms). */
  bySurname: boolean;
  /** The mention that names the speaker, when the speaker words are a name. */
  mention: Mention | null;
}

export interface Quote extends QuoteSpan {
  speaker: Attribution | null;
}

export interface SpeakerContext {
  tokens: readonly Token[];
  /** Every name in the text, in text order. */
  mentions: readonly Mention[];
  mentionAt: TokenMap<Mention>;
  mentionEndingAt: TokenMap<Mention>;
  entities: readonly Entity[];
  claims: readonly TitleClaim[];
  roles: readonly TokenRole[];
  /** From `tokenizeArticle`: where sentences begin, and the speech verbs. */
  sentenceStarts: readonly number[];
  speechVerbs: readonly number[];
}

/** A subject of speech seen in the text, for pronouns to refer back to. */
interface SubjectEvent {
  at: number;
  entity: Entity | null;
  strong: boolean;
  /** The subject's name, for speech verbs with a named subject. */
  mention?: Mention;
  cue?: Cue;
}

const ADVERBS = new Set(
  `also then later again once further meanwhile previously earlier recently repeatedly already has
   had have having was is were would will could can might must should had never often always long still
   subsequently reportedly
   publicly privately separately simply flatly quickly angrily defiantly quietly just even only
   however too`.split(/\s+/),
);
const ROLE_NOUNS = new Set(
  `leader official officials spokesman spokeswoman spokesperson president minister chancellor
   secretary envoy head chief commander aide aides adviser advisor advisers premier prime senator
   governor mayor ambassador diplomat general officer lawmaker lawmakers negotiator source sources
   analyst analysts expert experts author editor reporter candidate nominee strategist lawyer
   attorney director chairman chairwoman chair manager consultant economist professor writer host
   anchor widow mother father voter voters resident residents protester protesters critic critics
   supporter supporters congressman congresswoman member members organizer organizers worker
   workers doctor teacher student students`.split(/\s+/),
);
const GROUP_NOUNS = new Set(
  `ministry government army police company agency office statement officials authorities
   administration campaign team group committee kremlin palace embassy military court party
   coalition council`.split(/\s+/),
);
const TRAILING_TAIL_LIMIT = 8;
const DASHES = new Set(['—', '–', '―', '-']);
const OPENING_MARKS = new Set(['“', '"', "''"]);
/** Words that open a clause, so end a subject read leftwards: "…, and Breitbart News responded". */
const CLAUSE_OPENERS = new Set(
  'and or but nor yet so as while when because although though if that which whereas'.split(' '),
);

/** Words that open a noun phrase as "the" does: "one of two witnesses", "some protesters". */
const QUANTIFIERS = new Set(['one', 'some', 'another', 'several', 'many', 'two', 'three', 'few', 'most', 'other']);
const PLURAL_COUNTS = new Set(['two', 'three', 'four', 'both', 'several', 'many', 'others', 'all']);
/** Words that open a noun phrase: "the Kremlin", "her Twitter account", "this source", "my father". */
const PHRASE_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'my', 'our', 'this']);
const OPENING_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its']);

/** What a person or an organisation sends out with words in it: "an email saying …". */
const DOCUMENT_NOUNS = new Set(
  'message messages email emails statement letter note tweet tweets post memo text release video ad'.split(' '),
);
const INVERTED_TEXT_CUES = new Set(['read', 'reads', 'went', 'goes']);
const COLON_CUES = new Set(['read', 'reads', 'reading', 'went', 'goes', 'began', 'begins', 'begin', 'wrote', 'writes']);
const CLOSING_MARKS = new Set(['”', '"', '’', "''"]);
const QUOTE_MARKS = new Set([...OPENING_MARKS, ...CLOSING_MARKS]);
const PARTICIPLE_LINKS = new Set(['while', 'by', 'after', 'before', 'when', 'as']);

/** A speech verb outside quotes with a named subject: "Navalny says the vote was rigged". */
export interface SpeechAct {
  mention: Mention;
  entity: Entity | null;
  cue: Cue;
}

export interface Speakers {
  quotes: Quote[];
  speech: SpeechAct[];
}

export function resolveSpeakers(quotes: readonly QuoteSpan[], context: SpeakerContext): Speakers {
  const speech: SpeechAct[] = [];
  const events = new Timeline(subjectEvents(context, quotes, speech));
  const resolver = new SpeakerResolver(context, events);
  const resolved: Quote[] = [];
  let lastAttributed: Quote | null = null;
  for (const quote of quotes) {
    tally();
    const speaker: Attribution | null = quote.marks === 'double' ? resolver.attribute(quote, lastAttributed) : null;
    const done: Quote = {
      start: quote.start,
      end: quote.end,
      innerStart: quote.innerStart,
      innerEnd: quote.innerEnd,
      paragraph: quote.paragraph,
      endParagraph: quote.endParagraph,
      closed: quote.closed,
      marks: quote.marks,
      speaker,
    };
    resolved.push(done);
    if (speaker) lastAttributed = done;
    if (speaker?.entity) events.add({ at: quote.start, entity: speaker.entity, strong: true });
  }
  return { quotes: resolved, speech };
}

const atOf = (event: SubjectEvent): number => event.at;

/** How many earlier subjects a pronoun may reach back over. */
const PRONOUN_REACH = 25;

/**
 * Subject events in text order: those found before resolving, plus one per quote whose
 * speaker was resolved, added as the quotes are (so in order too). Kept as two sorted
 * lists merged on reading, so adding one costs nothing however long the article.
 */
class Timeline {
  private readonly added: SubjectEvent[] = [];

  constructor(private readonly found: readonly SubjectEvent[]) {}

  add(event: SubjectEvent): void {
    this.added.push(event);
  }

  /** Up to `limit` events before `at`, latest first; at the same offset, a quote's event counts as the later. */
  before(at: number, limit: number): SubjectEvent[] {
    const events: SubjectEvent[] = [];
    let i = firstIndexAtLeast(this.found, at, atOf) - 1;
    let j = firstIndexAtLeast(this.added, at, atOf) - 1;
    while ((i >= 0 || j >= 0) && events.length < limit) {
      tally();
      const found = this.found[i];
      const added = this.added[j];
      if (added && (!found || added.at >= found.at)) {
        events.push(added);
        j--;
      } else if (found) {
        events.push(found);
        i--;
      }
    }
    return events;
  }

  latestBefore(at: number): SubjectEvent | null {
    return this.before(at, 1)[0] ?? null;
  }
}

/**
 * Subjects of speech verbs, and the first person named in each sentence. Only three
 * kinds of token matter (sentence starts, names, speech verbs), so this walks their
 * three sorted lists together rather than every token.
 */
function subjectEvents(context: SpeakerContext, quotes: readonly QuoteSpan[], speech: SpeechAct[]): SubjectEvent[] {
  const { tokens, mentions, sentenceStarts, speechVerbs } = context;
  let quoteIndex = 0;
  const events: SubjectEvent[] = [];
  let sentenceHasStrong = false;
  let firstMention: Mention | null = null;
  const flush = () => {
    if (!sentenceHasStrong && firstMention)
      events.push({ at: firstMention.start, entity: entityOf(context, firstMention), strong: false });
    sentenceHasStrong = false;
    firstMention = null;
  };
  let s = 0;
  let m = 0;
  let v = 0;
  for (;;) {
    tally();
    const i = Math.min(sentenceStarts[s] ?? Infinity, mentions[m]?.tokenStart ?? Infinity, speechVerbs[v] ?? Infinity);
    if (i === Infinity) break;
    const token = tokens[i];
    if (!token) break;
    if (sentenceStarts[s] === i) {
      flush();
      s++;
    }
    if (mentions[m]?.tokenStart === i) {
      const mention = context.mentionAt.get(i);
      if (mention && !firstMention) firstMention = mention;
      while (mentions[m]?.tokenStart === i) m++;
    }
    if (speechVerbs[v] !== i) continue;
    v++;
    const verb = cueAt(tokens, i, 'before');
    if (!verb) continue;
    while ((quotes[quoteIndex]?.end ?? Infinity) <= token.start) {
      tally();
      quoteIndex++;
    }
    const inQuote = (quotes[quoteIndex]?.start ?? Infinity) <= token.start;
    if (inQuote) continue;
    const subject = subjectBefore(context, i);
    if (subject?.mention) {
      const entity = entityOf(context, subject.mention);
      events.push({ at: token.start, entity, strong: true, mention: subject.mention, cue: verb });
      speech.push({ mention: subject.mention, entity, cue: verb });
      sentenceHasStrong = true;
    } else if (subject && subject.kind !== 'pronoun' && !namesNoPerson(tokens, subject)) {
      // "a spokesman said": someone a later "he" may mean, though not who.
      events.push({ at: token.start, entity: null, strong: true });
      sentenceHasStrong = true;
    }
  }
  flush();
  return events;
}

/**
 * "the ministry said", "Berlin would say": a subject that is an organisation or a place, so no
 * "he" or "she" after it means it.
 */
function namesNoPerson(tokens: readonly Token[], subject: Subject): boolean {
  const words = tokens.slice(subject.start, subject.end).filter((t) => t.isWord && !PHRASE_DETERMINERS.has(t.key));
  if (words.length === 0 || words.some((t) => ROLE_NOUNS.has(t.key))) return false;
  if (words.some((t) => GROUP_NOUNS.has(t.key) || NOT_PERSON_WORDS.has(t.key))) return true;
  return words.every((t) => t.capitalised && FULL_PLACE_NAMES.has(t.key));
}

function entityOf(context: SpeakerContext, mention: Mention): Entity | null {
  return context.entities[mention.entity] ?? null;
}

interface Subject {
  kind: 'name' | 'pronoun' | 'phrase';
  /** Token range of the speaker words. */
  start: number;
  end: number;
  mention: Mention | null;
}

/** The subject of the verb at `verb`, reading leftwards: "Merz, meanwhile, said", "the Kremlin on Monday said". */
function subjectBefore(context: SpeakerContext, verb: number): Subject | null {
  const { tokens } = context;
  const paragraph = tokens[verb]?.paragraph;
  let j = verb - 1;
  for (let guard = 0; guard < 30 && j >= 0; guard++) {
    tally();
    const token = tokens[j];
    if (!token || token.paragraph !== paragraph) return null;
    if (token.isWord && ADVERBS.has(token.key) && !token.capitalised) {
      j--;
      continue;
    }
    if (token.text === ',' || token.text === '—' || token.text === '–') {
      // "her senior policy adviser, Jake Sullivan, said", "Gov. John Kasich (R-OH), said": an
      // aside that is a name names the subject.
      const named = nameEndingAsideAt(context, j);
      if (named) return named;
      const open = matchingSeparator(tokens, j, token.text);
      if (open === null) return null;
      j = open - 1;
      continue;
    }
    // "Gov. Kirk Fordice (R) said": a parenthesis after the name.
    if (token.text === ')') {
      let open = j - 1;
      while (open > j - 10 && open >= 0 && tokens[open]?.text !== '(' && tokens[open]?.text !== '.') open--;
      if (tokens[open]?.text !== '(') return null;
      j = open - 1;
      continue;
    }
    if (isTimePhraseEnd(tokens, j)) {
      j -= 2;
      continue;
    }
    // "I laughed and said": the subject of the first verb.
    if (
      token.key === 'and' &&
      tokens[j - 1]?.isWord &&
      !tokens[j - 1]?.capitalised &&
      /(ed|ked|ew|ood|ame|ent|ose|ook|ught)$/.test(tokens[j - 1]?.key ?? '')
    ) {
      j -= 2;
      continue;
    }
    break;
  }
  const token = tokens[j];
  if (!token?.isWord || token.paragraph !== paragraph) return null;
  const relative = relativeSubject(context, j);
  if (relative) return relative;
  const mention = context.mentionEndingAt.get(j + 1);
  if (mention) {
    const object = prepositionBefore(context, mention);
    if (object === null) return { kind: 'name', start: mention.tokenStart, end: mention.tokenEnd, mention };
    return object > 0 ? nounPhraseEndingAt(tokens, object - 1) : null;
  }
  if (PRONOUNS.has(token.key)) return { kind: 'pronoun', start: j, end: j + 1, mention: null };
  return nounPhraseEndingAt(tokens, j);
}

/**
 * The name that ends right before the separator at `close`, after a comma or the start of
 * the clause, with at most a parenthesis between ("Jake Sullivan," / "John Kasich (R-OH),").
 */
function nameEndingAsideAt(context: SpeakerContext, close: number): Subject | null {
  const { tokens } = context;
  let end = close;
  if (tokens[end - 1]?.text === ')') {
    let open = end - 2;
    while (open > close - 8 && open >= 0 && tokens[open]?.text !== '(') open--;
    if (tokens[open]?.text !== '(') return null;
    end = open;
  }
  const mention = context.mentionEndingAt.get(end);
  if (!mention) return null;
  let k = mention.tokenStart - 1;
  while (k >= 0 && (isTitleOrHonorific(context, k) || tokens[k]?.text === '.')) k--;
  return tokens[k]?.text === ',' ? { kind: 'name', start: mention.tokenStart, end: mention.tokenEnd, mention } : null;
}

function isTitleOrHonorific(context: SpeakerContext, k: number): boolean {
  const role = context.roles[k];
  const key = context.tokens[k]?.key ?? '';
  return role === 'title' || role === 'country' || HONORIFICS.has(key) || ABBREVIATIONS.has(key);
}

/** "Trump, who said …": the relative pronoun is the speaker words, the name before it the speaker. */
function relativeSubject(context: SpeakerContext, j: number): Subject | null {
  const { tokens } = context;
  const token = tokens[j];
  if (!token || (token.key !== 'who' && token.key !== 'which')) return null;
  // "Rikkie Wells who tweeted": a name right before "who" is its antecedent too.
  const direct = token.key === 'who' ? context.mentionEndingAt.get(j) : undefined;
  if (direct) return { kind: 'name', start: j, end: j + 1, mention: direct };
  if (tokens[j - 1]?.text !== ',') return null;
  const mention = context.mentionEndingAt.get(j - 1);
  if (mention) return { kind: 'name', start: j, end: j + 1, mention };
  return nounPhraseEndingAt(tokens, j - 2);
}

const OBJECT_PREPOSITIONS = new Set(['to', 'of', 'for', 'by', 'from', 'than', 'against', 'under', 'about']);

/** "the former aide to President George W. Bush said": the name is the object of "to", not the subject. */
function prepositionBefore(context: SpeakerContext, mention: Mention): number | null {
  let k = mention.tokenStart - 1;
  while (
    k >= 0 &&
    (context.roles[k] === 'title' ||
      context.roles[k] === 'country' ||
      HONORIFICS.has(context.tokens[k]?.key ?? '') ||
      context.tokens[k]?.text === '.')
  ) {
    tally();
    k--;
  }
  return OBJECT_PREPOSITIONS.has(context.tokens[k]?.key ?? '') ? k : null;
}

/** The earlier comma or dash that opens the aside closed at `close` ("X, a doctor, said"). */
function matchingSeparator(tokens: readonly Token[], close: number, mark: string): number | null {
  const dash = mark !== ',';
  for (let k = close - 1; k >= 0 && k >= close - 25; k--) {
    tally();
    const token = tokens[k];
    if (!token || token.paragraph !== tokens[close]?.paragraph) return null;
    if (dash ? token.text === '—' || token.text === '–' : token.text === ',') return k;
    if ((token.text === '.' && !isAbbreviationDot(tokens, k)) || QUOTE_MARKS.has(token.text)) return null;
  }
  return null;
}

const WEEKDAYS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'week',
  'month',
  'year',
  'night',
  'morning',
  'evening',
  'afternoon',
  'weekend',
  'statement',
]);

/** "on Monday", "last week", "this month", "in a statement" just before a verb. */
function isTimePhraseEnd(tokens: readonly Token[], j: number): boolean {
  const word = tokens[j];
  const before = tokens[j - 1];
  if (!word?.isWord || !before?.isWord) return false;
  return WEEKDAYS.has(word.key) && TIME_PHRASE_OPENERS.has(before.key);
}

const TIME_PHRASE_OPENERS = new Set(['on', 'last', 'this', 'that', 'a', 'later', 'earlier', 'late', 'early', 'next']);

/** No sentence starts between token `from` (exclusive) and token `to`. */
function sameSentence(tokens: readonly Token[], from: number, to: number): boolean {
  for (let j = from + 1; j <= to; j++) if (tokens[j]?.sentenceStart) return false;
  return true;
}

/** "the Kremlin", "the top Ukrainian official at the Florida talks", "Reuters": the words ending at `end`. */
function nounPhraseEndingAt(tokens: readonly Token[], end: number): Subject | null {
  let start = end;
  for (let k = end; k >= 0 && k > end - 12; k--) {
    tally();
    const token = tokens[k];
    if (!token?.isWord || token.paragraph !== tokens[end]?.paragraph) break;
    // "one employee", but "the two nations".
    const quantifier = QUANTIFIERS.has(token.key) && !['the', 'a', 'an'].includes(tokens[k - 1]?.key ?? '');
    const determiner = PHRASE_DETERMINERS.has(token.key) || quantifier;
    // "…, and Breitbart News responded": a conjunction or preposition is no part of the subject.
    if (!determiner && k < end && (!token.capitalised || token.sentenceStart) && CLAUSE_OPENERS.has(token.key)) break;
    start = k;
    if (determiner && ['of', 'for', 'at', 'in'].includes(tokens[k - 1]?.key ?? '')) continue;
    if (determiner || token.sentenceStart) break;
  }
  const first = tokens[start];
  const head = tokens[end];
  if (!first || !head || FUNCTION_WORDS.has(head.key)) return null;
  const determiner = PHRASE_DETERMINERS.has(first.key) || QUANTIFIERS.has(first.key);
  if (!determiner && !first.capitalised) return null;
  // "Obama's former campaign strategist": an owner opens the phrase as a determiner would.
  if (!determiner && start !== end && !first.possessive) {
    start = firstCapitalisedRun(tokens, start, end);
    // "Protesters marched downtown": without a determiner, a capitalised word heads the phrase.
    if (!tokens[start]?.capitalised) return null;
  }
  return { kind: 'phrase', start, end: end + 1, mention: null };
}

function firstCapitalisedRun(tokens: readonly Token[], start: number, end: number): number {
  let k = end;
  while (k > start && tokens[k - 1]?.capitalised) {
    tally();
    k--;
  }
  return k;
}

/**
 * A speech verb at token k, if its form fits the place: after a quote ("“…,” X said")
 * finite forms; before a quote also "saying" and "to say", but not verbs that only
 * follow a quote ("he continued") nor forms that are mostly nouns ("reports").
 */
function cueAt(tokens: readonly Token[], k: number, place: 'after' | 'before'): Cue | null {
  const token = tokens[k];
  if (!token?.isWord || (token.flags & WordFlag.speechVerb) === 0) return null;
  // "Clinton Says “We Will Win”": a headline capitalises its verbs.
  if (token.capitalised && (token.sentenceStart || !headlineParagraphs(tokens).has(token.paragraph))) return null;
  const next = tokens[k + 1];
  const phrasal = next?.isWord ? phrasalSpeechVerb(token.key, next.key) : null;
  const verb = phrasal ?? speechVerb(token.key);
  if (!verb) return null;
  if (
    verb.tense === 'base' &&
    !AUXILIARIES.has(tokens[auxiliaryAt(tokens, k)]?.key ?? '') &&
    !isPluralSubject(tokens[k - 1])
  )
    return null;
  // "the claim is disputed", "he was told": a passive, not a speaker's cue.
  if (verb.tense === 'past' && PASSIVE_AUXILIARIES.has(tokens[k - 1]?.key ?? '')) return null;
  if (place === 'before') {
    if (TRAILING_ONLY.has(verb.lemma)) return null;
    // "reports", "claims": mostly nouns, but a verb when a quote or a colon follows a subject ("The ad claims “…”").
    if (verb.tense === 'present' && isAmbiguousNounForm(token.key) && !introducesQuote(tokens, k)) return null;
  } else if (verb.tense === 'participle') return null;
  const end = phrasal && next ? next.end : token.end;
  const text = phrasal && next ? `${token.text} ${next.text}` : token.text;
  return { start: token.start, end, text, lemma: verb.lemma, tense: verb.tense };
}

/** "Sen.", "Gov.", "J.": a full stop that ends an abbreviation or an initial, not the sentence ("read one."). */
function isAbbreviationDot(tokens: readonly Token[], j: number): boolean {
  const word = tokens[j - 1];
  if (!word?.isWord || word.end !== tokens[j]?.start) return false;
  return (
    ABBREVIATIONS.has(word.key) ||
    (word.text.length === 1 && word.capitalised) ||
    (word.capitalised && word.text.length <= 3)
  );
}

/** A quote mark or a colon right after the word at `k`, whose word before is no determiner or possessive. */
function introducesQuote(tokens: readonly Token[], k: number): boolean {
  const next = tokens[k + 1]?.text ?? '';
  const before = tokens[k - 1];
  if (!(OPENING_MARKS.has(next) || next === ':') || !before?.isWord || before.possessive) return false;
  return !DETERMINERS.has(before.key);
}

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'these', 'those']);

/** Where the auxiliary of a base form would be: "could only quip", "did not say", "will also tell". */
function auxiliaryAt(tokens: readonly Token[], k: number): number {
  let j = k - 1;
  while (j > k - 3 && BETWEEN_AUXILIARY_AND_VERB.has(tokens[j]?.key ?? '')) j--;
  return j;
}

const BETWEEN_AUXILIARY_AND_VERB = new Set(['only', 'also', 'just', 'not', 'never', 'still', 'simply', 'then']);

const PASSIVE_AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "wasn't"]);

const headlines = new WeakMap<readonly Token[], Set<number>>();

/** Paragraphs in title case (short, nearly every word capitalised): headlines, whose verbs are capitalised too. */
function headlineParagraphs(tokens: readonly Token[]): Set<number> {
  let found = headlines.get(tokens);
  if (found) return found;
  found = new Set<number>();
  const counts = new Map<number, { words: number; capitals: number }>();
  for (const token of tokens) {
    tally();
    if (!token.isWord || /^\d/.test(token.text)) continue;
    const count = counts.get(token.paragraph) ?? { words: 0, capitals: 0 };
    count.words++;
    if (token.capitalised || SMALL_WORDS.has(token.key)) count.capitals++;
    counts.set(token.paragraph, count);
  }
  for (const [paragraph, { words, capitals }] of counts) {
    if (words >= 3 && words <= 25 && capitals >= words * 0.9) found.add(paragraph);
  }
  headlines.set(tokens, found);
  return found;
}

/** Words a title-case headline leaves in lower case. */
const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'by', 'with']);

/** "they conclude", "officials say": a plural subject right before a base form makes it a finite verb. */
function isPluralSubject(token: Token | undefined): boolean {
  if (!token?.isWord) return false;
  if (token.key === 'they' || token.key === 'we' || token.key === 'i' || token.key === 'you') return true;
  // "the two write", "both say".
  if (PLURAL_COUNTS.has(token.key)) return true;
  return token.key.length > 3 && token.key.endsWith('s') && !token.key.endsWith('ss') && !token.capitalised;
}

/** A copy that says another way it was found; spelled out, not spread, to keep one object shape. */
function withVia(a: Attribution, via: SpeakerVia, pattern = a.pattern): Attribution {
  return {
    start: a.start,
    end: a.end,
    text: a.text,
    cue: a.cue,
    pattern,
    bySurname: a.bySurname,
    mention: a.mention,
    entity: a.entity,
    via,
  };
}

class SpeakerResolver {
  constructor(
    private readonly context: SpeakerContext,
    private readonly events: Timeline,
  ) {}

  /** `previous`: the last earlier quote that has a speaker. */
  attribute(quote: QuoteSpan, previous: Quote | null): Attribution | null {
    const after = firstTokenAtOrAfter(this.context.tokens, quote.end);
    const before = lastTokenBefore(this.context.tokens, quote.start);
    // "X said: “….”" is that quote's attribution; a speech verb in the next sentence does not win over it
    // (one in the same sentence, "“…,” she wrote", does).
    const { tokens } = this.context;
    const closesSentence = /^[.!?]$/.test(tokens[lastTokenBefore(tokens, quote.innerEnd)]?.text ?? '');
    // "He added, “….” The government refused …": the next sentence's subject is not this quote's speaker.
    const introducing = tokens[before]?.text === ':' || tokens[before]?.text === ',';
    const introduced = introducing && closesSentence ? this.beforeQuote(quote, before) : null;
    return (
      introduced ??
      this.afterQuote(quote, after) ??
      this.beforeQuote(quote, before) ??
      this.laterInSentence(quote, after) ??
      this.continuation(quote, previous)
    );
  }

  /** “…,” X said / “…,” said X / “…,” he added / “…” — X */
  private afterQuote(quote: QuoteSpan, i: number): Attribution | null {
    const { tokens } = this.context;
    const first = tokens[i];
    if (!first || first.paragraph !== quote.endParagraph) return null;
    if (DASHES.has(first.text)) return this.dashAttribution(i + 1);
    let k = i;
    if (tokens[k]?.text === ',') k++;
    if (tokens[k]?.key === 'according' && tokens[k + 1]?.key === 'to')
      return this.subjectFrom(k + 2, null, 'according to X');
    const verbFirst = this.verbAt(k) ?? this.invertedTextCue(k);
    if (verbFirst) {
      const head = this.headBetween(k + 1, this.clauseEnd(k + 1));
      return head
        ? this.toAttribution(head, verbFirst, '“…,” said X')
        : this.subjectFrom(k + 1, verbFirst, '“…,” said X');
    }
    if (this.isInTheWordsOf(k)) return this.subjectFrom(k + 4, null, 'in the words of X');
    const cueIndex = this.cueWithin(k, 16) ?? this.cueAfterLongAside(k);
    const head = cueIndex === null ? null : this.headBetween(k, cueIndex);
    const found = cueIndex === null ? null : this.verbAt(cueIndex);
    if (head && found) return this.toAttribution(head, found, '“…,” X said');
    const subject = this.subjectAfter(k);
    if (!subject) return null;
    const verbAt = this.skipAdverbs(subject.end);
    const verb =
      this.verbAt(verbAt) ??
      this.textCueAt(verbAt) ??
      this.unknownCueAt(quote, verbAt, subject) ??
      this.cueAfterModifier(subject);
    if (!verb) return null;
    return this.toAttribution(subject, verb, '“…,” X said');
  }

  /** “…,” the email read. / “…,” it reads: a verb that attributes written words, after its subject. */
  private textCueAt(k: number): Cue | null {
    const token = this.context.tokens[k];
    if (!token?.isWord || token.capitalised || (token.key !== 'read' && token.key !== 'reads')) return null;
    return { start: token.start, end: token.end, text: token.text, lemma: 'read', tense: 'past' };
  }

  /** “…,” read one. / “…,” went the chant: verbs that attribute text, put before their subject. */
  private invertedTextCue(k: number): Cue | null {
    const token = this.context.tokens[k];
    const next = this.context.tokens[k + 1];
    if (!token?.isWord || token.capitalised || !INVERTED_TEXT_CUES.has(token.key) || !next?.isWord) return null;
    return { start: token.start, end: token.end, text: token.text, lemma: 'read', tense: 'past' };
  }

  /** Where the words after a verb-first cue end: the sentence's end or a new quote. */
  private clauseEnd(start: number): number {
    const { tokens } = this.context;
    let j = start;
    while (
      j < tokens.length &&
      j < start + 20 &&
      tokens[j]?.paragraph === tokens[start]?.paragraph &&
      !OPENING_MARKS.has(tokens[j]?.text ?? '') &&
      tokens[j]?.text !== ';'
    ) {
      tally();
      if (tokens[j]?.text === '.' && !isAbbreviationDot(tokens, j)) break;
      j++;
    }
    return j;
  }

  /**
   * “…,” Melanne Verveer, who served as Hillary Clinton’s chief of staff during the Clinton
   * administration, said: a name, then an aside between commas too long for the usual reach.
   */
  private cueAfterLongAside(k: number): number | null {
    const { tokens, mentionAt } = this.context;
    const mention = mentionAt.get(k);
    if (!mention || tokens[mention.tokenEnd]?.text !== ',') return null;
    const cue = this.cueWithin(mention.tokenEnd + 1, 32);
    return cue !== null && tokens[cue - 1]?.text === ',' ? cue : null;
  }

  /** The first speech verb from `start` within `limit` words, before the sentence or a new quote begins. */
  private cueWithin(start: number, limit: number): number | null {
    const { tokens } = this.context;
    const paragraph = tokens[start]?.paragraph;
    for (let j = start; j < start + limit && j < tokens.length; j++) {
      tally();
      const token = tokens[j];
      if (
        !token ||
        token.paragraph !== paragraph ||
        (token.sentenceStart && j > start) ||
        token.text === ';' ||
        OPENING_MARKS.has(token.text)
      )
        return null;
      if (token.text === '.' && !isAbbreviationDot(tokens, j)) return null;
      if (this.verbAt(j)) return j;
    }
    return null;
  }

  /**
   * The speaker in the words before a cue: "panel Chairman Rep. Jason Chaffetz (R-Utah)",
   * "Trump lawyer Marc Kasowitz", "Scott Pruitt, the Republican attorney general of
   * Oklahoma,", "Obama's former campaign strategist". The name nearest the cue before any
   * aside wins; without a name, the words themselves.
   */
  private headBetween(from: number, end: number): Subject | null {
    const { tokens, mentionAt } = this.context;
    let start = from;
    while (CLOSING_MARKS.has(tokens[start]?.text ?? '')) start++;
    const first = tokens[start];
    if (!first?.isWord || start >= end) return null;
    let limit = end;
    for (let j = start; j < end; j++) {
      tally();
      if (tokens[j]?.text === ',' || tokens[j]?.text === '(') {
        limit = j;
        break;
      }
    }
    while (limit > start && tokens[limit - 1]?.isWord && ADVERBS.has(tokens[limit - 1]?.key ?? '')) limit--;
    let head: Mention | null = null;
    for (let j = start; j < limit; j++) {
      tally();
      const mention = mentionAt.get(j);
      if (!mention || mention.tokenEnd > limit) continue;
      const owner = tokens[mention.tokenEnd - 1]?.possessive && mention.tokenEnd < limit;
      if (!owner) head = mention;
      j = mention.tokenEnd - 1;
    }
    if (head) return { kind: 'name', start: head.tokenStart, end: head.tokenEnd, mention: head };
    if (PRONOUNS.has(first.key) && limit - start === 1)
      return { kind: 'pronoun', start, end: start + 1, mention: null };
    if (limit - start > 8 || (FUNCTION_WORDS.has(first.key) && !['the', 'a', 'an'].includes(first.key))) return null;
    return { kind: 'phrase', start, end: limit, mention: null };
  }

  private isInTheWordsOf(k: number): boolean {
    const { tokens } = this.context;
    return (
      tokens[k]?.key === 'in' &&
      tokens[k + 1]?.key === 'the' &&
      tokens[k + 2]?.key === 'words' &&
      tokens[k + 3]?.key === 'of'
    );
  }

  /** “…,” Maj. Oleh Shyriaiev of the 225th regiment told ABC News: a cue after a short modifier of the name. */
  private cueAfterModifier(subject: Subject): Cue | null {
    if (subject.kind !== 'name') return null;
    const { tokens } = this.context;
    const first = tokens[subject.end];
    if (!first || !['of', 'from', 'at', 'with', 'in', ','].includes(first.key)) return null;
    for (let j = subject.end + 1; j < subject.end + 10 && j < tokens.length; j++) {
      tally();
      const token = tokens[j];
      if (
        !token ||
        token.paragraph !== first.paragraph ||
        token.text === '.' ||
        token.text === ';' ||
        OPENING_MARKS.has(token.text)
      )
        return null;
      const cue = this.verbAt(j);
      if (cue) return cue;
    }
    return null;
  }

  /** X said: “…” / X said that “…” / X told reporters “…” / X, the minister, said on Monday “…” */
  private beforeQuote(quote: QuoteSpan, i: number): Attribution | null {
    const { tokens } = this.context;
    const paragraph = tokens[i]?.paragraph;
    if (paragraph === undefined) return null;
    if (paragraph !== quote.paragraph) return tokens[i]?.text === ':' ? this.introducedByColon(quote) : null;
    let participle: { at: number; verb: Cue } | null = null;
    let k = i;
    for (; k >= 0 && k > i - 30; k--) {
      tally();
      const token = tokens[k];
      if (!token || token.paragraph !== paragraph || token.text === '.' || token.text === '!' || token.text === '?')
        break;
      if (token.key === 'according' && tokens[k + 1]?.key === 'to')
        return this.subjectFrom(k + 2, null, 'according to X, “…”');
      // "The Times quoted Hillary Clinton as saying that “…”": the one quoted is the speaker.
      if (token.key === 'quoted' && !token.capitalised) {
        const quoted = this.quotedAsSaying(k);
        if (quoted) return quoted;
      }
      const fronted = this.frontedSpeechVerb(k);
      if (fronted) return fronted;
      const verb = this.verbAt(k, 'before') ?? this.cueBeforeColon(k);
      // "…, saying, “…”": a participle after a comma has no subject of its own to its left.
      const trailingParticiple = verb?.tense === 'participle' && (tokens[k - 1]?.text === ',' || this.afterDocument(k));
      const subject = verb && !trailingParticiple ? subjectBefore(this.context, k) : null;
      if (verb && subject) return this.toAttribution(subject, verb, 'X said “…”');
      if (verb && !participle) participle = this.participleSubject(k, verb) ? { at: k, verb } : null;
      if (token.sentenceStart) break;
    }
    // "From Chairwoman X: “…”": a name right before the colon, when no verb in the sentence has a subject.
    const labelled = tokens[i]?.text === ':' ? this.context.mentionEndingAt.get(i) : undefined;
    if (labelled) {
      const subject: Subject = { kind: 'name', start: labelled.tokenStart, end: labelled.tokenEnd, mention: labelled };
      return this.toAttribution(subject, null, 'X: “…”');
    }
    // "Trump attacked Clinton, saying, “…”": no verb with a subject of its own, so the sentence's.
    if (participle) {
      const subject = this.participleSubject(participle.at, participle.verb);
      return subject ? this.toAttribution(subject, participle.verb, 'X …, saying “…”') : null;
    }
    // "Trump issued a statement, “…”": a document named right before the quote is its subject's.
    const documentNamed = tokens[i]?.text === ',' && DOCUMENT_NOUNS.has(tokens[i - 1]?.key ?? '');
    return tokens[i]?.text === ':' || documentNamed ? this.colonSubject(i) : null;
  }

  /**
   * "Said Dorothy Poynter, who grew up with Ali, “…”": a sentence that opens with its speech verb;
   * "As Vulture put it, “…”": the one whose words they are.
   */
  private frontedSpeechVerb(k: number): Attribution | null {
    const { tokens } = this.context;
    const token = tokens[k];
    if (!token?.isWord) return null;
    if (token.sentenceStart && token.capitalised && speechVerb(token.key)?.tense === 'past') {
      const cue: Cue = { start: token.start, end: token.end, text: token.text, lemma: token.key, tense: 'past' };
      return this.context.mentionAt.has(k + 1) ? this.subjectFrom(k + 1, cue, 'Said X, “…”') : null;
    }
    if ((token.key === 'put' || token.key === 'puts') && tokens[k + 1]?.key === 'it') {
      const subject = subjectBefore(this.context, k);
      if (subject && this.followsAs(subject.start)) {
        const cue: Cue = { start: token.start, end: token.end, text: token.text, lemma: 'put', tense: 'past' };
        return this.toAttribution(subject, cue, 'as X put it, “…”');
      }
    }
    return null;
  }

  /** "as [anti-terrorist prosecutor] X": "as" a few title or description words before the subject. */
  private followsAs(start: number): boolean {
    const { tokens } = this.context;
    for (let j = start - 1; j >= 0 && j >= start - 5; j--) {
      const token = tokens[j];
      if (!token?.isWord) return false;
      if (token.key === 'as') return true;
    }
    return false;
  }

  private quotedAsSaying(k: number): Attribution | null {
    const subject = this.subjectAfter(k + 1);
    const { tokens } = this.context;
    if (!subject || tokens[subject.end]?.key !== 'as') return null;
    const verb = this.verbAt(subject.end + 1, 'before');
    return verb ? this.toAttribution(subject, verb, 'quoted X as saying “…”') : null;
  }

  /** "Limbaugh continued: “…”", "She continued, “…”": a verb that otherwise only follows a quote may introduce one. */
  private cueBeforeColon(k: number): Cue | null {
    const { tokens } = this.context;
    const next = tokens[k + 1]?.text;
    if (next !== ':' && next !== ',') return null;
    const quoteFollows = OPENING_MARKS.has(tokens[k + 2]?.text ?? '');
    if (next !== ':' && !quoteFollows) return null;
    const token = tokens[k];
    // "The statement read: “…”": verbs that attribute text only when a quote follows.
    if (token?.isWord && !token.capitalised && COLON_CUES.has(token.key))
      return { start: token.start, end: token.end, text: token.text, lemma: 'read', tense: 'past' };
    return this.verbAt(k);
  }

  /** "Trump attacked Clinton, saying, “…”": the subject of a participle after a comma is the sentence's. */
  private participleSubject(k: number, verb: Cue): Subject | null {
    const before = this.context.tokens[k - 1];
    if (verb.tense !== 'participle') return null;
    // "his campaign sent out a text message to supporters saying: “…”": the sender's words.
    if (this.afterDocument(k)) return this.sentenceSubject(k) ?? this.openingNounPhrase(k);
    if (!(before?.text === ',' || PARTICIPLE_LINKS.has(before?.key ?? ''))) return null;
    return this.speakerEarlierInSentence(k) ?? this.sentenceSubject(k) ?? this.openingNounPhrase(k);
  }

  /** A message, email or statement a few words before the participle ("a text message to supporters saying"). */
  private afterDocument(k: number): boolean {
    const { tokens } = this.context;
    for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
      const token = tokens[j];
      if (!token?.isWord) return false;
      if (DOCUMENT_NOUNS.has(token.key)) return true;
    }
    return false;
  }

  /** "Ryan and Trump will meet next week, Spicer said, adding, “…”": who spoke earlier in the sentence. */
  private speakerEarlierInSentence(k: number): Subject | null {
    const { tokens } = this.context;
    const event = this.events.latestBefore(tokens[k]?.start ?? 0);
    const mention = event?.mention;
    if (!mention) return null;
    for (let j = mention.tokenEnd; j < k; j++) if (tokens[j]?.sentenceStart) return null;
    if (mention.tokenStart < k && sameSentence(tokens, mention.tokenStart, k))
      return { kind: 'name', start: mention.tokenStart, end: mention.tokenEnd, mention };
    return null;
  }

  /** "President Obama is rolling out a new message: “It's about me.”": the sentence's subject speaks. */
  private colonSubject(colon: number): Attribution | null {
    const subject = this.sentenceSubject(colon) ?? this.openingNounPhrase(colon);
    return subject ? this.toAttribution(subject, null, 'X …: “…”') : null;
  }

  /** "The Clinton campaign, in a Q&A, worded it carefully: “…”": a sentence that opens with "the"/"a" and a noun. */
  private openingNounPhrase(k: number): Subject | null {
    const { tokens } = this.context;
    let start = k;
    while (start > 0 && !tokens[start]?.sentenceStart && tokens[start - 1]?.paragraph === tokens[k]?.paragraph) start--;
    const first = tokens[start];
    if (!first?.isWord || !OPENING_DETERMINERS.has(first.key)) return null;
    // The determiner, any capitalised words, and one common noun: "The Clinton campaign", "His campaign".
    let end = start + 1;
    while (end < k && end < start + 6 && tokens[end]?.capitalised) end++;
    const noun = tokens[end];
    if (end < k && noun?.isWord && !noun.capitalised && !FUNCTION_WORDS.has(noun.key)) end++;
    if (end === start + 1) return null;
    return { kind: 'phrase', start, end, mention: null };
  }

  /**
   * The first name or pronoun of the sentence containing token `k`, after any opening phrase ("During
   * the speech, …").
   */
  private sentenceSubject(k: number): Subject | null {
    const { tokens, mentionAt } = this.context;
    let start = k;
    while (start > 0 && !tokens[start]?.sentenceStart && tokens[start - 1]?.paragraph === tokens[k]?.paragraph) {
      tally();
      start--;
    }
    // Skip opening phrases ("During the speech,", "On Thursday, after remaining neutral,") up to their commas.
    for (let phrases = 0; phrases < 3; phrases++) {
      if (mentionAt.has(start) || PRONOUNS.has(tokens[start]?.key ?? '') || this.isTitleWord(start)) break;
      let comma = start;
      while (comma < k && comma < start + 25 && tokens[comma]?.text !== ',') {
        tally();
        comma++;
      }
      if (tokens[comma]?.text !== ',' || comma >= k) break;
      start = comma + 1;
    }
    for (let j = start; j < k && j < start + 6; j++) {
      tally();
      if (tokens[j]?.text === '“' || ((tokens[j]?.text === '"' || tokens[j]?.text === "''") && j === start)) {
        // A sentence that opens with a quote: its subject comes after the quote.
        while (j < k && !CLOSING_MARKS.has(tokens[j + 1]?.text ?? '')) {
          tally();
          j++;
        }
        j++;
        start = j + 1;
        continue;
      }
      const mention = mentionAt.get(j);
      if (mention) return { kind: 'name', start: mention.tokenStart, end: mention.tokenEnd, mention };
      const token = tokens[j];
      if (token?.isWord && PRONOUNS.has(token.key)) return { kind: 'pronoun', start: j, end: j + 1, mention: null };
      if (!(token && (this.isTitleWord(j) || HONORIFICS.has(token.key) || token.text === '.'))) break;
    }
    return null;
  }

  /** A paragraph ending in a colon introduces the quote that opens the next one: "His statement ran:". */
  private introducedByColon(quote: QuoteSpan): Attribution | null {
    const colon = lastTokenBefore(this.context.tokens, quote.start);
    const verb = this.verbAt(colon - 1, 'before') ?? this.cueBeforeColon(colon - 1);
    const said = verb ? subjectBefore(this.context, colon - 1) : null;
    if (verb && said)
      return withVia(
        this.toAttribution(said, verb, 'X said: (paragraph break) “…”'),
        said.kind === 'pronoun' ? 'pronoun' : 'explicit',
      );
    const event = this.events.latestBefore(quote.start);
    const mention = event?.entity ? lastMentionBefore(event.entity.mentions, quote.start) : null;
    if (!event?.entity || !mention || this.paragraphAt(event.at) !== quote.paragraph - 1) return null;
    const attribution = this.toAttribution(
      { kind: 'name', start: mention.tokenStart, end: mention.tokenEnd, mention },
      event.cue ?? null,
      'paragraph ending in a colon, then a quote',
    );
    return withVia(attribution, 'continuation');
  }

  /** A quote inside reported speech attributed at the end: ‘… a “Declaration of Intent” …, Starmer said.’ */
  private laterInSentence(quote: QuoteSpan, i: number): Attribution | null {
    const { tokens } = this.context;
    for (let k = i; k < tokens.length && k < i + 40; k++) {
      tally();
      const token = tokens[k];
      if (!token || token.paragraph !== quote.endParagraph || (token.sentenceStart && k > i)) return null;
      if (token.key === 'in' && this.isInTheWordsOf(k)) return this.subjectFrom(k + 4, null, '“…”, in the words of X');
      if (token.text !== ',') continue;
      const subject = this.subjectAfter(k + 1);
      if (!subject) continue;
      const verbAt = this.skipAdverbs(subject.end);
      const verb = this.verbAt(verbAt);
      if (verb && this.sentenceEndsSoon(verbAt + 1)) return this.toAttribution(subject, verb, '…“…”…, X said');
    }
    return null;
  }

  /**
   * An unattributed quote continues the speaker of the previous quote in its paragraph,
   * or of the reported speech just before it ("…, Shyriaiev said. “When …”"), or, when it
   * opens a paragraph, of the previous paragraph's last quote.
   */
  private continuation(quote: QuoteSpan, lastAttributed: Quote | null): Attribution | null {
    const previous = lastAttributed && lastAttributed.endParagraph >= quote.paragraph - 1 ? lastAttributed : null;
    const reported = this.reportedSpeechBefore(quote);
    if (reported && (!previous || previous.end < (reported.mention?.start ?? 0))) {
      const mention = reported.mention;
      if (mention && reported.cue) {
        const attribution = this.toAttribution(
          { kind: 'name', start: mention.tokenStart, end: mention.tokenEnd, mention },
          reported.cue,
          'reported speech, then a quote',
        );
        return withVia(attribution, 'continuation');
      }
    }
    if (!previous?.speaker) return null;
    const sameParagraph = previous.endParagraph === quote.paragraph;
    const opensParagraph = this.opensParagraph(quote);
    if (!sameParagraph && !opensParagraph) return null;
    if (!sameParagraph && this.namesSomeoneBetween(previous.end, quote.start)) return null;
    return withVia(
      previous.speaker,
      'continuation',
      sameParagraph
        ? 'quote after an attributed quote in the paragraph'
        : 'paragraph opening with a quote after an attributed quote',
    );
  }

  /** A named subject of a speech verb in the sentence just before the quote, in its paragraph. */
  private reportedSpeechBefore(quote: QuoteSpan): SubjectEvent | null {
    const event = this.events.latestBefore(quote.start);
    if (!event?.mention || !event.entity) return null;
    const { tokens } = this.context;
    const quoteToken = firstTokenAtOrAfter(tokens, quote.start);
    if (tokens[quoteToken]?.paragraph !== tokens[event.mention.tokenStart]?.paragraph) return null;
    for (let k = quoteToken - 1; k > event.mention.tokenEnd; k--) {
      tally();
      if (tokens[k]?.sentenceStart) return null;
    }
    return event;
  }

  private opensParagraph(quote: QuoteSpan): boolean {
    const before = this.context.tokens[lastTokenBefore(this.context.tokens, quote.start)];
    return !before || before.paragraph !== quote.paragraph;
  }

  private namesSomeoneBetween(from: number, to: number): boolean {
    const { mentions } = this.context;
    const first = mentions[firstStartAtLeast(mentions, from)];
    return first !== undefined && first.end <= to;
  }

  private dashAttribution(i: number): Attribution | null {
    return this.subjectFrom(i, null, '“…” — X');
  }

  private subjectFrom(i: number, verb: Cue | null, pattern: string): Attribution | null {
    const subject = this.subjectAfter(i);
    return subject ? this.toAttribution(subject, verb, pattern) : null;
  }

  /** The speaker words starting at token `i`: titles, honorifics, then a name, pronoun or noun phrase. */
  private subjectAfter(from: number): Subject | null {
    const { tokens, mentionAt } = this.context;
    const i = CLOSING_MARKS.has(tokens[from]?.text ?? '') ? from + 1 : from;
    const described = this.describedName(i);
    if (described) return described;
    let k = i;
    const paragraph = tokens[i]?.paragraph;
    while (k < tokens.length && k < i + 12) {
      tally();
      const token = tokens[k];
      if (!token || token.paragraph !== paragraph) return null;
      const mention = mentionAt.get(k);
      if (mention) return { kind: 'name', start: mention.tokenStart, end: mention.tokenEnd, mention };
      if (k === i && token.isWord && PRONOUNS.has(token.key) && !token.capitalised === !token.sentenceStart)
        return { kind: 'pronoun', start: k, end: k + 1, mention: null };
      if (this.isTitleWord(k) || (token.isWord && HONORIFICS.has(token.key)) || token.text === '.') {
        k++;
        continue;
      }
      break;
    }
    const token = tokens[k];
    if (!token?.isWord) return null;
    if (k === i && PRONOUNS.has(token.key)) return { kind: 'pronoun', start: k, end: k + 1, mention: null };
    return this.nounPhraseFrom(i, k);
  }

  /** "an angry Hollande", "a defiant Trump": a determiner and a word or two of description before a name. */
  private describedName(i: number): Subject | null {
    const { tokens, mentionAt } = this.context;
    if (!['a', 'an', 'the'].includes(tokens[i]?.key ?? '')) return null;
    for (let k = i + 1; k <= i + 2; k++) {
      const mention = mentionAt.get(k);
      if (mention) return { kind: 'name', start: mention.tokenStart, end: mention.tokenEnd, mention };
      const word = tokens[k];
      if (!word?.isWord || word.capitalised || FUNCTION_WORDS.has(word.key)) return null;
    }
    return null;
  }

  private isTitleWord(k: number): boolean {
    const role = this.context.roles[k];
    return role === 'title' || role === 'country';
  }

  /** "the Kremlin", "the president", "a spokesman for the ministry", "Reuters". */
  private nounPhraseFrom(start: number, k: number): Subject | null {
    const { tokens } = this.context;
    const first = tokens[k];
    if (!first?.isWord) return null;
    const determiner = PHRASE_DETERMINERS.has(first.key) || QUANTIFIERS.has(first.key);
    if (!determiner && !first.capitalised && start === k) return null;
    let end = k + 1;
    while (
      end < tokens.length &&
      end < k + 8 &&
      tokens[end]?.isWord &&
      !this.verbAt(end) &&
      !this.textCueAt(end) &&
      tokens[end]?.paragraph === first.paragraph
    ) {
      tally();
      end++;
    }
    if (!determiner && start === k) {
      end = k + 1;
      while (tokens[end]?.capitalised && end < k + 4) {
        tally();
        end++;
      }
    }
    return { kind: 'phrase', start, end, mention: null };
  }

  private skipAdverbs(i: number): number {
    let k = i;
    while (
      k < i + 3 &&
      this.context.tokens[k]?.isWord &&
      ADVERBS.has(this.context.tokens[k]?.key ?? '') &&
      !this.verbAt(k)
    )
      k++;
    if (this.context.tokens[k]?.text === ',' && this.verbAt(k + 1)) k++;
    return k;
  }

  private verbAt(k: number, place: 'after' | 'before' = 'after'): Cue | null {
    return cueAt(this.context.tokens, k, place);
  }

  /** “…,” he sighed: right after a quote ending in a comma, any past-tense verb after the subject is the cue. */
  private unknownCueAt(quote: QuoteSpan, k: number, subject: Subject): Cue | null {
    const token = this.context.tokens[k];
    if (!token?.isWord || token.capitalised || !/ed$/.test(token.key) || subject.kind === 'phrase') return null;
    const lastInner = this.context.tokens[lastTokenBefore(this.context.tokens, quote.innerEnd)]?.text;
    if (lastInner !== ',' && lastInner !== '?' && lastInner !== '!') return null;
    return {
      start: token.start,
      end: token.end,
      text: token.text,
      lemma: token.key.replace(/e?d$/, ''),
      tense: 'past',
    };
  }

  private sentenceEndsSoon(k: number): boolean {
    const { tokens } = this.context;
    const paragraph = tokens[k - 1]?.paragraph;
    for (let j = k; j < k + TRAILING_TAIL_LIMIT; j++) {
      tally();
      const token = tokens[j];
      if (!token || token.paragraph !== paragraph || token.sentenceStart) return true;
      if (token.text === '.' || OPENING_MARKS.has(token.text)) return true;
    }
    return false;
  }

  private toAttribution(subject: Subject, cue: Cue | null, pattern: string): Attribution {
    const { tokens } = this.context;
    const start = tokens[subject.start]?.start ?? 0;
    const end = tokens[subject.end - 1]?.end ?? start;
    const text = spacedText(tokens, subject.start, subject.end);
    const { mention } = subject;
    const resolved = mention
      ? { entity: entityOf(this.context, mention), via: 'explicit' as const }
      : subject.kind === 'pronoun'
        ? this.resolvePronoun(subject)
        : this.resolvePhrase(subject);
    // Built in one step (no spreads): spreading here cost more than the rest of the attribution.
    return {
      start,
      end,
      text,
      cue,
      pattern,
      bySurname: mention?.form === 'surname',
      mention,
      entity: resolved.entity,
      via: resolved.via,
    };
  }

  /** He/she: the nearest earlier subject of speech, or person first named in a sentence, of a fitting gender. */
  private resolvePronoun(subject: Subject): { entity: Entity | null; via: SpeakerVia } {
    const token = this.context.tokens[subject.start];
    const want = PRONOUNS.get(token?.key ?? '');
    if (want !== 'male' && want !== 'female') return { entity: null, via: 'pronoun' };
    const at = token?.start ?? 0;
    const paragraph = token?.paragraph ?? 0;
    // A gender guessed from a first name only ranks people; the nearest one it excluded is the fallback.
    let fallback: Entity | null = null;
    for (const event of this.events.before(at, PRONOUN_REACH)) {
      const eventParagraph = this.paragraphAt(event.at);
      if (paragraph - eventParagraph > 3) break;
      if (!event.entity) {
        if (event.strong) return { entity: fallback, via: 'pronoun' };
        continue;
      }
      if (event.entity.gender && event.entity.gender !== want) {
        if (event.entity.genderFromName) fallback ??= event.entity;
        continue;
      }
      return { entity: event.entity, via: 'pronoun' };
    }
    return fallback ? { entity: fallback, via: 'pronoun' } : { entity: null, via: 'unresolved' };
  }

  private paragraphAt(offset: number): number {
    return this.context.tokens[firstTokenAtOrAfter(this.context.tokens, offset)]?.paragraph ?? 0;
  }

  /** "the British leader" → the person the article gave that title; "the Kremlin" → an organisation. */
  private resolvePhrase(subject: Subject): { entity: Entity | null; via: SpeakerVia } {
    tally(subject.end - subject.start);
    const words = this.context.tokens.slice(subject.start, subject.end).filter((t) => t.isWord);
    const keys = new Set(words.map((t) => t.key));
    const role = words.some((t) => ROLE_NOUNS.has(t.key));
    if (role) {
      const entity = keys.has('the')
        ? this.entityWithTitle(keys, this.context.tokens[subject.start]?.start ?? 0)
        : null;
      return entity ? { entity, via: 'title' } : { entity: null, via: 'unresolved' };
    }
    if (words.some((t) => GROUP_NOUNS.has(t.key) || NOT_PERSON_WORDS.has(t.key)) || keys.has('the'))
      return { entity: null, via: 'organisation' };
    return { entity: null, via: 'unresolved' };
  }

  /** Of the people the article gave a fitting title, the one mentioned last before `before`. */
  private entityWithTitle(keys: ReadonlySet<string>, before: number): Entity | null {
    let best: { entity: Entity; at: number } | null = null;
    const { claims } = this.context;
    // Claims are in text order; only the latest few hundred before the phrase are weighed, so a
    // pathological article stays linear (a real one has far fewer).
    const end = firstStartAtLeast(claims, before);
    for (let c = end - 1; c >= 0 && c >= end - MAX_TITLE_CLAIMS; c--) {
      const claim = claims[c] as TitleClaim;
      tally(1 + claim.claimEnd - claim.claimStart);
      const titleKeys = this.context.tokens.slice(claim.claimStart, claim.claimEnd).map((t) => t.key);
      if (!titleKeys.some((k) => keys.has(k) && ROLE_NOUNS.has(k)) && !this.sharesCountry(claim, keys)) continue;
      const entity = entityOf(this.context, claim.mention);
      const lastMention = entity ? lastMentionBefore(entity.mentions, before) : null;
      if (entity && lastMention && (!best || lastMention.start > best.at)) best = { entity, at: lastMention.start };
    }
    return best?.entity ?? null;
  }

  private sharesCountry(claim: TitleClaim, keys: ReadonlySet<string>): boolean {
    if (!claim.country) return false;
    const countryWords = this.context.tokens.slice(claim.claimStart, claim.tokenStart).map((t) => t.key);
    return countryWords.some((k) => keys.has(k)) && [...keys].some((k) => ROLE_NOUNS.has(k));
  }
}

const MAX_TITLE_CLAIMS = 200;

/** Of mentions in text order, the last starting before `offset`. */
function lastMentionBefore(mentions: readonly Mention[], offset: number): Mention | null {
  return mentions[firstStartAtLeast(mentions, offset) - 1] ?? null;
}

export function firstTokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  return firstStartAtLeast(tokens, offset);
}

export function lastTokenBefore(tokens: readonly Token[], offset: number): number {
  return firstTokenAtOrAfter(tokens, offset) - 1;
}
