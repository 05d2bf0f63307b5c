import type { Comment } from './markdown.js';
import { positionAt } from '../util/text.js';

/** An in-text instruction: `<!-- factlint-disable-next-line title-holder -- quoting the 2019 letter -->`. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** Rule ids it applies to; empty for every rule. */
  rules: string[];
  reason: string | null;
  start: number;
  end: number;
  /** The line (1-based) a line directive covers. */
  line: number;
  used: boolean;
}

const DIRECTIVE = /^factlint-(disable-next-line|disable-line|disable|enable)(?:\s+([^]*?))?\s*$/;

export function readDirectives(comments: readonly Comment[], lineStarts: readonly number[]): Directive[] {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const [body = '', reason] = comment.body.split(/\s+--\s+/, 2);
    const match = DIRECTIVE.exec(body.trim());
    if (!match?.[1]) continue;
    const kind = match[1] as Directive['kind'];
    const rules = (match[2] ?? '')
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    const at = positionAt(lineStarts, kind === 'disable-line' ? comment.start : comment.end);
    directives.push({ kind, rules, reason: reason?.trim() || null, start: comment.start, end: comment.end, line: kind === 'disable-next-line' ? at.line + 1 : at.line, used: false });
  }
  return directives;
}

function covers(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}

/** Whether a finding of `ruleId` at `offset` (on `line`) is silenced; marks the directive that does it as used. */
export function isSilenced(directives: readonly Directive[], ruleId: string, offset: number, line: number): boolean {
  for (const d of directives) {
    if ((d.kind === 'disable-line' || d.kind === 'disable-next-line') && d.line === line && covers(d, ruleId)) {
      d.used = true;
      return true;
    }
  }
  let silencing: Directive | null = null;
  for (const d of directives) {
    if (d.start > offset) break;
    if (d.kind === 'disable' && covers(d, ruleId)) silencing = d;
    else if (d.kind === 'enable' && covers(d, ruleId)) silencing = null;
  }
  if (silencing) silencing.used = true;
  return silencing !== null;
}
