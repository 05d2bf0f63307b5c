import { dateFromSpec, inferDate, noDate, timestampDay, type ArticleDate } from './date.js';
import type { Prose } from './markdown.js';
import type { DateSourceName } from '../config/config.js';
import type { RuleOverrides } from '../rules/rule.js';
import type { RuleSetting } from '../types.js';
import { InputError } from '../util/errors.js';

/** The article's date: `--date` (or the API's `date`) first, else the first of `sources` that gives one. */
export function articleDate(
  cli: string | undefined,
  frontMatterDate: unknown,
  prose: Prose,
  filename: string,
  sources: readonly DateSourceName[],
): ArticleDate {
  if (cli !== undefined) {
    const date = dateFromSpec(cli, 'cli');
    if (!date) throw new InputError(`--date "${cli}" is not a date: use YYYY-MM-DD, YYYY-MM, YYYY or an interval A/B`);
    return date;
  }
  for (const source of sources) {
    const date =
      source === 'front-matter'
        ? fromFrontMatter(frontMatterDate, filename)
        : source === 'filename'
          ? fromFilename(filename)
          : inferDate(prose.text);
    if (date) return date;
  }
  return noDate();
}

function fromFrontMatter(value: unknown, filename: string): ArticleDate | null {
  if (value === undefined || value === null || value === '') return null;
  const spec = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  const date = dateFromSpec(timestampDay(spec) ?? spec, 'front-matter');
  if (!date)
    throw new InputError(
      `front matter date "${spec}" is not a date: use YYYY-MM-DD, YYYY-MM, YYYY, an interval A/B or a timestamp`,
      filename,
      2,
      1,
    );
  return date;
}

/** A YYYY-MM-DD in the file's name ("nyt_2016-09-08_obama.txt"). */
function fromFilename(filename: string): ArticleDate | null {
  const match = /(?:^|[^\d])(\d{4}-\d{2}-\d{2})(?:[^\d]|$)/.exec(filename.split(/[\\/]/).pop() ?? '');
  const date = match?.[1] ? dateFromSpec(match[1], 'filename') : null;
  return date;
}

export interface ArticleSettings {
  date?: unknown;
  rules: RuleOverrides;
}

/** The per-article `factlint:` key of the front matter: `{date, rules: {rule-id: off}}`. */
export function articleSettings(data: Record<string, unknown> | undefined, filename: string): ArticleSettings {
  const value = data?.factlint;
  if (value === undefined || value === null) return { rules: {} };
  if (typeof value !== 'object' || Array.isArray(value))
    throw new InputError(
      'front matter "factlint" must be a mapping, e.g. factlint: {rules: {title-holder: off}}',
      filename,
      2,
      1,
    );
  const settings = value as Record<string, unknown>;
  const unknown = Object.keys(settings).find((key) => key !== 'date' && key !== 'rules');
  if (unknown)
    throw new InputError(`front matter factlint.${unknown}: unknown key (use date or rules)`, filename, 2, 1);
  const rules: Record<string, RuleSetting> = {};
  const given = settings.rules ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given))
    throw new InputError(
      'front matter factlint.rules must map rule ids to error, warning, info or off',
      filename,
      2,
      1,
    );
  for (const [id, level] of Object.entries(given)) {
    if (level !== 'error' && level !== 'warning' && level !== 'info' && level !== 'off')
      throw new InputError(`front matter factlint.rules.${id}: use error, warning, info or off`, filename, 2, 1);
    rules[id] = level;
  }
  return { date: settings.date, rules };
}
