import { dateFromSpec, inferDate, noDate, type ArticleDate } from './article/date.js';
import { readFrontMatter } from './article/frontmatter.js';
import { readDirectives, Silencer, type Directive } from './article/directives.js';
import { DEFAULT_DATE_SOURCES, type DateSourceName } from './config/config.js';
import { proseOfMarkdown, proseOfText, type Prose } from './article/markdown.js';
import { paragraphsOf } from './article/paragraphs.js';
import type { CheckContext, DraftFinding, ResolvedArticle } from './checks/check.js';
import { CHECKS } from './checks/registry.js';
import type { Table, Term } from './reference/table.js';
import { resolveEntities } from './resolve/entities.js';
import { resolveSpeakers } from './resolve/speakers.js';
import type { Rule, RuleOverrides } from './rules/rule.js';
import { renderMessage } from './rules/rule.js';
import { findOtherNames, findTableNames, type TokenRole } from './scan/names.js';
import { scanQuotes } from './scan/quotes.js';
import { attachTitles, findTitles } from './scan/titles.js';
import { tokenizeArticle } from './scan/tokens.js';
import { wordFlagsOf } from './scan/word-flags.js';
import type { Evidence, FileReport, Finding, Position, QuoteReport, Report, RuleSetting, Severity } from './types.js';
import { describeRange } from './reference/query.js';
import { formatDay, type DayRange } from './util/dates.js';
import { compareText, lineStarts, positionAt } from './util/text.js';
import { TokenMap } from './util/token-map.js';
import { mergeByStart } from './util/search.js';
import { InputError } from './util/errors.js';
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
  /** Per rule, names (or flagged texts) never to report. */
  allow?: Readonly<Record<string, readonly string[]>>;
  /** Where the date comes from when `date` is not given, strongest first (default: front matter, then the text). */
  dateSources?: readonly DateSourceName[];
  /** Report `factlint-disable` comments that silenced nothing. */
  reportUnusedDirectives?: boolean;
}

/** Everything known about one checked article: the report and what it was built from. */
export interface Analysis {
  report: FileReport;
  article: ResolvedArticle;
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
  return analyzeFile(text, options, options.filename ?? '<text>');
}

/** `analyze` with the file name apart, so a run over many files need not copy its options for each. */
export function analyzeFile(text: string, options: Omit<CheckOptions, 'filename'>, filename: string): Analysis {
  const format = options.format ?? (/\.(txt|text)$/i.test(filename) ? 'text' : 'markdown');
  const frontMatter = format === 'markdown' ? readFrontMatter(text, filename) : null;
  const bodyStart = frontMatter?.end ?? 0;
  const prose = format === 'markdown' ? proseOfMarkdown(text, bodyStart) : proseOfText(text, bodyStart);
  const settings = articleSettings(frontMatter?.data, filename);
  const date = articleDate(
    options.date,
    settings.date ?? frontMatter?.data?.date,
    prose,
    filename,
    options.dateSources ?? DEFAULT_DATE_SOURCES,
  );
  const article = resolveArticle(text, prose, options.reference.table);
  const starts = lineStarts(text);
  const rules =
    Object.keys(settings.rules).length > 0 ? { ...(options.rules ?? {}), ...settings.rules } : options.rules;
  const directives = readDirectives(prose.comments, starts);
  const findings = applyControls(
    runChecks(article, date, options.reference, rules, starts),
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
    quotes: article.quotes.map((q) => quoteReport(q, article, options.reference.table, starts)),
  };
  return { report, article, date, frontMatter: frontMatter?.data ?? null };
}

function articleDate(
  cli: string | undefined,
  frontMatterDate: unknown,
  prose: Prose,
  filename: string,
  sources: readonly DateSourceName[],
): ArticleDate {
  if (cli !== undefined) {
    const date = dateFromSpec(cli, 'cli');
    if (!date) throw new InputError(`--date "${cli}" is not a date: use YYYY-MM-DD, YYYY-MM, YYYY or an interval A/B`);
    return date;
  }
  for (const source of sources) {
    const date =
      source === 'front-matter'
        ? fromFrontMatter(frontMatterDate, filename)
        : source === 'filename'
          ? fromFilename(filename)
          : inferDate(prose.text);
    if (date) return date;
  }
  return noDate();
}

function fromFrontMatter(value: unknown, filename: string): ArticleDate | null {
  if (value === undefined || value === null || value === '') return null;
  const spec = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  const date = dateFromSpec(spec, 'front-matter');
  if (!date)
    throw new InputError(
      `front matter date "${spec}" is not a date: use YYYY-MM-DD, YYYY-MM, YYYY or an interval A/B`,
      filename,
      2,
      1,
    );
  return date;
}

/** A YYYY-MM-DD in the file's name ("nyt_2016-09-08_obama.txt"). */
function fromFilename(filename: string): ArticleDate | null {
  const match = /(?:^|[^\d])(\d{4}-\d{2}-\d{2})(?:[^\d]|$)/.exec(filename.split(/[\\/]/).pop() ?? '');
  const date = match?.[1] ? dateFromSpec(match[1], 'filename') : null;
  return date;
}

interface ArticleSettings {
  date?: unknown;
  rules: RuleOverrides;
}

/** The per-article `factlint:` key of the front matter: `{date, rules: {rule-id: off}}`. */
function articleSettings(data: Record<string, unknown> | undefined, filename: string): ArticleSettings {
  const value = data?.factlint;
  if (value === undefined || value === null) return { rules: {} };
  if (typeof value !== 'object' || Array.isArray(value))
    throw new InputError(
      'front matter "factlint" must be a mapping, e.g. factlint: {rules: {title-holder: off}}',
      filename,
      2,
      1,
    );
  const settings = value as Record<string, unknown>;
  const unknown = Object.keys(settings).find((key) => key !== 'date' && key !== 'rules');
  if (unknown)
    throw new InputError(`front matter factlint.${unknown}: unknown key (use date or rules)`, filename, 2, 1);
  const rules: Record<string, RuleSetting> = {};
  const given = settings.rules ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given))
    throw new InputError(
      'front matter factlint.rules must map rule ids to error, warning, info or off',
      filename,
      2,
      1,
    );
  for (const [id, level] of Object.entries(given)) {
    if (level !== 'error' && level !== 'warning' && level !== 'info' && level !== 'off')
      throw new InputError(`front matter factlint.rules.${id}: use error, warning, info or off`, filename, 2, 1);
    rules[id] = level;
  }
  return { date: settings.date, rules };
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
  const claims = attachTitles(tokens, phrases, mentions, mentionAt, mentionEndingAt, prose.text);
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

function runChecks(
  article: ResolvedArticle,
  date: ArticleDate,
  reference: Reference,
  overrides: RuleOverrides | undefined,
  starts: readonly number[],
): Finding[] {
  const { table, rules } = reference;
  const findings: Finding[] = [];
  const skipped: string[] = [];
  const dateText = date.range ? describeArticleRange(date.range) : 'unknown';
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
      findings.push(toFinding(draft, rule, severity, article, table, starts));
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
  return dedupe(findings).sort((a, b) => a.offset - b.offset || compareText(a.ruleId, b.ruleId));
}

/** `describeRange` of the article's date: a run gives most articles the same one, so the last is kept. */
function describeArticleRange(range: DayRange): string {
  if (range.start !== lastDescribed.start || range.end !== lastDescribed.end)
    lastDescribed = { start: range.start, end: range.end, text: describeRange(range) };
  return lastDescribed.text;
}

let lastDescribed = { start: NaN, end: NaN, text: '' };

/** A span flagged as a wrong attribution is not also reported as an unintroduced speaker. */
function dedupe(findings: Finding[]): Finding[] {
  const attributed = new Set(findings.filter((f) => f.ruleId === 'quote-attribution').map((f) => f.offset));
  return findings.filter((f) => f.ruleId !== 'unintroduced-speaker' || !attributed.has(f.offset));
}

function toFinding(
  draft: DraftFinding,
  rule: Rule,
  severity: Severity,
  article: ResolvedArticle,
  table: Table,
  starts: readonly number[],
): Finding {
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
    finding.suggestions = draft.suggestions.map((s) => ({
      text: s.text,
      offset: s.start,
      length: s.end - s.start,
      safe: s.safe,
      description: s.description,
    }));
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
  return {
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    offset: start,
    length: end - start,
    text: text.slice(start, end),
  };
}

function quoteReport(
  quote: ResolvedArticle['quotes'][number],
  article: ResolvedArticle,
  table: Table,
  starts: readonly number[],
): QuoteReport {
  const speaker = quote.speaker;
  const entity = speaker?.entity;
  const person = entity?.personId ? table.people.get(entity.personId) : undefined;
  const from = positionAt(starts, quote.start);
  const to = positionAt(starts, quote.end);
  // Spelled out rather than spread from position(): one object shape, built in one step.
  return {
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    offset: quote.start,
    length: quote.end - quote.start,
    text: article.text.slice(quote.start, quote.end),
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
