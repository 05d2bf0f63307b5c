import type { Finding, Report, Severity } from '../types.js';

/** GitHub Actions workflow commands: one annotation per finding, one line each. */

type Properties = Readonly<Record<string, string | number>>;

const COMMANDS: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(report: Report): string {
  const annotations = report.files.flatMap((file) =>
    file.findings.map((finding) => findingCommand(file.path, finding)),
  );
  const fileErrors = (report.errors ?? []).map((error) =>
    workflowCommand('error', { file: error.path, title: 'factlint' }, error.message),
  );
  return [...annotations, ...fileErrors].map((line) => `${line}\n`).join('');
}

function findingCommand(path: string, finding: Finding): string {
  const properties = {
    file: path,
    line: finding.line,
    endLine: finding.endLine,
    col: finding.column,
    endColumn: finding.endColumn,
    title: finding.ruleId,
  };
  return workflowCommand(COMMANDS[finding.severity], properties, finding.message);
}

function workflowCommand(name: string, properties: Properties, message: string): string {
  const list = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${name} ${list.join(',')}::${escapeData(message)}`;
}

/** As @actions/core escapes a command's message: `%`, CR and LF, so the command stays on one line. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As @actions/core escapes a property value: the message's escapes plus `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
