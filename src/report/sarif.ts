import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Fix, Invocation, Log, Region, ReportingDescriptor, Result, Run } from 'sarif';
import type { Rule } from '../rules/rule.js';
import type { FileError, FileReport, Finding, Report, Severity, Suggestion } from '../types.js';

/** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. */

export interface SarifOptions {
  /** Every configured rule: the log describes them all, whether they found anything or not. */
  rules: readonly Rule[];
  /** The repository root: artifact URIs are relative to it, under `%SRCROOT%`. */
  baseDir: string;
  /** The text of a reported file as it was checked, for stable fingerprints; null when unavailable. */
  read?: (path: string) => string | null;
  /** Whether a rule is factlint's own, with a page under docs/rules/ (its helpUri); default: none is. */
  documented?: (ruleId: string) => boolean;
}

type Level = Result.level;

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/factlint/factlint';
/** factlint's own rules each have a page here, named by rule id. */
const RULE_DOCS_URI = `${INFORMATION_URI}/blob/main/docs/rules/`;
const SOURCE_ROOT = '%SRCROOT%';
/** The partialFingerprints key; bump the version when the fingerprint's recipe changes. */
const FINGERPRINT_KEY = 'factlint/v1';
const LEVELS: Readonly<Record<Severity | 'off', Level>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  off: 'none',
};

export function formatSarif(report: Report, options: SarifOptions): string {
  const rules = ruleDescriptors(report, options.rules, options.documented ?? (() => false));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const run: Run = {
    tool: { driver: { name: 'factlint', version: report.tool.version, informationUri: INFORMATION_URI, rules } },
    invocations: [invocation(report.errors ?? [], options.baseDir)],
    columnKind: 'utf16CodeUnits',
    // factlint's lines end at CRLF, LF or a lone CR.
    newlineSequences: ['\r\n', '\n', '\r'],
    results: report.files.flatMap((file) => fileResults(file, ruleIndex, options)),
  };
  const log: Log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** The given rules, then any rule a finding names that they do not include. */
function ruleDescriptors(
  report: Report,
  rules: readonly Rule[],
  documented: (ruleId: string) => boolean,
): ReportingDescriptor[] {
  const byId = new Map<string, ReportingDescriptor>();
  for (const rule of rules) if (!byId.has(rule.id)) byId.set(rule.id, describeRule(rule, documented(rule.id)));
  for (const finding of report.files.flatMap((file) => file.findings)) {
    if (!byId.has(finding.ruleId)) byId.set(finding.ruleId, describeUnknownRule(finding, documented(finding.ruleId)));
  }
  return [...byId.values()];
}

function describeRule(rule: Rule, documented: boolean): ReportingDescriptor {
  const description = rule.description || rule.id;
  const help = rule.help || description;
  return {
    id: rule.id,
    name: friendlyName(rule.id),
    shortDescription: { text: description },
    fullDescription: { text: help },
    help: { text: help },
    ...helpUri(rule.id, documented),
    defaultConfiguration: { level: LEVELS[rule.severity] },
  };
}

function describeUnknownRule(finding: Finding, documented: boolean): ReportingDescriptor {
  const text = { text: finding.ruleId };
  return {
    id: finding.ruleId,
    name: friendlyName(finding.ruleId),
    shortDescription: text,
    fullDescription: text,
    help: text,
    ...helpUri(finding.ruleId, documented),
    defaultConfiguration: { level: LEVELS[finding.severity] },
  };
}

function helpUri(ruleId: string, documented: boolean): { helpUri?: string } {
  return documented ? { helpUri: `${RULE_DOCS_URI}${encodeURIComponent(ruleId)}.md` } : {};
}

/** SARIF's `name` is a Pascal-case identifier: `title-holder` → `TitleHolder`. */
function friendlyName(ruleId: string): string {
  return ruleId
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function invocation(errors: readonly FileError[], baseDir: string): Invocation {
  if (errors.length === 0) return { executionSuccessful: true };
  const toolExecutionNotifications = errors.map((error) => ({
    level: 'error' as const,
    message: { text: error.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(error.path, baseDir) } }],
  }));
  return { executionSuccessful: false, toolExecutionNotifications };
}

function fileResults(file: FileReport, ruleIndex: ReadonlyMap<string, number>, options: SarifOptions): Result[] {
  const location = artifactLocation(file.path, options.baseDir);
  const fingerprints = fingerprintsOf(file.findings, options.read?.(file.path) ?? null);
  return file.findings.map((finding, i) => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: regionOf(finding) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[i] ?? '' },
    ...optionalFixes(finding, location),
  }));
}

/** Relative to `baseDir` (forward slashes, percent-encoded) when inside it; a file:// URI otherwise. */
function artifactLocation(path: string, baseDir: string): ArtifactLocation {
  const absolute = resolve(baseDir, path);
  const inside = relative(resolve(baseDir), absolute);
  const outside = inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
  if (outside) return { uri: pathToFileURL(absolute).href };
  return { uri: inside.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function regionOf(finding: Finding): Region {
  return {
    startLine: finding.line,
    startColumn: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    charOffset: finding.offset,
    charLength: finding.length,
  };
}

/**
 * One fingerprint per finding that survives edits elsewhere in the file: no line numbers or
 * offsets, only the rule, the flagged text, its line's content (whitespace-collapsed) when the
 * file's text is at hand, and which occurrence of that same key in the file this is.
 */
function fingerprintsOf(findings: readonly Finding[], text: string | null): string[] {
  const article = text?.replace(/^\uFEFF/, '') ?? null;
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const parts = [finding.ruleId, finding.text];
    if (article !== null)
      parts.push(collapseWhitespace(linesAround(article, finding.offset, finding.offset + finding.length)));
    const key = parts.join('\0');
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    return sha256Hex(`${key}\0${occurrence}`).slice(0, 32);
  });
}

/** The whole lines that [start, end) touches, without their line breaks. */
function linesAround(text: string, start: number, end: number): string {
  let lineStart = start;
  while (lineStart > 0 && !isLineBreak(text.charCodeAt(lineStart - 1))) lineStart--;
  let lineEnd = end;
  while (lineEnd < text.length && !isLineBreak(text.charCodeAt(lineEnd))) lineEnd++;
  return text.slice(lineStart, lineEnd);
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `fixes` for the suggestions marked safe; none at all when there are none. */
function optionalFixes(finding: Finding, location: ArtifactLocation): { fixes?: Fix[] } {
  const safe = uniqueSuggestions((finding.suggestions ?? []).filter((s) => s.safe === true));
  return safe.length > 0 ? { fixes: safe.map((s) => fixOf(s, location)) } : {};
}

/** SARIF wants a result's fixes to be distinct. */
function uniqueSuggestions(suggestions: readonly Suggestion[]): Suggestion[] {
  const seen = new Set<string>();
  return suggestions.filter((s) => {
    const key = `${s.offset}\0${s.length}\0${s.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fixOf(suggestion: Suggestion, location: ArtifactLocation): Fix {
  const replacement = {
    deletedRegion: { charOffset: suggestion.offset, charLength: suggestion.length },
    insertedContent: { text: suggestion.text },
  };
  return {
    description: { text: suggestion.description ?? `Replace with “${suggestion.text}”` },
    artifactChanges: [{ artifactLocation: location, replacements: [replacement] }],
  };
}
