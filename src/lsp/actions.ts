import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Suggestion } from '../types.js';
import { rangeAt, rangeOfFinding } from './diagnostics.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.factlint`;

/**
 * The code actions for a range: each suggestion of a finding there. A house-style spelling
 * (`safe`) is the preferred quick fix, applied by "Fix" keys and fix-on-save; other suggestions
 * (a different speaker, a different title) are offered but never preferred, as they need a
 * human to judge them. With any safe suggestion in the document, also one action applying all.
 */
export function codeActions(
  document: TextDocument,
  findings: readonly Finding[],
  range: Range,
  only: readonly string[] | undefined,
  diagnosticOf: (finding: Finding) => Diagnostic,
): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const finding of findings) {
      if (!finding.suggestions?.length || !intersects(rangeOfFinding(finding), range)) continue;
      const diagnostic = diagnosticOf(finding);
      for (const suggestion of finding.suggestions) actions.push(quickFix(document, suggestion, diagnostic));
    }
  }
  if (wants(only, FIX_ALL_KIND)) {
    const edits = safeEdits(document, findings);
    if (edits.length > 0)
      actions.push({
        title: `Apply factlint's house-style fixes (${edits.length})`,
        kind: FIX_ALL_KIND,
        edit: { changes: { [document.uri]: edits } },
      });
  }
  return actions;
}

function quickFix(document: TextDocument, suggestion: Suggestion, diagnostic: Diagnostic): CodeAction {
  const action: CodeAction = {
    title: titleOf(suggestion),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      changes: {
        [document.uri]: [{ range: rangeAt(document, suggestion.offset, suggestion.length), newText: suggestion.text }],
      },
    },
  };
  if (suggestion.safe === true) action.isPreferred = true;
  return action;
}

function titleOf(suggestion: Suggestion): string {
  const description = suggestion.description?.trim();
  if (!description) return `Replace with “${suggestion.text}”`;
  return description.charAt(0).toUpperCase() + description.slice(1);
}

/** Every safe suggestion, last first, skipping any that overlaps one taken: as `check --fix` applies them. */
export function safeEdits(document: TextDocument, findings: readonly Finding[]): TextEdit[] {
  const safe = findings
    .flatMap((f) => (f.suggestions ?? []).filter((s) => s.safe === true))
    .sort((a, b) => b.offset - a.offset || b.length - a.length);
  const edits: TextEdit[] = [];
  let limit = Number.POSITIVE_INFINITY;
  for (const suggestion of safe) {
    if (suggestion.offset + suggestion.length > limit) continue;
    edits.push({ range: rangeAt(document, suggestion.offset, suggestion.length), newText: suggestion.text });
    limit = suggestion.offset;
  }
  return edits.reverse();
}

/** `only` as the client sends it: a kind is wanted when it is listed or a listed kind contains it. */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

function intersects(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
