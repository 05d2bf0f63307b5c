import { dirname, resolve } from 'node:path';
import { type Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DATE_RULE_ID, UNUSED_DIRECTIVE_ID } from '../engine.js';
import { defaultRulesDir } from '../rules/load.js';
import type { Finding, Severity } from '../types.js';
import type { Context } from './contexts.js';

export const SOURCE = 'factlint';
const RULE_DOCS = 'https://github.com/factlint/factlint/blob/main/docs/rules/';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * A finding's range: its line and column as `check` reports them, less one. factlint's columns
 * count UTF-16 code units and its lines break where LSP's do (LF, CRLF, CR), so they are LSP's
 * positions in its default UTF-16 encoding.
 */
export function rangeOfFinding(finding: Finding): Range {
  return {
    start: { line: finding.line - 1, character: finding.column - 1 },
    end: { line: finding.endLine - 1, character: finding.endColumn - 1 },
  };
}

/** The range of `length` UTF-16 code units from `offset` in the document. */
export function rangeAt(document: TextDocument, offset: number, length: number): Range {
  return { start: document.positionAt(offset), end: document.positionAt(offset + length) };
}

export function diagnosticOf(finding: Finding, documented: (ruleId: string) => boolean): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOfFinding(finding),
    severity: SEVERITIES[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    message: finding.ruleId === DATE_RULE_ID ? inEditorWords(finding.message) : finding.message,
  };
  if (documented(finding.ruleId))
    diagnostic.codeDescription = { href: `${RULE_DOCS}${encodeURIComponent(finding.ruleId)}.md` };
  return diagnostic;
}

/** The date finding says how to give a date on the command line; in an editor it is the setting. */
function inEditorWords(message: string): string {
  return message.replace(
    /give --date, or date: in front matter/,
    'add date: to the front matter, or set factlint.date',
  );
}

/** A problem that stops the check (configuration, front matter, size), as one diagnostic. */
export function problemDiagnostic(document: TextDocument, message: string, line = 1, column = 1): Diagnostic {
  const lineIndex = Math.min(Math.max(line - 1, 0), document.lineCount - 1);
  const lineStart = document.offsetAt({ line: lineIndex, character: 0 });
  const nextLine = document.offsetAt({ line: lineIndex + 1, character: 0 });
  const lineText = document
    .getText()
    .slice(lineStart, nextLine)
    .replace(/\r?\n$|\r$/, '');
  const character = Math.min(Math.max(column - 1, 0), lineText.length);
  return {
    range: { start: { line: lineIndex, character }, end: { line: lineIndex, character: lineText.length } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message,
  };
}

const documentedRules = new WeakMap<Context, Set<string>>();

/** Rules with a page under docs/rules/: the engine's own and the shipped rule files'. */
export function documentedIn(context: Context): (ruleId: string) => boolean {
  let own = documentedRules.get(context);
  if (!own) {
    const shippedDir = defaultRulesDir();
    own = new Set([DATE_RULE_ID, UNUSED_DIRECTIVE_ID]);
    for (const rule of context.reference.rules)
      if (dirname(resolve(context.settings.cwd, rule.file)) === shippedDir) own.add(rule.id);
    documentedRules.set(context, own);
  }
  const rules = own;
  return (ruleId) => rules.has(ruleId);
}
