import { resolve } from 'node:path';
import { defaultConfig, parseSize, type Config } from '../config/config.js';
import { findConfig, loadConfig } from '../config/load.js';
import type { Settings } from '../runner/settings.js';
import type { RuleSetting } from '../types.js';
import { parseDateSpec } from '../util/dates.js';
import { listOption, stringOption, UsageError, type Parsed } from './args.js';

export const CHECK_OPTIONS = {
  date: { type: 'string' },
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  reference: { type: 'string', multiple: true },
  'no-default-reference': { type: 'boolean' },
  rules: { type: 'string', multiple: true },
  rule: { type: 'string', multiple: true },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'max-file-size': { type: 'string' },
  'max-table-size': { type: 'string' },
  'output-file': { type: 'string', short: 'o' },
  'ignore-pattern': { type: 'string', multiple: true },
  'no-ignore': { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  'fail-on': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'report-unused-directives': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const;

/** The config file (found upward, --config, or none with --no-config), then flags on top. */
export function resolveSettings(values: Parsed['values'], cwd: string): Settings {
  const config = values['no-config'] === true ? defaultConfig() : configFrom(stringOption(values, 'config'), cwd);
  config.reference.push(...listOption(values, 'reference').map((p) => resolve(cwd, p)));
  if (values['no-default-reference'] === true) config.defaultReference = false;
  config.rulePaths.push(...listOption(values, 'rules').map((p) => resolve(cwd, p)));
  Object.assign(config.rules, ruleOverrides(values));
  config.ignorePatterns.push(...listOption(values, 'ignore-pattern'));
  const size = stringOption(values, 'max-file-size');
  if (size !== undefined) {
    const bytes = parseSize(size);
    if (bytes === null) throw new UsageError(`--max-file-size "${size}": use a size like 5MB or 500KB`);
    config.maxFileSize = bytes;
  }
  const tableSize = stringOption(values, 'max-table-size');
  if (tableSize !== undefined) {
    const bytes = parseSize(tableSize);
    if (bytes === null) throw new UsageError(`--max-table-size "${tableSize}": use a size like 64MB or 200MB`);
    config.maxTableSize = bytes;
  }
  const date = stringOption(values, 'date') ?? null;
  if (date !== null && !parseDateSpec(date))
    throw new UsageError(`--date "${date}" is not a date: use YYYY-MM-DD, YYYY-MM, YYYY or an interval A/B`);
  return { config, cwd, date, reportUnusedDirectives: values['report-unused-directives'] === true };
}

function configFrom(given: string | undefined, cwd: string): Config {
  const file = given === undefined ? findConfig(cwd) : resolve(cwd, given);
  return file ? loadConfig(file, cwd) : defaultConfig();
}

function ruleOverrides(values: Parsed['values']): Record<string, RuleSetting> {
  const overrides: Record<string, RuleSetting> = {};
  for (const setting of listOption(values, 'rule')) {
    const match = /^([a-z][a-z0-9-]*)=(error|warning|info|off)$/.exec(setting.trim());
    if (!match?.[1] || !match[2]) throw new UsageError(`--rule "${setting}": use rule-id=error|warning|info|off`);
    overrides[match[1]] = match[2] as RuleSetting;
  }
  return overrides;
}
