import type { Table, Term } from '../reference/table.js';
import type { ResolvedArticle } from '../resolve/article.js';
import type { DayRange } from '../util/dates.js';

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

/** The JSON Schema of one option, with its default. */
export interface OptionSchema {
  default: unknown;
  description: string;
  [keyword: string]: unknown;
}

/**
 * One kind of check: its contract (options, message placeholders) and what it does.
 * Adding a check is one file like this plus one line in registry.ts.
 */
export interface Check {
  kind: string;
  /** Needs the article's date: skipped (with one info finding) when there is none. */
  needsDate: boolean;
  /** The options a rule of this kind may set; a rule file with another key or a bad value is refused. */
  options: Readonly<Record<string, OptionSchema>>;
  /** The `{placeholders}` the check fills; a rule message naming another one is refused. */
  messageParams: readonly string[];
  run(article: ResolvedArticle, context: CheckContext): DraftFinding[];
}
