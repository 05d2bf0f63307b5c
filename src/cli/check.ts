import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { decodeArticle, formatSize } from '../article/decode.js';
import { analyze, reportOf, type Analysis, type CheckOptions, type Reference } from '../engine.js';
import { loadReference } from '../index.js';
import { formatStylish } from '../report/stylish.js';
import type { FileReport, Report, RuleSetting } from '../types.js';
import { InputError } from '../util/yaml.js';
import { listOption, parse, sizeOption, stringOption, UsageError, type Parsed } from './args.js';
import { expandPaths } from './files.js';
import { writeFileAtomic } from './output.js';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export const CHECK_OPTIONS = {
  date: { type: 'string' },
  format: { type: 'string', short: 'f' },
  reference: { type: 'string', multiple: true },
  'no-default-reference': { type: 'boolean' },
  rules: { type: 'string', multiple: true },
  rule: { type: 'string', multiple: true },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'max-file-size': { type: 'string' },
  'output-file': { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const;

const FORMATS = ['stylish', 'json'] as const;

export interface FileError {
  path: string;
  message: string;
}

export interface Run {
  reference: Reference;
  report: Report;
  errors: FileError[];
  analyses: Map<string, Analysis>;
}

export function referenceFrom(values: Parsed['values'], cwd: string): Reference {
  return loadReference({ paths: listOption(values, 'reference'), noDefault: values['no-default-reference'] === true, rulePaths: listOption(values, 'rules'), cwd });
}

export function ruleOverrides(values: Parsed['values']): Record<string, RuleSetting> {
  const overrides: Record<string, RuleSetting> = {};
  for (const setting of listOption(values, 'rule')) {
    const match = /^([a-z][a-z0-9-]*)=(error|warning|info|off)$/.exec(setting.trim());
    if (!match?.[1] || !match[2]) throw new UsageError(`--rule "${setting}": use rule-id=error|warning|info|off`);
    overrides[match[1]] = match[2] as RuleSetting;
  }
  return overrides;
}

/** Check every article the arguments name; per-file problems are collected, not thrown. */
export function runCheck(values: Parsed['values'], positionals: readonly string[], cwd: string, keepAnalyses = false): Run {
  const reference = referenceFrom(values, cwd);
  const overrides = ruleOverrides(values);
  for (const id of Object.keys(overrides)) {
    if (!reference.rules.some((r) => r.id === id)) throw new UsageError(`--rule ${id}: no such rule (rules: ${reference.rules.map((r) => r.id).join(', ')})`);
  }
  const maxSize = sizeOption(stringOption(values, 'max-file-size'), DEFAULT_MAX_FILE_SIZE);
  const date = stringOption(values, 'date');
  const base: Omit<CheckOptions, 'filename'> = { reference, rules: overrides, ...(date !== undefined ? { date } : {}) };
  const useStdin = values.stdin === true || positionals.includes('-');
  const paths = positionals.filter((p) => p !== '-');
  if (!useStdin && paths.length === 0) throw new UsageError('nothing to check: give files, folders or globs, or --stdin');
  const files: FileReport[] = [];
  const errors: FileError[] = [];
  const analyses = new Map<string, Analysis>();
  const checkOne = (path: string, bytes: Uint8Array) => {
    const decoded = decodeArticle(bytes, maxSize);
    if (!decoded.ok) {
      errors.push({ path, message: `${path}: ${decoded.message}` });
      return;
    }
    try {
      const analysis = analyze(decoded.text, { ...base, filename: path });
      files.push(analysis.report);
      if (keepAnalyses) analyses.set(path, analysis);
    } catch (error) {
      if (!(error instanceof InputError) || !error.file) throw error;
      errors.push({ path, message: error.describe() });
    }
  };
  if (useStdin) checkOne(stringOption(values, 'stdin-filename') ?? '<stdin>', readFileSync(0));
  for (const file of expandPaths(paths, cwd)) {
    const rel = relative(cwd, file);
    const path = rel && !rel.startsWith('..') ? rel : file;
    const bytes = readArticleBytes(resolve(cwd, file), path, maxSize, errors);
    if (bytes) checkOne(path, bytes);
  }
  return { reference, report: { ...reportOf(files), ...(errors.length ? { errors } : {}) }, errors, analyses };
}

function readArticleBytes(file: string, path: string, maxSize: number, errors: FileError[]): Uint8Array | null {
  try {
    const size = statSync(file).size;
    if (size > maxSize) {
      errors.push({ path, message: `${path}: file is ${formatSize(size)}, over the ${formatSize(maxSize)} limit (raise it with --max-file-size)` });
      return null;
    }
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    errors.push({ path, message: `${path}: cannot read (${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : (code ?? 'unknown error')})` });
    return null;
  }
}

export function checkCommand(args: readonly string[], cwd: string): number {
  const { values, positionals } = parse(args, CHECK_OPTIONS);
  const format = stringOption(values, 'format') ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${format}: use one of ${FORMATS.join(', ')}`);
  const run = runCheck(values, positionals, cwd);
  for (const error of run.errors) process.stderr.write(`factlint: ${error.message}\n`);
  const color = values['no-color'] ? false : values.color === true || (process.stdout.isTTY === true && !process.env.NO_COLOR);
  const output = format === 'json' ? `${JSON.stringify(run.report, null, 2)}\n` : formatStylish(run.report, { color: color && !values['output-file'] });
  const outputFile = stringOption(values, 'output-file');
  if (outputFile) writeFileAtomic(resolve(cwd, outputFile), output);
  else process.stdout.write(output);
  if (run.errors.length > 0) return 2;
  return run.report.summary.errors > 0 ? 1 : 0;
}
