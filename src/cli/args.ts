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
