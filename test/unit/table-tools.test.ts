import { describe, expect, it } from 'vitest';
import { findOffices, findPeople, lintTable, tableStats, whoHeld } from '../../src/reference/tools.js';
import { dayOf, parseDateSpec } from '../../src/util/dates.js';
import { fixtureTable, tableFrom } from '../helpers.js';

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
      '9 warning x-pm: no holder for 366 days between Bob Beta (to 2008-01-01) and Cid Gamma (from 2009-01-01): a vacancy, or a missing holder?',
      '10 error x-pm: 3 holders without an end date (Cid Gamma, Dee Delta, Eve Epsilon)',
      '11 error x-pm: Eve Epsilon starts in the future (2027-01-01)',
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
