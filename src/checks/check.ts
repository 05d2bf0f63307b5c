import type { Entity } from '../resolve/entities.js';
import type { Quote } from '../resolve/speakers.js';
import type { Table, Term } from '../reference/table.js';
import type { Mention } from '../scan/names.js';
import type { TitleClaim } from '../scan/titles.js';
import type { Token } from '../scan/tokens.js';
import type { DayRange } from '../util/dates.js';
import type { Span } from '../types.js';
import type { SpeechAct } from '../resolve/speakers.js';

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

export interface DraftSuggestion {
  start: number;
  end: number;
  text: string;
  safe: boolean;
  description: string;
}

/** What a check reports; the engine adds the rule id, severity, message and positions. */
export interface DraftFinding {
  start: number;
  end: number;
  params: Record<string, string>;
  personId?: string;
  officeId?: string;
  suggestions?: DraftSuggestion[];
  evidence: readonly Term[];
  /** Extra evidence that is not a term: a death date. */
  diedPersonId?: string;
}

export interface CheckContext {
  table: Table;
  /** The article's date; null when unknown (time-dependent checks do not run then). */
  date: DayRange | null;
  dateText: string;
  options: Readonly<Record<string, unknown>>;
}

/** One kind of check. Adding a check is one file like this plus one line in registry.ts. */
export interface Check {
  kind: string;
  /** Needs the article's date: skipped (with one info finding) when there is none. */
  needsDate: boolean;
  defaultOptions: Readonly<Record<string, unknown>>;
  run(article: ResolvedArticle, context: CheckContext): DraftFinding[];
}
