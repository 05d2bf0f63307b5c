import type { RuleSetting } from '../types.js';

export type DateSourceName = 'front-matter' | 'filename' | 'text';

/** The configuration a run uses: defaults, then the config file, then command-line flags. */
export interface Config {
  /** The config file it came from, or null. */
  file: string | null;
  reference: string[];
  defaultReference: boolean;
  rulePaths: string[];
  rules: Record<string, RuleSetting>;
  houseStyle: Record<string, string>;
  dateSources: DateSourceName[];
  ignorePatterns: string[];
  allow: Record<string, string[]>;
  maxFileSize: number;
  /** The reference table's files may add up to this many bytes; a larger table is refused. */
  maxTableSize: number;
}

export const DEFAULT_DATE_SOURCES: DateSourceName[] = ['front-matter', 'text'];
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
export const DEFAULT_MAX_TABLE_SIZE = 64 * 1024 * 1024;

export function defaultConfig(): Config {
  return {
    file: null,
    reference: [],
    defaultReference: true,
    rulePaths: [],
    rules: {},
    houseStyle: {},
    dateSources: [...DEFAULT_DATE_SOURCES],
    ignorePatterns: [],
    allow: {},
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    maxTableSize: DEFAULT_MAX_TABLE_SIZE,
  };
}

/** "5MB", "500KB", 1048576 → bytes; null when not a size. */
export function parseSize(value: string | number): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(value.trim());
  if (!match) return null;
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'g' ? 1024 ** 3 : unit === 'm' ? 1024 ** 2 : unit === 'k' ? 1024 : 1;
  return Math.floor(Number(match[1]) * factor);
}
