import { articleDate, articleSettings } from './article/settings.js';
import type { ArticleDate } from './article/date.js';
import { readFrontMatter } from './article/frontmatter.js';
import { readDirectives, Silencer, type Directive } from './article/directives.js';
import { DEFAULT_DATE_SOURCES, type DateSourceName } from './config/config.js';
import { proseOfMarkdown, proseOfText, type Prose } from './article/markdown.js';
import { type OffsetMap, proseOfHtml } from './article/html.js';
import type { CheckContext } from './checks/check.js';
import { CHECKS } from './checks/registry.js';
import type { Table } from './reference/table.js';
import { resolveArticle, type ResolvedArticle } from './resolve/article.js';
import type { Rule, RuleOverrides } from './rules/rule.js';
import { claimReport, position, quoteReport, reportOf, toFinding } from './report/build.js';
import { judgeClaims } from './checks/claims.js';
import type { FileReport, Finding, Report } from './types.js';
import { describeRange } from './reference/query.js';
import { formatDay, type DayRange } from './util/dates.js';
import { compareText, lineStarts } from './util/text.js';

export { reportOf };

/** A compiled reference table and the rules to check with: load once, check many. */
export interface Reference {
  table: Table;
  rules: readonly Rule[];
}

export interface CheckOptions {
  reference: Reference;
  /** The article's date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `A/B`); beats front matter. */
  date?: string;
  /** How to read the text; by default from the file name's extension (.txt, .html, .htm), else Markdown. */
  format?: ArticleFormat;
  /** Shown as the path in the report. */
  filename?: string;
  /** Severity per rule id, or 'off'. */
  rules?: RuleOverrides;
  /** Per rule, names (or flagged texts) never to report. */
  allow?: Readonly<Record<string, readonly string[]>>;
  /** Where the date comes from when `date` is not given, strongest first (default: front matter, then the text). */
  dateSources?: readonly DateSourceName[];
  /** Report `factlint-disable` comments that silenced nothing. */
  reportUnusedDirectives?: boolean;
}

export type ArticleFormat = 'markdown' | 'text' | 'html';

/** Everything known about one checked article: the report and what it was built from. */
export interface Analysis {
  report: FileReport;
  /** For HTML, `article.text` is the visible text and `offsets` maps its offsets to the file's; else null. */
  article: ResolvedArticle;
  offsets: OffsetMap | null;
  /** Where the file's lines start. */
  lineStarts: readonly number[];
  date: ArticleDate;
  frontMatter: Record<string, unknown> | null;
}

export const DATE_RULE_ID = 'article-date';
export const UNUSED_DIRECTIVE_ID = 'unused-directive';
const UNUSED = 'nothing here was reported';

/** Check one article. Pure: no file system, no clock; the same input gives the same report. */
export function check(text: string, options: CheckOptions): Report {
  return reportOf([analyze(text, options).report]);
}

export function analyze(text: string, options: CheckOptions): Analysis {
  return analyzeFile(text, options, options.filename ?? '<text>');
}

/** `analyze` with the file name apart, so a run over many files need not copy its options for each. */
export function analyzeFile(text: string, options: Omit<CheckOptions, 'filename'>, filename: string): Analysis {
  const format = options.format ?? formatOf(filename);
  const frontMatter = format === 'markdown' ? readFrontMatter(text, filename) : null;
  const { prose, offsets, metadataDate } = proseOf(text, format, frontMatter?.end ?? 0);
  const settings = articleSettings(frontMatter?.data, filename);
  const date = articleDate(
    options.date,
    settings.date ?? frontMatter?.data?.date ?? metadataDate,
    prose,
    filename,
    options.dateSources ?? DEFAULT_DATE_SOURCES,
  );
  const article = resolveArticle(offsets ? prose.text : text, prose, options.reference.table);
  const starts = lineStarts(text);
  const rules =
    Object.keys(settings.rules).length > 0 ? { ...(options.rules ?? {}), ...settings.rules } : options.rules;
  const directives = readDirectives(prose.comments, starts);
  const findings = applyControls(
    runChecks(article, date, options.reference, rules, starts, offsets),
    directives,
    options,
    starts,
    text,
  );
  const report: FileReport = {
    path: filename,
    date: {
      start: date.range ? formatDay(date.range.start) : null,
      end: date.range ? formatDay(date.range.end) : null,
      source: date.source,
    },
    findings,
    quotes: article.quotes.map((q) => quoteReport(q, article, options.reference.table, starts, offsets)),
    claims: judgeClaims(article, { table: options.reference.table, date: date.range, dateText: dateTextOf(date) }).map(
      (judgement) => claimReport(judgement, article.text, article.tokens, options.reference.table, starts, offsets),
    ),
  };
  return { report, article, offsets, lineStarts: starts, date, frontMatter: frontMatter?.data ?? null };
}

function formatOf(filename: string): ArticleFormat {
  return /\.(txt|text)$/i.test(filename) ? 'text' : /\.html?$/i.test(filename) ? 'html' : 'markdown';
}

/** The prose to scan; for HTML also the map from its offsets to the file's and the date in its metadata. */
function proseOf(
  text: string,
  format: ArticleFormat,
  bodyStart: number,
): { prose: Prose; offsets: OffsetMap | null; metadataDate: string | null } {
  if (format === 'html') {
    const html = proseOfHtml(text);
    return { prose: html.prose, offsets: html.map, metadataDate: html.date };
  }
  const prose = format === 'markdown' ? proseOfMarkdown(text, bodyStart) : proseOfText(text, bodyStart);
  return { prose, offsets: null, metadataDate: null };
}

/** In-text directives and allowlists: drop what they silence; report unused directives if asked. */
function applyControls(
  findings: Finding[],
  directives: Directive[],
  options: CheckOptions,
  starts: readonly number[],
  text: string,
): Finding[] {
  if (directives.length === 0 && (findings.length === 0 || !options.allow)) return findings;
  const allowed = (f: Finding) => {
    const names = options.allow?.[f.ruleId];
    if (!names?.length) return false;
    const said = [f.text, f.person?.name ?? ''].map((n) => n.toLowerCase());
    return names.some((n) => said.includes(n.toLowerCase()));
  };
  const silencer = new Silencer(directives);
  const kept = findings.filter(
    (f) => f.ruleId === DATE_RULE_ID || (!silencer.isSilenced(f.ruleId, f.offset, f.line) && !allowed(f)),
  );
  if (!options.reportUnusedDirectives) return kept;
  const unused = directives.filter((d) => !d.used && d.kind !== 'enable');
  return [
    ...kept,
    ...unused.map((d) => ({
      ruleId: UNUSED_DIRECTIVE_ID,
      severity: 'warning' as const,
      message: `Unused factlint-${d.kind} directive${d.rules.length ? ` (${d.rules.join(', ')})` : ''}: ${UNUSED}`,
      ...position(text, d.start, d.end, starts),
      evidence: [],
    })),
  ].sort((a, b) => a.offset - b.offset || compareText(a.ruleId, b.ruleId));
}

function runChecks(
  article: ResolvedArticle,
  date: ArticleDate,
  reference: Reference,
  overrides: RuleOverrides | undefined,
  starts: readonly number[],
  offsets: OffsetMap | null,
): Finding[] {
  const { table, rules } = reference;
  const findings: Finding[] = [];
  const skipped: string[] = [];
  const dateText = dateTextOf(date);
  for (const rule of rules) {
    const severity = overrides?.[rule.id] ?? rule.severity;
    const check = CHECKS.get(rule.kind);
    if (severity === 'off' || !check) continue;
    if (check.needsDate && !date.range) {
      skipped.push(rule.id);
      continue;
    }
    const context: CheckContext = { table, date: date.range, dateText, options: rule.options };
    for (const draft of check.run(article, context))
      findings.push(toFinding(draft, rule, severity, article, table, starts, offsets));
  }
  if (skipped.length > 0) {
    findings.push({
      ruleId: DATE_RULE_ID,
      severity: 'info',
      message: `No article date (give --date, or date: in front matter): skipped ${skipped.join(', ')}`,
      ...position(article.text, 0, 0, starts),
      evidence: [],
    });
  }
  if (findings.length === 0) return findings;
  return dropSuperseded(findings, rules).sort((a, b) => a.offset - b.offset || compareText(a.ruleId, b.ruleId));
}

function dateTextOf(date: ArticleDate): string {
  return date.range ? describeArticleRange(date.range) : 'unknown';
}

/** `describeRange` of the article's date: a run gives most articles the same one, so the last is kept. */
function describeArticleRange(range: DayRange): string {
  if (range.start !== lastDescribed.start || range.end !== lastDescribed.end)
    lastDescribed = { start: range.start, end: range.end, text: describeRange(range) };
  return lastDescribed.text;
}

let lastDescribed = { start: NaN, end: NaN, text: '' };

/** A rule's finding replaces the findings of the rules it supersedes at the same place. */
function dropSuperseded(findings: Finding[], rules: readonly Rule[]): Finding[] {
  const superseded = new Set<string>();
  for (const rule of rules) {
    if (rule.supersedes.length === 0) continue;
    for (const finding of findings) {
      if (finding.ruleId === rule.id) for (const id of rule.supersedes) superseded.add(`${id}@${finding.offset}`);
    }
  }
  return superseded.size === 0 ? findings : findings.filter((f) => !superseded.has(`${f.ruleId}@${f.offset}`));
}
