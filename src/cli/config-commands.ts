import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readFrontMatter } from '../article/frontmatter.js';
import { STARTER_CONFIG } from '../config/load.js';
import { InputError } from '../util/errors.js';
import { parse, UsageError } from './args.js';
import { ignoreFilter } from '../runner/files.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { standardOutput } from '../runner/output.js';
import { CHECK_OPTIONS, resolveSettings } from './settings.js';

/**
 * `factlint print-config <file>`: the configuration that applies to that file, after the config
 * file, flags and its front matter.
 */
export function printConfigCommand(args: readonly string[], cwd: string): number {
  const { values, positionals } = parse(args, CHECK_OPTIONS);
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError('factlint print-config <file>');
  const settings = resolveSettings(values, cwd);
  const { config } = settings;
  const path = resolve(cwd, file);
  const article = articleSettings(path, file);
  const ignored = ignoreFilter(cwd, config.ignorePatterns, values['no-ignore'] !== true)(relative(cwd, path));
  const effective = {
    file: relative(cwd, path) || path,
    configFile: config.file ? relative(cwd, config.file) || config.file : null,
    ignored,
    date:
      settings.date ?? (article.date === undefined ? { sources: config.dateSources } : { frontMatter: article.date }),
    reference: { shipped: config.defaultReference, extra: config.reference.map((p) => relative(cwd, p) || p) },
    rulePaths: config.rulePaths.map((p) => relative(cwd, p) || p),
    rules: { ...config.rules, ...article.rules },
    houseStyle: config.houseStyle,
    allow: config.allow,
    ignorePatterns: config.ignorePatterns,
    maxFileSize: config.maxFileSize,
    maxTableSize: config.maxTableSize,
  };
  standardOutput().write(`${JSON.stringify(effective, null, 2)}\n`);
  return 0;
}

function articleSettings(path: string, shown: string): { date?: unknown; rules: Record<string, unknown> } {
  if (!existsSync(path)) throw new InputError(`${shown}: no such file`);
  if (!/\.(md|markdown)$/i.test(path)) return { rules: {} };
  const front = readFrontMatter(readFileSync(path, 'utf8'), shown);
  const own = (front?.data.factlint ?? {}) as { date?: unknown; rules?: Record<string, unknown> };
  const date = own.date ?? front?.data.date;
  return { ...(date !== undefined ? { date } : {}), rules: { ...(own.rules ?? {}) } };
}

export const INIT_OPTIONS = { force: { type: 'boolean' } } as const;

/** `factlint init`: a commented starter `.factlintrc.yml` in the working folder. */
export function initCommand(args: readonly string[], cwd: string): number {
  const { values } = parse(args, INIT_OPTIONS);
  const file = join(cwd, '.factlintrc.yml');
  if (existsSync(file) && values.force !== true)
    throw new UsageError('.factlintrc.yml already exists (use --force to overwrite it)');
  writeFileAtomic(file, STARTER_CONFIG);
  standardOutput().write(`wrote ${relative(cwd, file)}\n`);
  return 0;
}
