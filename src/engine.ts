import { dateFromSpec, inferDate, noDate, type ArticleDate } from './article/date.js';
import { readFrontMatter } from './article/frontmatter.js';
import { proseOfMarkdown, proseOfText, type Prose } from './article/markdown.js';
import { paragraphsOf } from './article/paragraphs.js';
import type { CheckContext, DraftFinding, ResolvedArticle } from './checks/check.js';
import { CHECKS } from './checks/registry.js';
import type { Table, Term } from './reference/table.js';
import { resolveEntities } from './resolve/entities.js';
import { resolveSpeakers } from './resolve/speakers.js';
import type { Rule, RuleOverrides } from './rules/rule.js';
import { renderMessage } from './rules/rule.js';
import { findOtherNames, findTableNames, type Mention, type TokenRole } from './scan/names.js';
import { scanQuotes } from './scan/quotes.js';
import { attachTitles, findTitles } from './scan/titles.js';
import { tokenize } from './scan/tokens.js';
import type { Evidence, FileReport, Finding, Position, QuoteReport, Report, Severity } from './types.js';
import { describeRange } from './reference/query.js';
import { formatDay } from './util/dates.js';
import { lineStarts, positionAt } from './util/text.js';
import { InputError } from './util/yaml.js';
import { VERSION } from './version.js';

/** A compiled reference table and the rules to check with: load once, check many. */
export interface Reference {
  table: Table;
  rules: readonly Rule[];
}

export interface CheckOptions {
  reference: Reference;
  /** The article's date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `A/B`); beats front matter. */
  date?: string;
  /** How to read the text; by default from the file name's extension, else Markdown. */
  format?: 'markdown' | 'text';
  /** Shown as the path in the report. */
  filename?: string;
  /** Severity per rule id, or 'off'. */
  rules?: RuleOverrides;
}

/** Everything known about one checked article: the report and what it was built from. */
export interface Analysis {
  report: FileReport;
  article: ResolvedArticle;
  date: ArticleDate;
  frontMatter: Record<string, unknown> | null;
}

export const DATE_RULE_ID = 'article-date';

/** Check one article. Pure: no file system, no clock; the same input gives the same report. */
export function check(text: string, options: CheckOptions): Report {
  return reportOf([analyze(text, options).report]);
}

export function reportOf(files: FileReport[]): Report {
  const summary = { files: files.length, errors: 0, warnings: 0, infos: 0 };
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.severity === 'error') summary.errors++;
      else if (finding.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return { schemaVersion: 1, tool: { name: 'factlint', version: VERSION }, files, summary };
}

export function analyze(text: string, options: CheckOptions): Analysis {
  const filename = options.filename ?? '<text>';
  const format = options.format ?? (/\.(txt|text)$/i.test(filename) ? 'text' : 'markdown');
  const frontMatter = format === 'markdown' ? readFrontMatter(text, filename) : null;
  const bodyStart = frontMatter?.end ?? 0;
  const prose = format === 'markdown' ? proseOfMarkdown(text, bodyStart) : proseOfText(text, bodyStart);
  const date = articleDate(options.date, frontMatter?.data, prose, filename);
  const article = resolveArticle(text, prose, options.reference.table);
  const starts = lineStarts(text);
  const findings = runChecks(article, date, options, starts);
  const report: FileReport = {
    path: filename,
    date: { start: date.range ? formatDay(date.range.start) : null, end: date.range ? formatDay(date.range.end) : null, source: date.source },
    findings,
    quotes: article.quotes.map((q) => quoteReport(q, article, options.reference.table, starts)),
  };
  return { report, article, date, frontMatter: frontMatter?.data ?? null };
}

function articleDate(cli: string | undefined, data: Record<string, unknown> | undefined, prose: Prose, filename: string): ArticleDate {
  if (cli !== undefined) {
    const date = dateFromSpec(cli, 'cli');
    if (!date) throw new InputError(`--date "${cli}" is not a date: use YYYY-MM-DD, YYYY-MM, YYYY or an interval A/B`);
    return date;
  }
  const value = data?.date;
  if (value !== undefined && value !== null && value !== '') {
    const spec = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    const date = dateFromSpec(spec, 'front-matter');
    if (!date) throw new InputError(`front matter date "${spec}" is not a date: use YYYY-MM-DD, YYYY-MM, YYYY or an interval A/B`, filename, 2, 1);
    return date;
  }
  return inferDate(prose.text) ?? noDate();
}

/** Scan and resolve: quotes, names, titles, people, speakers. */
export function resolveArticle(text: string, prose: Prose, table: Table): ResolvedArticle {
  const paragraphs = paragraphsOf(prose.text, prose.blockStarts);
  const tokens = tokenize(prose.text, paragraphs);
  const roles: TokenRole[] = new Array<TokenRole>(tokens.length).fill(null);
  const tableNames = findTableNames(tokens, table, roles);
  const phrases = findTitles(tokens, table, roles);
  const otherNames = findOtherNames(tokens, table, roles, tableNames);
  const mentions = [...tableNames, ...otherNames].sort((a, b) => a.start - b.start);
  const mentionAt = new Map<number, Mention>(mentions.map((m) => [m.tokenStart, m]));
  const mentionEndingAt = new Map<number, Mention>(mentions.map((m) => [m.tokenEnd, m]));
  const claims = attachTitles(tokens, phrases, mentionAt, mentionEndingAt, prose.text);
  const entities = resolveEntities(mentions, claims, table);
  const quoteSpans = scanQuotes(prose.text, paragraphs);
  const speakers = resolveSpeakers(quoteSpans, { tokens, mentionAt, mentionEndingAt, entities, claims, roles });
  return { text, paragraphs, tokens, quotes: speakers.quotes, mentions, entities, claims, speech: speakers.speech };
}

function runChecks(article: ResolvedArticle, date: ArticleDate, options: CheckOptions, starts: readonly number[]): Finding[] {
  const { table, rules } = options.reference;
  const findings: Finding[] = [];
  const skipped: string[] = [];
  for (const rule of rules) {
    const severity = options.rules?.[rule.id] ?? rule.severity;
    const check = CHECKS.get(rule.kind);
    if (severity === 'off' || !check) continue;
    if (check.needsDate && !date.range) {
      skipped.push(rule.id);
      continue;
    }
    const context: CheckContext = { table, date: date.range, dateText: date.range ? describeRange(date.range) : 'unknown', options: rule.options };
    for (const draft of check.run(article, context)) findings.push(toFinding(draft, rule, severity, article, table, starts));
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
  return dedupe(findings).sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId));
}

/** A span flagged as a wrong attribution is not also reported as an unintroduced speaker. */
function dedupe(findings: Finding[]): Finding[] {
  const attributed = new Set(findings.filter((f) => f.ruleId === 'quote-attribution').map((f) => f.offset));
  return findings.filter((f) => f.ruleId !== 'unintroduced-speaker' || !attributed.has(f.offset));
}

function toFinding(draft: DraftFinding, rule: Rule, severity: Severity, article: ResolvedArticle, table: Table, starts: readonly number[]): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    severity,
    message: renderMessage(rule.message, draft.params),
    ...position(article.text, draft.start, draft.end, starts),
    evidence: [...draft.evidence.map((t) => evidenceOf(t, table)), ...diedEvidence(draft, table)],
  };
  const person = draft.personId ? table.people.get(draft.personId) : undefined;
  if (person) finding.person = { name: person.name };
  const office = draft.officeId ? table.offices.get(draft.officeId) : undefined;
  if (office) finding.office = { id: office.id, name: office.name };
  if (draft.suggestions?.length) {
    finding.suggestions = draft.suggestions.map((s) => ({ text: s.text, offset: s.start, length: s.end - s.start, safe: s.safe, description: s.description }));
  }
  return finding;
}

function evidenceOf(term: Term, table: Table): Evidence {
  const office = table.offices.get(term.officeId);
  const evidence: Evidence = {
    office: term.officeId,
    officeName: office?.name ?? term.officeId,
    person: table.people.get(term.personId)?.name ?? term.personId,
    start: term.startText,
    end: term.endText,
    source: office?.source ?? null,
    file: term.file,
    line: term.line,
  };
  if (term.acting) evidence.acting = true;
  return evidence;
}

function diedEvidence(draft: DraftFinding, table: Table): Evidence[] {
  const person = draft.diedPersonId ? table.people.get(draft.diedPersonId) : undefined;
  if (!person?.diedText) return [];
  return [{ office: '', officeName: '', person: person.name, start: '', end: null, died: person.diedText }];
}

export function position(text: string, start: number, end: number, starts: readonly number[]): Position {
  const from = positionAt(starts, start);
  const to = positionAt(starts, end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column, offset: start, length: end - start, text: text.slice(start, end) };
}

function quoteReport(quote: ResolvedArticle['quotes'][number], article: ResolvedArticle, table: Table, starts: readonly number[]): QuoteReport {
  const speaker = quote.speaker;
  const entity = speaker?.entity;
  const person = entity?.personId ? table.people.get(entity.personId) : undefined;
  return {
    ...position(article.text, quote.start, quote.end, starts),
    closed: quote.closed,
    speaker: speaker
      ? {
          text: article.text.slice(speaker.start, speaker.end),
          offset: speaker.start,
          length: speaker.end - speaker.start,
          name: person?.name ?? entity?.name ?? null,
          via: speaker.via,
          cue: speaker.cue?.text ?? null,
          pattern: speaker.pattern,
        }
      : null,
  };
}
