import type { Analysis } from '../engine.js';
import type { Table } from '../reference/table.js';
import { describeTerm, heldDuring, termsIn } from '../reference/query.js';
import { positionAt } from '../util/text.js';
import type { ClaimVerdict, Finding } from '../types.js';
import type { TitleClaim } from '../scan/titles.js';
import { tally } from '../util/work.js';
import { parse } from './args.js';
import { CHECK_OPTIONS, runFromArgs } from './check.js';
import { standardOutput } from '../runner/output.js';

/**
 * `factlint explain FILE`: every quote and its speaker, every title claim with its verdict and table rows,
 * every finding with its context.
 */
export async function explainCommand(args: readonly string[], cwd: string): Promise<number> {
  const { values, positionals } = parse(args, CHECK_OPTIONS);
  const run = await runFromArgs(values, positionals, cwd, true);
  for (const error of run.errors) process.stderr.write(`factlint: ${error.message}\n`);
  const out = [...run.analyses.values()].map((analysis) => explainArticle(analysis, run.reference.table));
  standardOutput().write(out.join('\n'));
  if (run.errors.length > 0) return 2;
  return run.report.summary.errors > 0 ? 1 : 0;
}

export function explainArticle(analysis: Analysis, table: Table): string {
  const { report, article, date } = analysis;
  const at = (offset: number) => {
    const p = positionAt(analysis.lineStarts, fileOffset(analysis, offset));
    return `${p.line}:${p.column}`;
  };
  const out: string[] = [];
  out.push(`${report.path}`);
  const until = report.date.end !== report.date.start ? ` to ${report.date.end}` : '';
  out.push(
    `  date: ${date.range ? `${report.date.start}${until} (${date.source})` : 'none: date-dependent checks skipped'}`,
  );
  out.push('');
  out.push(`Quotes (${article.quotes.length})`);
  for (const quote of article.quotes) {
    out.push(`  ${at(quote.start)}  ${clip(article.text.slice(quote.start, quote.end), 90)}`);
    const speaker = quote.speaker;
    if (!speaker) {
      out.push('        speaker: none found');
      continue;
    }
    const entity = speaker.entity;
    const name = entity
      ? entity.personId
        ? `${table.people.get(entity.personId)?.name ?? entity.personId} (in the reference table)`
        : entity.name
      : null;
    const resolved = name
      ? ` → ${name}`
      : speaker.via === 'organisation'
        ? ' → an organisation'
        : ' → not resolved to a person';
    const cue = speaker.cue ? `, cue “${speaker.cue.text}”` : '';
    const said = article.text.slice(speaker.start, speaker.end);
    out.push(
      `        speaker: “${said}” at ${at(speaker.start)}${resolved} [${speaker.via}: ${speaker.pattern}${cue}]`,
    );
  }
  out.push('');
  out.push(...explainClaims(analysis, table));
  out.push('');
  out.push(`People (${article.entities.length})`);
  for (const entity of article.entities) {
    const spellings = [...new Set(entity.mentions.map((m) => article.text.slice(m.start, m.end)))].join(', ');
    const known = entity.personId
      ? ' (in the reference table)'
      : entity.candidates.length > 1
        ? ` (one of ${entity.candidates.join(', ')})`
        : '';
    const intro = entity.introduction
      ? `introduced at ${at(entity.introduction.start)}`
      : 'never introduced by full name';
    out.push(`  ${entity.name}${known}: ${entity.mentions.length} mention(s) as ${spellings}; ${intro}`);
  }
  out.push('');
  out.push(`Findings (${report.findings.length})`);
  for (const finding of report.findings) out.push(...explainFinding(finding, analysis));
  return `${out.join('\n')}\n`;
}

const CLAIM_GROUPS: readonly { heading: string; verdicts: readonly ClaimVerdict[] }[] = [
  { heading: 'Errors and warnings', verdicts: ['error', 'warning'] },
  { heading: 'Checked: true on the date, or set in the past', verdicts: ['ok', 'past'] },
  { heading: 'Not checked', verdicts: ['unknown-office', 'unknown-person'] },
];

/** Every title claim with its verdict, grouped: findings, then checked, then unchecked with the reason. */
function explainClaims(analysis: Analysis, table: Table): string[] {
  const { report, article } = analysis;
  const checked = report.claims.filter((c) => !UNCHECKED.has(c.verdict)).length;
  const out = [`Claims (${report.claims.length}): ${checked} checked, ${report.claims.length - checked} not checked`];
  for (const group of CLAIM_GROUPS) {
    const members = report.claims
      .map((claim, index) => ({ claim, scanned: article.claims[index] }))
      .filter(({ claim }) => group.verdicts.includes(claim.verdict));
    if (members.length === 0) continue;
    out.push(`  ${group.heading} (${members.length})`);
    for (const { claim, scanned } of members) {
      tally();
      out.push(`    ${claim.line}:${claim.column}  ${claim.verdict}  “${claim.text}”`);
      if (claim.reason) out.push(`          ${UNCHECKED.has(claim.verdict) ? 'not checked: ' : ''}${claim.reason}`);
      if (claim.verifiedThrough)
        out.push(`          the table is verified through ${claim.verifiedThrough}: a later change is not known`);
      if (scanned) out.push(...tableRows(analysis, scanned, table));
    }
  }
  return out;
}

const UNCHECKED: ReadonlySet<ClaimVerdict> = new Set(['unknown-office', 'unknown-person']);

/** The table's rows for the claim's offices: who held each and whether on the article's date. */
function tableRows(analysis: Analysis, claim: TitleClaim, table: Table): string[] {
  const { article, date } = analysis;
  if (claim.otherOffice) return [];
  const who = article.entities[claim.mention.entity]?.personId ?? null;
  const out: string[] = [];
  for (const id of claim.officeIds) {
    tally();
    const office = table.offices.get(id);
    if (!office) continue;
    const rows = who ? termsIn(table, who, [id]) : [];
    const holds =
      date.range && rows.length > 0
        ? heldDuring(rows, date.range)
          ? ' ✓ on the article date'
          : ' ✗ not on the article date'
        : '';
    const held = rows.length
      ? rows.map((t) => `${describeTerm(t)} (${t.file}:${t.line})`).join('; ')
      : who
        ? 'never (per the table)'
        : 'person not in the table';
    out.push(`          ${office.name} [${id}]: ${who ?? claim.mention.text} ${held}${holds}`);
  }
  return out;
}

/** An offset into the article's text as an offset into the file (they differ for HTML). */
function fileOffset(analysis: Analysis, offset: number): number {
  return analysis.offsets ? analysis.offsets.span(offset, offset).start : offset;
}

function explainFinding(finding: Finding, analysis: Analysis): string[] {
  const { article } = analysis;
  const out = [`  ${finding.line}:${finding.column}  ${finding.severity}  ${finding.message}  ${finding.ruleId}`];
  const paragraphIndex = article.paragraphs.findIndex(
    (p) => fileOffset(analysis, p.start) <= finding.offset && finding.offset <= fileOffset(analysis, p.end),
  );
  if (paragraphIndex >= 0 && finding.length > 0) {
    const from = Math.max(0, paragraphIndex - 1);
    for (let i = from; i <= paragraphIndex; i++) {
      const paragraph = article.paragraphs[i];
      if (!paragraph) continue;
      const marker = i === paragraphIndex ? '»' : ' ';
      out.push(`        ${marker} ${clip(article.text.slice(paragraph.start, paragraph.end), 220)}`);
    }
  }
  for (const row of finding.evidence) {
    if (row.died) {
      out.push(`        table: ${row.person} died ${row.died}`);
      continue;
    }
    const term = row.end ? `${row.start} to ${row.end}` : `since ${row.start}`;
    const acting = row.acting ? ' (acting)' : '';
    const place = row.file ? `  (${row.file}:${row.line})` : '';
    const source = row.source ? `  source: ${row.source}` : '';
    out.push(`        table: ${row.officeName} — ${row.person}, ${term}${acting}${place}${source}`);
  }
  for (const suggestion of finding.suggestions ?? [])
    out.push(`        suggestion: ${suggestion.description ?? `“${suggestion.text}”`}`);
  return out;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
