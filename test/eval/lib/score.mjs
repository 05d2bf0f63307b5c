// Scoring planted errors: a finding of an expected rule overlapping the planted span catches it,
// at error level if its severity is `error`, at warning level if only a warning does.
import { basename } from 'node:path';

/** Rules that count as catching a kind's planted error. */
export const EXPECTED = {
  title: (ruleId) => /^title-/.test(ruleId),
  attribution: (ruleId) => ruleId === 'quote-attribution' || ruleId === 'unintroduced-speaker',
};

const overlaps = (a, b) => a.start < b.end && b.start < a.end;
const spanOf = (f) => ({ start: f.offset, end: f.offset + Math.max(1, f.length) });

export function mutatedText(m) {
  const { text } = m.article;
  return text.slice(0, m.edit.start) + m.edit.text + text.slice(m.edit.end);
}

/** Score one mutation; `clean` is the article's own report (for findings that were already there). */
export function scoreMutation(m, analyzeText, clean) {
  const text = mutatedText(m);
  const report = analyzeText(text, m.article);
  const expected = EXPECTED[m.family];
  const atSpan = report.findings.filter((f) => f.severity !== 'info' && overlaps(m.span, spanOf(f)));
  const error = atSpan.some((f) => f.severity === 'error' && expected(f.ruleId));
  const warning = !error && atSpan.some((f) => f.severity === 'warning' && expected(f.ruleId));
  const shift = m.edit.text.length - (m.edit.end - m.edit.start);
  const before = new Set(clean.findings.map((f) => `${f.ruleId}@${f.offset}`));
  const elsewhere = report.findings.filter((f) => {
    if (f.severity === 'info' || overlaps(m.span, spanOf(f))) return false;
    const original = f.offset >= m.edit.start + m.edit.text.length ? f.offset - shift : f.offset;
    return !before.has(`${f.ruleId}@${original}`);
  });
  return {
    error,
    warning,
    elsewhere: elsewhere.map((f) => `${f.severity} ${f.ruleId}: ${f.text}`),
    got: atSpan.map((f) => `${f.severity} ${f.ruleId}`),
    context: contextOf(text, m.span),
  };
}

function contextOf(text, span) {
  const start = Math.max(0, span.start - 90);
  const end = Math.min(text.length, span.end + 70);
  return `${start > 0 ? '…' : ''}${text.slice(start, span.start)}[${text.slice(span.start, span.end)}]${text.slice(span.end, end)}${end < text.length ? '…' : ''}`.replace(
    /\s+/g,
    ' ',
  );
}

/** Per kind and corpus: n, error-level and warning-level catches, misses, findings elsewhere. */
export function summarise(kinds, scored) {
  const rows = [];
  for (const kind of kinds) {
    const mine = scored.filter((s) => s.mutation.kind === kind.id);
    const cell = (list) => ({
      n: list.length,
      errors: list.filter((s) => s.result.error).length,
      warnings: list.filter((s) => s.result.warning).length,
    });
    const byCorpus = {};
    for (const corpus of ['bbc', 'polnear'])
      byCorpus[corpus] = cell(mine.filter((s) => s.mutation.article.corpus === corpus));
    rows.push({
      kind: kind.id,
      label: kind.label,
      ...cell(mine),
      natural: cell(mine.filter((s) => s.mutation.source === 'natural')),
      synthetic: cell(mine.filter((s) => s.mutation.source === 'synthetic')),
      byCorpus,
      elsewhere: mine.reduce((sum, s) => sum + s.result.elsewhere.length, 0),
      elsewhereExamples: mine
        .flatMap((s) => s.result.elsewhere.map((f) => `${basename(s.mutation.article.file)}: ${f}`))
        .slice(0, 10),
      control: Boolean(kind.control),
      // For a control, the "misses" are the false alarms: right claims flagged at error level.
      misses: mine
        .filter((s) => (kind.control ? s.result.error : !s.result.error))
        .map((s) => ({
          file: basename(s.mutation.article.file),
          source: s.mutation.source,
          note: s.mutation.note,
          got: s.result.got.join(', ') || 'no finding',
          context: s.result.context,
        })),
    });
  }
  return rows;
}
