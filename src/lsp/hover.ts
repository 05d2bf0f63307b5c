import type { Analysis } from '../engine.js';
import { describeRange, describeTerm, holdersDuring, onOrIn } from '../reference/query.js';
import type { Table } from '../reference/table.js';
import type { ClaimReport, DateSource, Evidence, Finding } from '../types.js';

const DATE_SOURCES: Record<DateSource, string> = {
  cli: 'the factlint.date setting',
  'front-matter': 'the front matter',
  filename: 'the file name',
  inferred: 'the dateline',
  request: 'the request',
  none: 'nowhere',
};

/**
 * What a hover at `offset` shows, as Markdown: each finding there with its message, the rows of
 * the reference table it relied on, and who held the office on the article's date; else the
 * title claim there (its office and verdict). Null when there is nothing at that place.
 */
export function hoverAt(analysis: Analysis, table: Table, offset: number): string | null {
  const findings = analysis.report.findings.filter((f) => covers(f, offset) && f.length > 0);
  if (findings.length > 0) return findings.map((f) => findingHover(f, analysis, table)).join('\n\n---\n\n');
  const claim = analysis.report.claims.find((c) => covers(c, offset));
  return claim ? claimHover(claim, analysis, table) : null;
}

function covers(place: { offset: number; length: number }, offset: number): boolean {
  return offset >= place.offset && offset <= place.offset + place.length;
}

function findingHover(finding: Finding, analysis: Analysis, table: Table): string {
  const parts = [`**factlint** \`${finding.ruleId}\` (${finding.severity})`, markdownText(finding.message)];
  if (finding.evidence.length > 0) parts.push(evidenceTable(finding.evidence));
  const offices = new Set(finding.evidence.map((e) => e.office).filter((id) => id !== ''));
  if (finding.office) offices.add(finding.office.id);
  for (const id of offices) parts.push(holdersOnDate(id, analysis, table));
  return parts.join('\n\n');
}

function claimHover(claim: ClaimReport, analysis: Analysis, table: Table): string {
  const office = claim.office ? ` → ${markdownText(claim.office.name)}` : '';
  const person = claim.person ? `, ${markdownText(claim.person.name)}` : '';
  const parts = [`**factlint** title claim “${markdownText(claim.title)}”${office}${person}: ${claim.verdict}`];
  if (claim.reason) parts.push(markdownText(claim.reason));
  if (claim.office) parts.push(holdersOnDate(claim.office.id, analysis, table));
  return parts.join('\n\n');
}

function evidenceTable(evidence: readonly Evidence[]): string {
  const rows = evidence.map((e) =>
    e.died
      ? `| | ${cell(e.person)} | | died ${cell(e.died)} | |`
      : `| ${cell(e.officeName)} | ${cell(e.person)}${e.acting ? ' (acting)' : ''} | ${cell(e.start)} | ` +
        `${cell(e.end ?? '—')} | ${cell(e.source ?? '')} |`,
  );
  return ['| Office | Holder | From | To | Source |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** "On 2026-01-07 (the article's date, from the front matter), Chancellor of Germany: Friedrich Merz (since …)." */
function holdersOnDate(officeId: string, analysis: Analysis, table: Table): string {
  const office = table.offices.get(officeId);
  const name = markdownText(office?.name ?? officeId);
  const range = analysis.date.range;
  if (!range)
    return `No article date, so not who held ${name} then: add date: to the front matter or set factlint.date.`;
  const when = onOrIn(describeRange(range));
  const source = DATE_SOURCES[analysis.date.source];
  const holders = office ? holdersDuring(office, range) : [];
  const who =
    holders.length === 0
      ? 'no holder in the reference table'
      : holders
          .map((t) => `**${markdownText(table.people.get(t.personId)?.name ?? t.personId)}** (${describeTerm(t)})`)
          .join(', ');
  return `${capitalise(when)} (the article's date, from ${source}), ${name}: ${who}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Text shown as Markdown: its punctuation taken literally. */
function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}

function cell(text: string): string {
  return markdownText(text).replace(/\r?\n|\r/g, ' ');
}
