/** Public types: the report (the JSON output format) and the options of `check`. */

export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info';
export type RuleSetting = Severity | 'off';
/** Where the article's date came from; `request` is the HTTP API's `date` field (`cli`: `--date`). */
export type DateSource = 'cli' | 'request' | 'front-matter' | 'filename' | 'inferred' | 'none';

export interface ReportDate {
  start: string | null;
  end: string | null;
  source: DateSource;
}

export interface Suggestion {
  text: string;
  offset: number;
  length: number;
  /** Safe to apply without a human looking (house-style spelling). */
  safe?: boolean;
  /** What applying it means, for editors. */
  description?: string;
}

/** A row of the reference table a finding relied on. */
export interface Evidence {
  office: string;
  officeName: string;
  person: string;
  start: string;
  end: string | null;
  acting?: boolean;
  died?: string;
  source?: string | null;
  file?: string;
  line?: number;
}

export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  length: number;
  text: string;
}

export interface Finding extends Position {
  ruleId: string;
  severity: Severity;
  message: string;
  person?: { name: string };
  office?: { id: string; name: string };
  suggestions?: Suggestion[];
  evidence: Evidence[];
}

/**
 * What became of a title claim: `ok` (true on the article's date), `error` / `warning` (a
 * finding), `past` (set in the past and true then), `unknown-office` (no office in the table
 * has that title there), `unknown-person` (the table cannot tell: an unknown name, an
 * incomplete list of holders, no article date).
 */
export type ClaimVerdict = 'ok' | 'error' | 'warning' | 'past' | 'unknown-office' | 'unknown-person';

export type SpeakerVia = 'explicit' | 'pronoun' | 'continuation' | 'title' | 'organisation' | 'unresolved';

export interface QuoteReport extends Position {
  closed: boolean;
  speaker: null | {
    text: string;
    offset: number;
    length: number;
    name: string | null;
    via: SpeakerVia;
    cue: string | null;
    pattern: string;
  };
}

/** A title claim and what became of it. */
export interface ClaimReport extends Position {
  /** The title as written ("German Chancellor", "the home secretary"). */
  title: string;
  /** The office it was judged against; null when no office in the table has that title there. */
  office: { id: string; name: string } | null;
  person: { name: string } | null;
  verdict: ClaimVerdict;
  /** Why: what was missing for an unchecked claim, the time for a past one, the explanation of a finding. */
  reason: string;
  /** When the article is dated after it: the last day the table's facts about this office were checked. */
  verifiedThrough?: string;
}

export interface FileReport {
  path: string;
  date: ReportDate;
  findings: Finding[];
  quotes: QuoteReport[];
  /** Every title claim, checked or not: an editor sees what the table does not cover. */
  claims: ClaimReport[];
  /**
   * Server answers only: the findings, quotes or claims were cut to the first 1,000 each (the
   * summary still counts them all). Never set by the command line or the library.
   */
  truncated?: true;
}

export type ClaimCounts = Record<ClaimVerdict, number>;

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** The files' title claims, by verdict. */
  claims: ClaimCounts;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'factlint'; version: string };
  files: FileReport[];
  summary: Summary;
  /** Files that could not be checked (unreadable, binary, too large, malformed front matter). */
  errors?: FileError[];
}

/** A file that could not be checked, and the one line that says why. */
export interface FileError {
  path: string;
  message: string;
}
