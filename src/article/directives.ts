import type { Comment } from './markdown.js';
import { positionAt } from '../util/text.js';
import { firstStartAtLeast } from '../util/search.js';
import { tally } from '../util/work.js';

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

const DIRECTIVE = /^factlint-(disable-next-line|disable-line|disable|enable)(?:\s+([\s\S]*?))?\s*$/;

export function readDirectives(comments: readonly Comment[], lineStarts: readonly number[]): Directive[] {
  const directives: Directive[] = [];
  for (const comment of comments) {
    tally();
    const [body = '', reason] = comment.body.split(/\s+--\s+/, 2);
    const match = DIRECTIVE.exec(body.trim());
    if (!match?.[1]) continue;
    const kind = match[1] as Directive['kind'];
    const rules = (match[2] ?? '')
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    const at = positionAt(lineStarts, kind === 'disable-line' ? comment.start : comment.end);
    directives.push({
      kind,
      rules,
      reason: reason?.trim() || null,
      start: comment.start,
      end: comment.end,
      line: kind === 'disable-next-line' ? at.line + 1 : at.line,
      used: false,
    });
  }
  return directives;
}

function covers(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}

/**
 * Answers "is this finding silenced?" for an article's directives, marking the directive
 * that silences it as used. Indexed by line and by rule, so each question costs a lookup
 * and a binary search however many directives and findings there are.
 */
export class Silencer {
  private readonly byLine = new Map<number, Directive[]>();
  private readonly switchesByRule = new Map<string, Directive[]>();

  constructor(private readonly directives: readonly Directive[]) {
    for (const d of directives) {
      if (d.kind !== 'disable-line' && d.kind !== 'disable-next-line') continue;
      const list = this.byLine.get(d.line);
      if (list) list.push(d);
      else this.byLine.set(d.line, [d]);
    }
  }

  isSilenced(ruleId: string, offset: number, line: number): boolean {
    tally();
    const lineDirective = this.byLine.get(line)?.find((d) => covers(d, ruleId));
    if (lineDirective) {
      lineDirective.used = true;
      return true;
    }
    const switches = this.switchesFor(ruleId);
    const last = switches[firstStartAtLeast(switches, offset + 1) - 1];
    if (last?.kind !== 'disable') return false;
    last.used = true;
    return true;
  }

  /** The disable and enable directives that cover the rule, in text order. */
  private switchesFor(ruleId: string): Directive[] {
    let switches = this.switchesByRule.get(ruleId);
    if (!switches) {
      tally(this.directives.length);
      switches = this.directives.filter((d) => (d.kind === 'disable' || d.kind === 'enable') && covers(d, ruleId));
      this.switchesByRule.set(ruleId, switches);
    }
    return switches;
  }
}
