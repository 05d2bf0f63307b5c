import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../util/errors.js';

export class UsageError extends InputError {}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Strict argument parsing; a mistake is a one-line usage error. */
export function parse(args: readonly string[], options: Options): Parsed {
  try {
    const result = parseArgs({ args: [...args], options, allowPositionals: true, strict: true, allowNegative: false });
    return { values: result.values as Parsed['values'], positionals: result.positionals };
  } catch (error) {
    throw new UsageError(
      ((error as Error).message.split('\n')[0] ?? 'bad arguments').replace(/^Unknown option/, 'unknown option'),
    );
  }
}

export function stringOption(values: Parsed['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function listOption(values: Parsed['values'], name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

export function sizeOption(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(text.trim());
  if (!match) throw new UsageError(`--max-file-size "${text}": use a size like 5MB or 500KB`);
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'g' ? 1024 ** 3 : unit === 'm' ? 1024 ** 2 : unit === 'k' ? 1024 : 1;
  return Math.floor(Number(match[1]) * factor);
}
