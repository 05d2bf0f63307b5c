/**
 * factlint's library API.
 *
 *   import { check, loadReference } from 'factlint';
 *   const reference = loadReference();
 *   const report = check(text, { reference, date: '2026-01-07' });
 */
import { loadTable, type LoadTableOptions } from './reference/load.js';
import { loadRules } from './rules/load.js';
import type { Reference } from './engine.js';

export { check, analyze, reportOf, type CheckOptions, type Reference, type Analysis } from './engine.js';
export { compileTable, type TableSource, type CompileOptions } from './reference/compile.js';
export { compileRules, type RuleSource } from './rules/load.js';
export type { Table, Office, Person, Term } from './reference/table.js';
export type { Rule, RuleOverrides } from './rules/rule.js';
export { InputError } from './util/errors.js';
export { VERSION } from './version.js';
export type * from './types.js';

export interface LoadReferenceOptions extends LoadTableOptions {
  /** Extra rule files or folders, after the shipped `rules/*.yml`. */
  rulePaths?: readonly string[];
}

/** Load and compile the reference table (shipped and extra) and the rules. Reads files; do it once. */
export function loadReference(options: LoadReferenceOptions = {}): Reference {
  return { table: loadTable(options), rules: loadRules(options.rulePaths ?? [], options.cwd) };
}
