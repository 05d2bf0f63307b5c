import type { Prose } from '../article/markdown.js';
import { paragraphsOf } from '../article/paragraphs.js';
import type { Table } from '../reference/table.js';
import { findOtherNames, findTableNames, type Mention, type TokenRole } from '../scan/names.js';
import { scanQuotes } from '../scan/quotes.js';
import { attachTitles, findTitles, type TitleClaim } from '../scan/titles.js';
import { tokenizeArticle, type Token } from '../scan/tokens.js';
import { wordFlagsOf } from '../scan/word-flags.js';
import type { Span } from '../types.js';
import { mergeByStart } from '../util/search.js';
import { TokenMap } from '../util/token-map.js';
import { resolveEntities, type Entity } from './entities.js';
import { resolveSpeakers, type Quote, type SpeechAct } from './speakers.js';

/** Everything the scanners and the resolver learned about one article. */
export interface ResolvedArticle {
  /** The original text; every offset points into it. */
  text: string;
  paragraphs: readonly Span[];
  tokens: readonly Token[];
  quotes: readonly Quote[];
  mentions: readonly Mention[];
  entities: readonly Entity[];
  claims: readonly TitleClaim[];
  /** Speech verbs with a named subject outside quotes ("Navalny says …"). */
  speech: readonly SpeechAct[];
}

/** Scan and resolve: quotes, names, titles, people, speakers. */
export function resolveArticle(text: string, prose: Prose, table: Table): ResolvedArticle {
  const paragraphs = paragraphsOf(prose.text, prose.blockStarts);
  const { tokens, nameStarts, titleStarts, sentenceStarts, speechVerbs } = tokenizeArticle(
    prose.text,
    paragraphs,
    wordFlagsOf(table),
  );
  const roles: TokenRole[] = new Array<TokenRole>(tokens.length).fill(null);
  const tableNames = findTableNames(tokens, table, roles, nameStarts);
  const phrases = findTitles(tokens, table, roles, nameStarts, titleStarts);
  const otherNames = findOtherNames(tokens, table, roles, tableNames, nameStarts);
  const mentions = mergeByStart(tableNames, otherNames);
  const mentionAt = new TokenMap(tokens.length, mentions, (m) => m.tokenStart);
  const mentionEndingAt = new TokenMap(tokens.length, mentions, (m) => m.tokenEnd);
  const claims = attachTitles(tokens, phrases, mentions, mentionAt, mentionEndingAt, prose.text, table);
  const entities = resolveEntities(mentions, claims, table);
  const quoteSpans = scanQuotes(prose.text, paragraphs);
  const speakers = resolveSpeakers(quoteSpans, {
    tokens,
    mentions,
    mentionAt,
    mentionEndingAt,
    entities,
    claims,
    roles,
    sentenceStarts,
    speechVerbs,
  });
  return { text, paragraphs, tokens, quotes: speakers.quotes, mentions, entities, claims, speech: speakers.speech };
}
