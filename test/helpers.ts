import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, type Analysis, type CheckOptions } from '../src/engine.js';
import { compileTable } from '../src/reference/compile.js';
import type { Table } from '../src/reference/table.js';
import { loadRules } from '../src/rules/load.js';
import type { Rule } from '../src/rules/rule.js';
import { loadTable } from '../src/reference/load.js';

export const ROOT = join(import.meta.dirname, '..');

let shippedRules: Rule[] | null = null;
export function rules(): Rule[] {
  shippedRules ??= loadRules();
  return shippedRules;
}

let shippedTable: Table | null = null;
export function shipped(): Table {
  shippedTable ??= loadTable({ cache: false });
  return shippedTable;
}

let fixture: Table | null = null;
/** A small hand-written table (test/fixtures/table.yml) so unit tests do not depend on the shipped one. */
export function fixtureTable(): Table {
  fixture ??= tableFrom(readFileSync(join(ROOT, 'test/fixtures/table.yml'), 'utf8'));
  return fixture;
}

export function tableFrom(yaml: string, file = 'table.yml'): Table {
  return compileTable([{ file, text: yaml, root: 'test' }]);
}

export function run(text: string, options: Partial<CheckOptions> & { table?: Table } = {}): Analysis {
  const { table, ...rest } = options;
  return analyze(text, { reference: { table: table ?? fixtureTable(), rules: rules() }, format: 'text', ...rest });
}

/** The findings of one rule: [text, message] pairs. */
export function findings(analysis: Analysis, ruleId?: string): { text: string; message: string; ruleId: string }[] {
  return analysis.report.findings
    .filter((f) => !ruleId || f.ruleId === ruleId)
    .map((f) => ({ text: f.text, message: f.message, ruleId: f.ruleId }));
}

/** Each quote's text (without marks) and its speaker's resolved name (or words). */
export function speakers(analysis: Analysis): { quote: string; speaker: string | null; via: string | null }[] {
  return analysis.report.quotes.map((q) => ({
    quote: q.text.replace(/^[“"‘']|[”"’']$/g, ''),
    speaker: q.speaker ? (q.speaker.name ?? q.speaker.text) : null,
    via: q.speaker?.via ?? null,
  }));
}

export const CLI = join(ROOT, 'dist/cli.js');

/** An article whose only finding is a house-style spelling `--fix` mends, and the article fixed. */
export const SPELLING =
  '---\ndate: 2026-01-07\n---\nVolodymyr Zelensky arrived in Paris.\n\n' +
  'Ukrainian President Volodymyr Zelenskyy said he was ready. “We are ready,” Zelenskyy said.\n';
export const FIXED = SPELLING.replace('Volodymyr Zelensky arrived', 'Volodymyr Zelenskyy arrived');

/** Run the built CLI; stdout and stderr as text. */
export function runCli(
  args: string[],
  options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {},
) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    maxBuffer: 1 << 30,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder holding these files. */
export function workdir(files: Record<string, string | Buffer>, prefix = 'factlint-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
