import { describe, expect, it, vi } from 'vitest';
import { tableCommand } from '../../src/cli/table.js';
import { findOffices, findPeople, lintTable, tableStats, whoHeld } from '../../src/reference/tools.js';
import { dayOf, parseDateSpec } from '../../src/util/dates.js';
import { fixtureTable, tableFrom, workdir } from '../helpers.js';

const today = dayOf(2026, 11, 26);

describe('table lint', () => {
  it('finds overlaps, gaps, future starts, open terms and terms after death', () => {
    const table = tableFrom(`offices:
  x-pm:
    name: PM of X
    country: GB
    titles: [PM]
    holders:
      - {person: Ann Alpha, start: 2000-01-01, end: 2005-06-01}
      - {person: Bob Beta, start: 2005-05-01, end: 2008-01-01}
      - {person: Cid Gamma, start: 2009-01-01}
      - {person: Dee Delta, start: 2010-01-01}
      - {person: Eve Epsilon, start: 2027-01-01}
  x-envoy:
    name: Envoy
    country: GB
    titles: [Envoy]
    concurrent: true
    holders:
      - {person: Ann Alpha, start: 2000-01-01}
      - {person: Bob Beta, start: 2000-01-01}
people:
  Cid Gamma: {died: 2008-06-01}
`);
    const messages = lintTable(table, { today, gapDays: 45 }).map((p) => `${p.line} ${p.severity} ${p.message}`);
    expect(messages).toEqual([
      '8 error x-pm: Bob Beta (2005-05-01 to 2008-01-01) overlaps Ann Alpha (2000-01-01 to 2005-06-01) by 31 days',
      '9 error x-pm: Cid Gamma starts a term (2009-01-01) after dying (2008-06-01)',
      '9 warning x-pm: no holder for 366 days between Bob Beta (to 2008-01-01) and Cid Gamma (from 2009-01-01): a vacancy (say so under vacancies:), or a missing holder?',
      '10 error x-pm: 3 holders without an end date (Cid Gamma, Dee Delta, Eve Epsilon)',
      '11 error x-pm: Eve Epsilon starts in the future (2027-01-01)',
    ]);
  });

  it('catches a long term that overlaps holders after its next one, not only its neighbour', () => {
    const table = tableFrom(`offices:
  x-pm:
    name: PM of X
    titles: [PM]
    holders:
      - {person: Ann Alpha, start: 2000-01-01, end: 2010-01-01}
      - {person: Bob Beta, start: 2001-01-01, end: 2002-01-01}
      - {person: Cid Gamma, start: 2003-01-01, end: 2004-01-01}
      - {person: Dee Delta, start: 2010-01-01}
`);
    expect(lintTable(table, { today }).map((p) => `${p.line} ${p.message}`)).toEqual([
      '7 x-pm: Bob Beta (2001-01-01 to 2002-01-01) overlaps Ann Alpha (2000-01-01 to 2010-01-01) by 365 days',
      '8 x-pm: Cid Gamma (2003-01-01 to 2004-01-01) overlaps Ann Alpha (2000-01-01 to 2010-01-01) by 365 days',
    ]);
  });

  it('warns of a gap of more than a year by default, unless it is a vacancy or the list is not complete then', () => {
    const office = (id: string, extra: string, gapStart: string) => `
  ${id}:
    name: ${id}
    titles: []${extra}
    holders:
      - {person: Ann ${id}, start: 2000-01-01, end: ${gapStart}}
      - {person: Bob ${id}, start: 2003-01-01}`;
    const table =
      tableFrom(`offices:${office('x-long', '', '2001-06-01')}${office('x-short', '', '2002-06-01')}${office(
        'x-vacant',
        '\n    vacancies: [{start: 2001-06-01, end: 2003-01-01}]',
        '2001-06-01',
      )}${office('x-partial', '\n    complete: {from: 2002-06-01}', '2001-06-01')}${office(
        'x-never',
        '\n    complete: false',
        '2001-06-01',
      )}
`);
    expect(lintTable(table, { today }).map((p) => `${p.severity} ${p.message}`)).toEqual([
      'warning x-long: no holder for 579 days between Ann x-long (to 2001-06-01) and Bob x-long (from 2003-01-01): a vacancy (say so under vacancies:), or a missing holder?',
    ]);
  });

  it('reports one person in two offices no one can hold together, and allows real dual roles', () => {
    const table = tableFrom(`offices:
  gb-prime-minister:
    name: PM
    country: GB
    titles: [PM]
    holders:
      - {person: Ann Alpha, start: 2000-01-01, end: 2005-01-01}
  gb-leader-of-the-opposition:
    name: Leader of the Opposition
    country: GB
    titles: [Leader of the Opposition]
    holders:
      - {person: Bob Beta, start: 1997-01-01, end: 2000-01-01}
      - {person: Ann Alpha, start: 2004-06-01, end: 2007-01-01}
  ie-prime-minister:
    name: Taoiseach
    country: IE
    titles: [Taoiseach]
    holders:
      - {person: Ann Alpha, start: 2004-12-01, end: 2006-01-01}
  gb-labour-party-leader:
    name: Leader of the Labour Party
    country: GB
    titles: [Labour leader]
    holders:
      - {person: Ann Alpha, start: 1998-01-01, end: 2007-01-01}
      - {person: Cid Gamma, start: 2007-01-01}
  gb-green-party-leader:
    name: Leader of the Green Party
    country: GB
    titles: [Green leader]
    concurrent: true
    holders:
      - {person: Cid Gamma, start: 2006-01-01, end: 2008-01-01}
  gb-speaker-of-the-house-of-commons:
    name: Speaker
    country: GB
    titles: [Speaker]
    holders:
      - {person: Dee Delta, start: 2000-01-01}
  gb-shadow-chancellor:
    name: Shadow Chancellor
    country: GB
    titles: [Shadow Chancellor]
    holders:
      - {person: Eve Epsilon, start: 2000-01-01, end: 2002-03-01}
  gb-chancellor:
    name: Chancellor
    country: GB
    titles: [Chancellor]
    holders:
      - {person: Eve Epsilon, start: 2002-01-01, end: 2004-01-01}
  gb-conservative-party-leader:
    name: Leader of the Conservative Party
    country: GB
    titles: [Tory leader]
    holders:
      - {person: Dee Delta, start: 2004-01-01, end: 2004-06-01}
  gb-lord-chancellor:
    name: Lord Chancellor
    country: GB
    titles: [Lord Chancellor]
    holders:
      - {person: Eve Epsilon, start: 2003-01-01, end: 2004-01-01}
  us-speaker-of-the-house:
    name: Speaker of the US House
    country: US
    titles: [Speaker]
    holders:
      - {person: Bob Beta, start: 1998-01-01, end: 1999-01-01}
`);
    const exclusive = lintTable(table, { today, gapDays: 100_000 })
      .filter((p) => p.severity === 'error')
      .map((p) => p.message);
    expect(exclusive.sort()).toEqual([
      'Ann Alpha holds gb-leader-of-the-opposition (2004-06-01 to 2007-01-01) and gb-prime-minister (2000-01-01 to 2005-01-01) at once for 214 days: the head of government does not also sit in opposition',
      'Ann Alpha holds ie-prime-minister (2004-12-01 to 2006-01-01) and gb-prime-minister (2000-01-01 to 2005-01-01) at once for 31 days: no one heads the governments of two countries',
      'Cid Gamma holds gb-labour-party-leader (since 2007-01-01) and gb-green-party-leader (2006-01-01 to 2008-01-01) at once for 365 days: no one leads two parties at once',
      'Dee Delta holds gb-conservative-party-leader (2004-01-01 to 2004-06-01) and gb-speaker-of-the-house-of-commons (since 2000-01-01) at once for 152 days: the Speaker holds no government, opposition or party office',
      'Eve Epsilon holds gb-chancellor (2002-01-01 to 2004-01-01) and gb-shadow-chancellor (2000-01-01 to 2002-03-01) at once for 59 days: a shadow post does not go with the office it shadows',
    ]);
  });

  it('lists titles two offices of one country share, a region counting as its country', () => {
    const table = tableFrom(`offices:
  gb-health-secretary: {name: Health Secretary, country: GB, titles: [Health Secretary, Health Minister], holders: []}
  gb-health-minister: {name: Health minister, country: GB, titles: [health minister], holders: []}
  gb-sct-first-minister: {name: First Minister of Scotland, country: GB-SCT, titles: [First Minister], holders: []}
  gb-wls-first-minister: {name: First Minister of Wales, country: GB-WLS, titles: [First Minister], holders: []}
  ie-health-minister: {name: Irish health minister, country: IE, titles: [Health Minister], holders: []}
`);
    expect(lintTable(table, { today }).map((p) => `${p.severity} ${p.message}`)).toEqual([
      'info title "Health Minister" names 2 offices of GB: gb-health-secretary, gb-health-minister (a claim is right when the person held any of them)',
      'info title "First Minister" names 2 offices of GB: gb-sct-first-minister, gb-wls-first-minister (a claim is right when the person held any of them)',
    ]);
  });

  it('accepts handovers on one day and a clean table', () => {
    expect(lintTable(fixtureTable(), { today }).filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('table who and person', () => {
  it('finds offices by id, name, title and country word', () => {
    const table = fixtureTable();
    expect(findOffices(table, 'de-chancellor').map((o) => o.id)).toEqual(['de-chancellor']);
    expect(findOffices(table, 'Chancellor of Germany').map((o) => o.id)).toEqual(['de-chancellor']);
    expect(
      findOffices(table, 'Chancellor')
        .map((o) => o.id)
        .sort(),
    ).toEqual(['de-chancellor', 'gb-chancellor-of-the-exchequer']);
    expect(findOffices(table, 'German Chancellor').map((o) => o.id)).toEqual(['de-chancellor']);
    expect(findOffices(table, "Britain's Chancellor").map((o) => o.id)).toEqual(['gb-chancellor-of-the-exchequer']);
  });

  it('says who held an office on a date or in an interval', () => {
    const held = (query: string, date: string) =>
      whoHeld(fixtureTable(), query, parseDateSpec(date) ?? { start: 0, end: 0 }).flatMap((h) =>
        h.terms.map((t) => `${h.office.id}: ${t.personId}`),
      );
    expect(held('German Chancellor', '2026-01-07')).toEqual(['de-chancellor: Friedrich Merz']);
    expect(held('German Chancellor', '2025')).toEqual(['de-chancellor: Olaf Scholz', 'de-chancellor: Friedrich Merz']);
  });

  it('finds people by name, variant or surname', () => {
    expect(findPeople(fixtureTable(), 'Zelensky').map((p) => p.name)).toEqual(['Volodymyr Zelenskyy']);
    expect(findPeople(fixtureTable(), 'Gerhard Schroeder').map((p) => p.name)).toEqual(['Gerhard Schröder']);
    expect(findPeople(fixtureTable(), 'Nobody Atall')).toEqual([]);
  });
});

describe('table stats', () => {
  it('counts offices, people, terms, by country and by year', () => {
    const stats = tableStats(fixtureTable(), today);
    expect(stats.offices).toBe(12);
    expect(stats.byCountry.find((c) => c.country === 'DE')).toEqual({
      country: 'DE',
      offices: 1,
      terms: 4,
      people: 4,
      from: 1998,
    });
    expect(stats.byYear.find((y) => y.year === 2025)?.offices).toBeGreaterThan(5);
  });
});

describe('factlint table lint (command)', () => {
  function lintCommand(files: Record<string, string>): { code: number; stdout: string } {
    const dir = workdir(files, 'factlint-lint-');
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    try {
      return { code: tableCommand(['lint', 'table.yml'], dir), stdout: out.join('') };
    } finally {
      spy.mockRestore();
    }
  }

  it('reports a table that does not compile (a term that ends before it starts) at its place, exit 1', () => {
    const { code, stdout } = lintCommand({
      'table.yml':
        'offices:\n  x-pm:\n    name: PM\n    titles: [PM]\n    holders:\n      - {person: Ann Alpha, start: 2005-01-01, end: 2004-01-01}\n',
    });
    expect(code).toBe(1);
    expect(stdout).toBe(
      "table.yml:6  error    x-pm: Ann Alpha's term ends (2004-01-01) before it starts (2005-01-01)\n" +
        'the table does not load: 1 error, 0 warnings, 0 notes\n',
    );
  });

  it('calls a misspelt key unknown and names the key meant, not a missing one', () => {
    const { code, stdout } = lintCommand({
      'table.yml':
        'offices:\n  x-pm:\n    nmae: PM\n    titles: [PM]\n    holders:\n      - {person: Ann Alpha, start: 2005-01-01}\n',
    });
    expect(code).toBe(1);
    expect(stdout).toBe(
      'table.yml:3  error    unknown key "nmae" in offices.x-pm: did you mean "name"?\n' +
        'the table does not load: 1 error, 0 warnings, 0 notes\n',
    );
  });

  it('counts in words that agree with the numbers', () => {
    const { code, stdout } = lintCommand({
      'table.yml':
        'offices:\n  x-pm:\n    name: PM\n    titles: [PM]\n    holders:\n      - {person: Ann Alpha, start: 2005-01-01}\n',
    });
    expect(code).toBe(0);
    expect(stdout).toBe('1 office, 1 person checked: 0 errors, 0 warnings, 0 notes\n');
  });

  it('table stats says "1 office, 1 person, 1 term"', () => {
    const dir = workdir(
      {
        'table.yml':
          'offices:\n  x-pm:\n    name: PM\n    titles: [PM]\n    holders:\n      - {person: Ann Alpha, start: 2005-01-01}\n',
      },
      'factlint-stats-',
    );
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    try {
      expect(tableCommand(['stats', '--no-default-reference', '--reference', 'table.yml'], dir)).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(out[0]).toBe('1 office, 1 person, 1 term\n');
  });
});
