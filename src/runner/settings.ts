import { createHash } from 'node:crypto';
import type { Config } from '../config/config.js';
import type { CheckOptions, Reference } from '../engine.js';
import { loadReference } from '../index.js';
import { InputError } from '../util/errors.js';
import { VERSION } from '../version.js';

/** What a check run needs, worked out once from the config file and the flags; serialisable for worker threads. */
export interface Settings {
  config: Config;
  cwd: string;
  /** --date, when given. */
  date: string | null;
  reportUnusedDirectives: boolean;
}

export function referenceOf(settings: Settings): Reference {
  const { config, cwd } = settings;
  const reference = loadReference({
    paths: config.reference,
    noDefault: !config.defaultReference,
    rulePaths: config.rulePaths,
    houseStyle: config.houseStyle,
    maxTableSize: config.maxTableSize,
    cwd,
  });
  for (const id of Object.keys(config.rules)) {
    if (reference.rules.some((r) => r.id === id)) continue;
    const where = config.file ? 'the configuration' : '--rule';
    const known = reference.rules.map((r) => r.id).join(', ');
    throw new InputError(`rule "${id}" in ${where} does not exist (rules: ${known})`);
  }
  return reference;
}

export function checkOptionsOf(settings: Settings, reference: Reference): Omit<CheckOptions, 'filename'> {
  const { config } = settings;
  return {
    reference,
    rules: config.rules,
    allow: config.allow,
    dateSources: config.dateSources,
    reportUnusedDirectives: settings.reportUnusedDirectives,
    ...(settings.date !== null ? { date: settings.date } : {}),
  };
}

/** Everything besides an article's text that decides its report: for the results cache. */
export function settingsKey(settings: Settings, reference: Reference, version = VERSION): string {
  const { config } = settings;
  const relevant = {
    version,
    table: reference.table.fingerprint,
    rules: reference.rules.map((r) => [r.id, r.kind, r.severity, r.message, r.options]),
    overrides: config.rules,
    allow: config.allow,
    dateSources: config.dateSources,
    date: settings.date,
    unused: settings.reportUnusedDirectives,
  };
  return createHash('sha256').update(JSON.stringify(relevant)).digest('hex').slice(0, 32);
}
