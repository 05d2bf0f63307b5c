import type { Finding } from '../types.js';

export interface Fixed {
  text: string;
  applied: number;
}

/** Apply the suggestions marked safe (house-style spellings), last first, skipping any that overlap. */
export function applySafeFixes(text: string, findings: readonly Finding[]): Fixed {
  const edits = findings
    .flatMap((f) => (f.suggestions ?? []).filter((s) => s.safe === true))
    .sort((a, b) => b.offset - a.offset || b.length - a.length);
  let result = text;
  let applied = 0;
  let limit = Infinity;
  for (const edit of edits) {
    if (edit.offset + edit.length > limit) continue;
    result = result.slice(0, edit.offset) + edit.text + result.slice(edit.offset + edit.length);
    limit = edit.offset;
    applied++;
  }
  return { text: result, applied };
}

/** A unified diff of two versions whose lines correspond one to one (fixes never add or remove lines). */
export function lineDiff(path: string, before: string, after: string): string {
  const old = before.split('\n');
  const next = after.split('\n');
  const out = [`--- a/${path}`, `+++ b/${path}`];
  for (let i = 0; i < Math.max(old.length, next.length); i++) {
    if (old[i] === next[i]) continue;
    out.push(`@@ -${i + 1} +${i + 1} @@`);
    if (old[i] !== undefined) out.push(`-${old[i]}`);
    if (next[i] !== undefined) out.push(`+${next[i]}`);
  }
  return `${out.join('\n')}\n`;
}
