import type { ClaimCounts, Report } from '../types.js';

export interface StylishOptions {
  color: boolean;
}

const COLORS = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  info: '\x1b[36m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  reset: '\x1b[0m',
};

/** `path` then `  line:col  severity  message  ruleId` per finding, and a summary line. */
export function formatStylish(report: Report, options: StylishOptions): string {
  const paint = (color: keyof typeof COLORS, text: string) =>
    options.color ? `${COLORS[color]}${text}${COLORS.reset}` : text;
  const out: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    out.push(paint('bold', file.path));
    const rows = file.findings.map((f) => [`${f.line}:${f.column}`, f.severity, oneLine(f.message), f.ruleId] as const);
    const width = Math.max(...rows.map((r) => r[0].length));
    for (const [where, severity, message, ruleId] of rows) {
      const place = paint('dim', where.padEnd(width));
      out.push(`  ${place}  ${paint(severity, severity.padEnd(7))}  ${message}  ${paint('dim', ruleId)}`);
    }
    out.push('');
  }
  const { errors, warnings, infos, files } = report.summary;
  const problems = errors + warnings + infos;
  const infoCount = infos ? `, ${plural(infos, 'info')}` : '';
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infoCount}`;
  const checked = `${plural(files, 'file')} checked${claimCounts(report.summary.claims)}`;
  const color = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'info';
  out.push(
    problems > 0
      ? paint(color, `✖ ${plural(problems, 'problem')} (${counts}); ${checked}`)
      : `✔ no problems (${counts}); ${checked}`,
  );
  return `${out.join('\n')}\n`;
}

/** "; 12 claims checked, 3 could not be checked": checked = ok, error, warning, past; not = unknown office, person. */
function claimCounts(claims: ClaimCounts | undefined): string {
  if (!claims) return '';
  const checked = claims.ok + claims.error + claims.warning + claims.past;
  const unchecked = claims['unknown-office'] + claims['unknown-person'];
  return `; ${plural(checked, 'claim')} checked, ${unchecked} could not be checked`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
