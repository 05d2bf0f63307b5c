import type { DraftFinding } from '../checks/check.js';
import type { Table, Term } from '../reference/table.js';
import type { ResolvedArticle } from '../resolve/article.js';
import type { Rule } from '../rules/rule.js';
import { renderMessage } from '../rules/rule.js';
import type { Judgement } from '../checks/claims.js';
import type { Token } from '../scan/tokens.js';
import type {
  ClaimCounts,
  ClaimReport,
  Evidence,
  FileReport,
  Finding,
  Position,
  QuoteReport,
  Report,
  Severity,
} from '../types.js';
import type { OffsetMap } from '../article/html.js';
import { positionAt } from '../util/text.js';
import { formatDay } from '../util/dates.js';
import { VERSION } from '../version.js';

/** The report of a run: the files' reports and the counts of their findings. */
export function reportOf(files: FileReport[]): Report {
  const summary = { files: files.length, errors: 0, warnings: 0, infos: 0, claims: noClaims() };
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.severity === 'error') summary.errors++;
      else if (finding.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
    for (const claim of file.claims) summary.claims[claim.verdict]++;
  }
  return { schemaVersion: 1, tool: { name: 'factlint', version: VERSION }, files, summary };
}

function noClaims(): ClaimCounts {
  return { ok: 0, error: 0, warning: 0, past: 0, 'unknown-office': 0, 'unknown-person': 0 };
}

/** A judged title claim as the report gives it. */
export function claimReport(
  judgement: Judgement,
  text: string,
  tokens: readonly Token[],
  table: Table,
  starts: readonly number[],
  offsets: OffsetMap | null = null,
): ClaimReport {
  const { claim, office, personId } = judgement;
  const start = Math.min(claim.start, claim.mention.start);
  const end = Math.max(claim.end, claim.mention.end);
  const person = personId ? table.people.get(personId)?.name : undefined;
  const report: ClaimReport = {
    ...position(text, start, end, starts, offsets),
    title: claim.modifier === 'late' ? 'the late' : titleAsWritten(claim, text, tokens),
    office: office ? { id: office.id, name: office.name } : null,
    person: person ? { name: person } : null,
    verdict: judgement.verdict,
    reason: judgement.explanation,
  };
  if (judgement.staleSince !== null) report.verifiedThrough = formatDay(judgement.staleSince);
  return report;
}

/** The title with its modifiers and place words, as the article writes it ("former Deputy Foreign Minister"). */
function titleAsWritten(claim: Judgement['claim'], text: string, tokens: readonly Token[]): string {
  const first = tokens[claim.claimStart];
  const last = tokens[claim.claimEnd - 1];
  return first && last ? text.slice(first.start, last.end).replace(/\s+/g, ' ') : claim.titleText;
}

/** A check's draft as a finding: the rule's id, severity and message, positions from the offsets it kept. */
export function toFinding(
  draft: DraftFinding,
  rule: Rule,
  severity: Severity,
  article: ResolvedArticle,
  table: Table,
  starts: readonly number[],
  offsets: OffsetMap | null = null,
): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    severity,
    message: renderMessage(rule.message, draft.params),
    ...position(article.text, draft.start, draft.end, starts, offsets),
    evidence: [...draft.evidence.map((t) => evidenceOf(t, table)), ...diedEvidence(draft, table)],
  };
  const person = draft.personId ? table.people.get(draft.personId) : undefined;
  if (person) finding.person = { name: person.name };
  const office = draft.officeId ? table.offices.get(draft.officeId) : undefined;
  if (office) finding.office = { id: office.id, name: office.name };
  const suggestions = offsets ? draft.suggestions?.filter((s) => offsets.isCopy(s.start, s.end)) : draft.suggestions;
  if (suggestions?.length) {
    finding.suggestions = suggestions.map((s) => {
      const at = offsets ? offsets.span(s.start, s.end) : s;
      return {
        text: offsets ? escapeHtml(s.text) : s.text,
        offset: at.start,
        length: at.end - at.start,
        safe: s.safe,
        description: s.description,
      };
    });
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

/**
 * Where `text.slice(start, end)` is in the file. With `offsets` (HTML), `text` is the visible text
 * and the offsets are mapped to the file's; `text` stays the visible words.
 */
export function position(
  text: string,
  start: number,
  end: number,
  starts: readonly number[],
  offsets: OffsetMap | null = null,
): Position {
  const at = offsets?.span(start, end);
  const fileStart = at ? at.start : start;
  const fileEnd = at ? at.end : end;
  const from = positionAt(starts, fileStart);
  const to = positionAt(starts, fileEnd);
  return {
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    offset: fileStart,
    length: fileEnd - fileStart,
    text: text.slice(start, end),
  };
}

/** A suggestion's text as HTML source: it replaces a plain run of the file's text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function quoteReport(
  quote: ResolvedArticle['quotes'][number],
  article: ResolvedArticle,
  table: Table,
  starts: readonly number[],
  offsets: OffsetMap | null = null,
): QuoteReport {
  const speaker = quote.speaker;
  const entity = speaker?.entity;
  const person = entity?.personId ? table.people.get(entity.personId) : undefined;
  const at = offsets ? offsets.span(quote.start, quote.end) : quote;
  const from = positionAt(starts, at.start);
  const to = positionAt(starts, at.end);
  const said = speaker && offsets ? offsets.span(speaker.start, speaker.end) : speaker;
  // Spelled out rather than spread from position(): one object shape, built in one step.
  return {
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    offset: at.start,
    length: at.end - at.start,
    text: article.text.slice(quote.start, quote.end),
    closed: quote.closed,
    speaker:
      speaker && said
        ? {
            text: article.text.slice(speaker.start, speaker.end),
            offset: said.start,
            length: said.end - said.start,
            name: person?.name ?? entity?.name ?? null,
            via: speaker.via,
            cue: speaker.cue?.text ?? null,
            pattern: speaker.pattern,
          }
        : null,
  };
}
