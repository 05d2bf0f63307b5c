import { describeTerm } from '../reference/query.js';
import { loadTable } from '../reference/load.js';
import { findPeople, lintTable, tableStats, whoHeld } from '../reference/tools.js';
import type { Table } from '../reference/table.js';
import { formatDay, parseDateSpec } from '../util/dates.js';
import { listOption, parse, stringOption, UsageError } from './args.js';
import { standardOutput } from '../runner/output.js';

const TABLE_OPTIONS = {
  reference: { type: 'string', multiple: true },
  'no-default-reference': { type: 'boolean' },
  date: { type: 'string' },
  format: { type: 'string', short: 'f' },
  'gap-days': { type: 'string' },
} as const;

const SUBCOMMANDS = ['lint', 'who', 'person', 'stats'] as const;
const EXAMPLE = 'factlint table who "German Chancellor" --date 2026-01-07';

/** `factlint table lint|who|person|stats`: tools for keeping the reference table right. */
export function tableCommand(args: readonly string[], cwd: string): number {
  const [sub, ...rest] = args;
  const { values, positionals } = parse(rest, TABLE_OPTIONS);
  const today = Math.floor(Date.now() / 86_400_000);
  const json = stringOption(values, 'format') === 'json';
  const paths = sub === 'lint' ? positionals : [];
  const table = loadTable({
    paths: [...listOption(values, 'reference'), ...paths],
    noDefault: values['no-default-reference'] === true || (sub === 'lint' && paths.length > 0),
    cwd,
    cache: false,
  });
  switch (sub) {
    case 'lint':
      return lint(table, today, Number(stringOption(values, 'gap-days') ?? 45), json);
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

function lint(table: Table, today: number, gapDays: number, json: boolean): number {
  if (!Number.isFinite(gapDays) || gapDays < 0) throw new UsageError('--gap-days: use a number of days');
  const problems = lintTable(table, { today, gapDays });
  if (json) print(JSON.stringify(problems, null, 2));
  else {
    for (const p of problems) print(`${p.file}:${p.line}  ${p.severity.padEnd(7)}  ${p.message}`);
    const errors = problems.filter((p) => p.severity === 'error').length;
    const checked = `${table.offices.size} offices, ${table.people.size} people checked`;
    print(`${checked}: ${errors} errors, ${problems.length - errors} warnings`);
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
  print(`${s.offices} offices, ${s.people} people, ${s.terms} terms`);
  print('country   offices  people  terms  from');
  for (const c of s.byCountry) {
    const counts = [String(c.offices).padStart(8), String(c.people).padStart(7), String(c.terms).padStart(6)];
    print(`${c.country.padEnd(8)} ${counts.join(' ')}  ${c.from ?? ''}`);
  }
  print('offices with a recorded holder on 1 July of each year:');
  print(s.byYear.map((y) => `${y.year}: ${y.offices}`).join('  '));
  return 0;
}
