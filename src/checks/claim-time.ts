import type { Mention } from '../scan/names.js';
import type { TitleClaim } from '../scan/titles.js';
import type { Token } from '../scan/tokens.js';
import { speechVerb } from '../scan/verbs.js';
import { firstTokenAtOrAfter } from '../resolve/speakers.js';
import { yearOf, type DayRange } from '../util/dates.js';
import type { ResolvedArticle } from './check.js';

/**
 * When a title claim speaks of: the article's present ("Secretary of State Antony
 * Blinken said on Tuesday"), the past ("appointed by President Bill Clinton in 1993",
 * "an aide to President George W. Bush"), or it cannot be told.
 */
export type ClaimTime = 'present' | 'past' | 'unclear';

/** Words before a title that make the officeholder an object of past events. */
const PAST_PREPOSITIONS = new Set(['to', 'by', 'of', 'for', 'than', 'against', 'under', 'during', 'since', 'like']);
/** Words in the sentence that set it in the past. */
const PAST_WORDS = new Set(['when', 'then', 'era', 'administration', 'administrations', 'presidency', 'tenure', 'term', 'terms', 'legacy', 'ago', 'years', 'decades', 'once', 'history', 'historic', 'historically', 'previously', 'predecessor', 'predecessors']);
const PRESENT_VERBS = new Set(['is', 'are', 'has', 'have', 'will', 'wants', 'plans', 'remains', 'continues', 'believes', 'thinks', 'hopes', 'faces', 'leads', 'holds', 'can', 'must', 'should', 'does', "isn't", "hasn't", "won't", "doesn't", 'needs', 'intends', 'expects']);
const SKIPPABLE = new Set(['also', 'now', 'still', 'again', 'already', 'reportedly', 'himself', 'herself', 'too']);

export function claimTime(article: ResolvedArticle, claim: TitleClaim, date: DayRange): ClaimTime {
  const { tokens } = article;
  const mention = claim.mention;
  const sentence = sentenceOf(tokens, claim.claimStart);
  if (tokens[mention.tokenEnd - 1]?.possessive || PAST_PREPOSITIONS.has(tokens[claim.claimStart - 1]?.key ?? '')) return 'past';
  const speech = speechCue(article, mention);
  const pastSentence = hasPastMarker(tokens, sentence, yearOf(date.start));
  if (speech && !pastSentence && speech.key !== 'had') return 'present';
  if (pastSentence) return 'past';
  if (presentVerbAfter(tokens, mention)) return 'present';
  return 'unclear';
}

interface Range {
  start: number;
  end: number;
}

function sentenceOf(tokens: readonly Token[], index: number): Range {
  let start = index;
  while (start > 0 && !tokens[start]?.sentenceStart && tokens[start - 1]?.paragraph === tokens[index]?.paragraph) start--;
  let end = index + 1;
  while (end < tokens.length && !tokens[end]?.sentenceStart && tokens[end]?.paragraph === tokens[index]?.paragraph) end++;
  return { start, end };
}

function hasPastMarker(tokens: readonly Token[], sentence: Range, articleYear: number): boolean {
  for (let k = sentence.start; k < sentence.end; k++) {
    const token = tokens[k];
    if (!token?.isWord) continue;
    if (PAST_WORDS.has(token.key) && !tokens[k + 1]?.hyphenBefore) return true;
    if (/^(1[89]|20)\d\d$/.test(token.text) && Number(token.text) < articleYear) return true;
    if (/^(1[89]|20)\d0s$/.test(token.text)) return true;
  }
  return false;
}

/** The mention names the speaker of a quote or the subject of a speech verb: news, so the present. */
function speechCue(article: ResolvedArticle, mention: Mention): { key: string } | null {
  for (const quote of article.quotes) {
    if (quote.speaker?.mention === mention && quote.speaker.via === 'explicit') return { key: auxiliaryBefore(article, quote.speaker.cue?.start) };
  }
  const act = article.speech.find((s) => s.mention === mention);
  return act ? { key: auxiliaryBefore(article, act.cue.start) } : null;
}

function auxiliaryBefore(article: ResolvedArticle, offset: number | undefined): string {
  if (offset === undefined) return '';
  return article.tokens[firstTokenAtOrAfter(article.tokens, offset) - 1]?.key ?? '';
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
  const token = tokens[k];
  if (!token?.isWord || token.capitalised) return false;
  return PRESENT_VERBS.has(token.key) || speechVerb(token.key)?.tense === 'present';
}
