import { describeTerm } from '../reference/query.js';
import { generateCommand } from './table-generate.js';
import { loadTable } from '../reference/load.js';
import {
  DEFAULT_GAP_DAYS,
  findPeople,
  lintTable,
  plural,
  tableStats,
  whoHeld,
  type LintProblem,
} from '../reference/tools.js';
import { InputError } from '../util/errors.js';
import type { Table } from '../reference/table.js';
import { formatDay, parseDateSpec } from '../util/dates.js';
import { listOption, parse, stringOption, UsageError } from './args.js';
import { standardOutput } from '../runner/output.js';

export const TABLE_OPTIONS = {
  reference: { type: 'string', multiple: true },
  'no-default-reference': { type: 'boolean' },
  date: { type: 'string' },
  format: { type: 'string', short: 'f' },
  'gap-days': { type: 'string' },
} as const;

const SUBCOMMANDS = ['lint', 'who', 'person', 'stats', 'generate'] as const;
const EXAMPLE = 'factlint table who "German Chancellor" --date 2026-01-07';

/** `factlint table lint|who|person|stats|generate`: tools for keeping the reference table right. */
export function tableCommand(args: readonly string[], cwd: string): number {
  const [sub, ...rest] = args;
  if (sub === 'generate') return generateCommand(rest, cwd);
  const { values, positionals } = parse(rest, TABLE_OPTIONS);
  const today = Math.floor(Date.now() / 86_400_000);
  const json = stringOption(values, 'format') === 'json';
  const paths = sub === 'lint' ? positionals : [];
  const load = () =>
    loadTable({
      paths: [...listOption(values, 'reference'), ...paths],
      noDefault: values['no-default-reference'] === true || (sub === 'lint' && paths.length > 0),
      cwd,
      cache: false,
    });
  if (sub === 'lint') return lint(load, today, Number(stringOption(values, 'gap-days') ?? DEFAULT_GAP_DAYS), json);
  const table = load();
  switch (sub) {
    case 'who':
      return who(table, positionals.join(' '), stringOption(values, 'date'), today, json);
    case 'person':
      return person(table, positionals.join(' '), json);
    case 'stats':
      return stats(table, today, json);
    default:
      throw new UsageError(`factlint table: use one of ${SUBCOMMANDS.join(', ')} (e.g. ${EXAMPLE})`);
  }
}

function print(text: string): void {
  standardOutput().write(text.endsWith('\n') ? text : `${text}\n`);
}

/**
 * A table that does not compile (a term that ends before it starts, a name two people
 * share) is one lint error at its place, not a crash: lint reports what it can.
 */
function lint(load: () => Table, today: number, gapDays: number, json: boolean): number {
  if (!Number.isFinite(gapDays) || gapDays < 0) throw new UsageError('--gap-days: use a number of days');
  let table: Table | null = null;
  let problems: LintProblem[];
  try {
    table = load();
    problems = lintTable(table, { today, gapDays });
  } catch (error) {
    if (!(error instanceof InputError) || error instanceof UsageError) throw error;
    problems = [{ severity: 'error', file: error.file ?? '', line: error.line ?? 0, message: error.message }];
  }
  if (json) print(JSON.stringify(problems, null, 2));
  else {
    for (const p of problems) print(`${p.file}:${p.line}  ${p.severity.padEnd(7)}  ${p.message}`);
    const count = (severity: LintProblem['severity']) => problems.filter((p) => p.severity === severity).length;
    const checked = table
      ? `${plural(table.offices.size, 'office')}, ${plural(table.people.size, 'person', 'people')} checked`
      : 'the table does not load';
    const counts = [
      plural(count('error'), 'error'),
      plural(count('warning'), 'warning'),
      plural(count('info'), 'note'),
    ];
    print(`${checked}: ${counts.join(', ')}`);
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

function who(table: Table, query: string, dateText: string | undefined, today: number, json: boolean): number {
  if (!query) throw new UsageError('factlint table who "<office or title>" [--date D]');
  const range = dateText === undefined ? { start: today, end: today } : parseDateSpec(dateText);
  if (!range) throw new UsageError(`--date "${dateText}" is not a date: use YYYY-MM-DD, YYYY-MM, YYYY or A/B`);
  const holdings = whoHeld(table, query, range);
  if (holdings.length === 0)
    throw new UsageError(
      `no office matches "${query}" (try an office id, its name, or a title such as "German Chancellor")`,
    );
  if (json) {
    print(
      JSON.stringify(
        holdings.map((h) => ({
          office: h.office.id,
          name: h.office.name,
          source: h.office.source,
          holders: h.terms.map((t) => ({
            person: t.personId,
            start: t.startText,
            end: t.endText,
            acting: t.acting,
            file: t.file,
            line: t.line,
          })),
        })),
        null,
        2,
      ),
    );
    return 0;
  }
  const when =
    range.start === range.end ? formatDay(range.start) : `${formatDay(range.start)} to ${formatDay(range.end)}`;
  for (const { office, terms } of holdings) {
    print(`${office.name} [${office.id}] on ${when}:`);
    if (terms.length === 0) print('  no holder recorded');
    for (const term of terms) print(`  ${term.personId}, ${describeTerm(term)}  (${term.file}:${term.line})`);
    if (office.source) print(`  source: ${office.source}`);
  }
  return 0;
}

function person(table: Table, query: string, json: boolean): number {
  if (!query) throw new UsageError('factlint table person "<name>"');
  const people = findPeople(table, query);
  if (people.length === 0) throw new UsageError(`no person in the table is called "${query}"`);
  const rows = people.map((p) => ({ person: p, terms: table.termsByPerson.get(p.id) ?? [] }));
  if (json) {
    print(
      JSON.stringify(
        rows.map(({ person: p, terms }) => ({
          name: p.name,
          variants: p.variants,
          died: p.diedText,
          terms: terms.map((t) => ({
            office: t.officeId,
            name: table.offices.get(t.officeId)?.name,
            start: t.startText,
            end: t.endText,
            acting: t.acting,
          })),
        })),
        null,
        2,
      ),
    );
    return 0;
  }
  for (const { person: p, terms } of rows) {
    const also = p.variants.length ? ` (also ${p.variants.join(', ')})` : '';
    print(`${p.name}${also}${p.diedText ? `, died ${p.diedText}` : ''}`);
    if (terms.length === 0) print('  no offices in the table');
    for (const t of terms) {
      const office = table.offices.get(t.officeId)?.name ?? t.officeId;
      print(`  ${office} [${t.officeId}]: ${describeTerm(t)}  (${t.file}:${t.line})`);
    }
  }
  return 0;
}

function stats(table: Table, today: number, json: boolean): number {
  const s = tableStats(table, today);
  if (json) {
    print(JSON.stringify(s, null, 2));
    return 0;
  }
  print(`${plural(s.offices, 'office')}, ${plural(s.people, 'person', 'people')}, ${plural(s.terms, 'term')}`);
  print('country   offices  people  terms  from');
  for (const c of s.byCountry) {
    const counts = [String(c.offices).padStart(8), String(c.people).padStart(7), String(c.terms).padStart(6)];
    print(`${c.country.padEnd(8)} ${counts.join(' ')}  ${c.from ?? ''}`);
  }
  print('offices with a recorded holder on 1 July of each year:');
  print(s.byYear.map((y) => `${y.year}: ${y.offices}`).join('  '));
  return 0;
}
