import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/scan/tokens.js';
import { phraseKeys } from '../../src/util/phrase-keys.js';
import { lintTable } from '../../src/reference/tools.js';
import { parsePartialDate } from '../../src/util/dates.js';
import type { Table } from '../../src/reference/table.js';
import { shipped } from '../helpers.js';

const STATES =
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(
    ' ',
  );

function day(text: string): number {
  const range = parsePartialDate(text);
  if (!range) throw new Error(`bad date ${text}`);
  return range.start;
}

/** Who held an office on a day (a handover day gives both). */
function holdersOn(table: Table, officeId: string, date: string): string[] {
  const at = day(date);
  return (table.offices.get(officeId)?.terms ?? [])
    .filter((t) => t.range.start <= at && t.range.end >= at)
    .map((t) => t.personId);
}

/** The keys the text's tokens give, as the scanner reads them (punctuation kept as "[.]"). */
function tokenKeys(text: string): string[] {
  return tokenize(text, [{ start: 0, end: text.length }]).map((t) => (t.isWord ? t.key : `[${t.text}]`));
}

describe('US states as places (rules/reference/us-states.yml)', () => {
  const table = shipped();

  it('names every state, with the words copy puts in titles and party tags', () => {
    for (const code of STATES) expect(table.countries.get(`US-${code}`), code).toBeDefined();
    expect(table.countries.get('US-CA')).toEqual(expect.arrayContaining(['California', 'Calif.', 'CA']));
    expect(table.countries.get('US-NY')).toEqual(expect.arrayContaining(['New York', 'N.Y.']));
    expect(table.countries.get('US-TX')).toEqual(expect.arrayContaining(['Texas']));
    expect(table.countries.get('US-WI')).toEqual(expect.arrayContaining(['Wisconsin', 'Wis.']));
  });

  it('leaves out postal codes that are everyday words at a sentence start ("In", "Or", "Me", "Hi", "Oh")', () => {
    const words = [...table.countries.values()].flat().map((name) => phraseKeys(name).join(' '));
    for (const word of ['in', 'or', 'me', 'hi', 'oh', 'ok', 'co', 'id', 'al', 'ma', 'de', 'ms'])
      expect(words).not.toContain(word);
  });

  it('reads an AP abbreviation the way the tokenizer cuts it out of copy', () => {
    // "N.Y." is one word-with-dots token; "Calif." is a word and a full stop; "W.Va." two words.
    expect(phraseKeys('N.Y.')).toEqual(['n.y.']);
    expect(tokenKeys('Rep. X, D-N.Y., said')).toContain('n.y.');
    expect(phraseKeys('Calif.')).toEqual(['calif']);
    expect(tokenKeys('Rep. Nancy Pelosi, D-Calif., said')).toEqual(
      expect.arrayContaining(['d', 'calif', '[.]', '[,]']),
    );
    expect(phraseKeys('W.Va.')).toEqual(['w', 'va']);
    expect(tokenKeys('Sen. Y, D-W.Va., said').filter((k) => !k.startsWith('['))).toEqual([
      'sen',
      'y',
      'd',
      'w',
      'va',
      'said',
    ]);
  });
});

describe('US offices in the shipped table', () => {
  const table = shipped();

  it('has a governor for every state, in its region, complete from 2000 on', () => {
    for (const code of STATES) {
      const office = table.offices.get(`us-governor-${code.toLowerCase()}`);
      expect(office?.country, code).toBe(`US-${code}`);
      expect(office?.titles).toEqual(['Governor', 'Gov.']);
      expect(office?.complete?.start ?? Number.POSITIVE_INFINITY, code).toBeLessThanOrEqual(day('2000-01-01'));
    }
    expect(holdersOn(table, 'us-governor-va', '2026-03-01')).toEqual(['Abigail Spanberger']);
    expect(holdersOn(table, 'us-governor-nj', '2026-03-01')).toEqual(['Mikie Sherrill']);
    expect(holdersOn(table, 'us-governor-tx', '2005-06-01')).toEqual(['Rick Perry']);
  });

  it('keeps the party of each governor’s term, split where the governor switched party', () => {
    const justice = table.offices.get('us-governor-wv')?.terms.filter((t) => t.personId === 'Jim Justice');
    expect(justice?.map((t) => t.party)).toEqual(['D', 'R']);
  });

  it('never concludes "never held" from Congress, whose list holds only members serving in 2026', () => {
    for (const id of ['us-senator-tx', 'us-representative-ca', 'us-senator-vt']) {
      expect(table.offices.get(id)?.complete, id).toBeNull();
      expect(table.offices.get(id)?.concurrent, id).toBe(true);
    }
    expect(holdersOn(table, 'us-senator-tx', '2020-01-01')).toContain('Ted Cruz');
  });

  it('knows which Senate leader post each leader held, year by year', () => {
    expect(holdersOn(table, 'us-senate-majority-leader', '2016-06-01')).toEqual(['Mitch McConnell']);
    expect(holdersOn(table, 'us-senate-minority-leader', '2010-06-01')).toEqual(['Mitch McConnell']);
    expect(holdersOn(table, 'us-senate-minority-leader', '2022-06-01')).toEqual(['Mitch McConnell']);
    expect(holdersOn(table, 'us-senate-majority-leader', '2001-03-01')).toEqual(['Trent Lott']);
    expect(holdersOn(table, 'us-senate-majority-leader', '2001-09-01')).toEqual(['Tom Daschle']);
    expect(holdersOn(table, 'us-senate-majority-whip', '2025-06-01')).toEqual(['John Barrasso']);
  });

  it('covers the cabinet from 1993, acting holders marked', () => {
    expect(holdersOn(table, 'us-secretary-of-state', '1995-01-01')).toEqual(['Warren Christopher']);
    expect(holdersOn(table, 'us-attorney-general', '1998-01-01')).toEqual(['Janet Reno']);
    const wolf = table.offices.get('us-secretary-of-homeland-security')?.terms.find((t) => t.personId === 'Chad Wolf');
    expect(wolf?.acting).toBe(true);
    expect(holdersOn(table, 'us-secretary-of-homeland-security', '2026-06-01')).toEqual(['Markwayne Mullin']);
    expect(holdersOn(table, 'us-fed-chair', '2026-06-01')).toEqual(['Kevin Warsh']);
  });

  it('has the justices of the Supreme Court, several at once, and their deaths', () => {
    expect(table.offices.get('us-associate-justice')?.concurrent).toBe(true);
    expect(holdersOn(table, 'us-associate-justice', '2015-06-01')).toHaveLength(8);
    expect(holdersOn(table, 'us-chief-justice', '2015-06-01')).toEqual(['John Roberts']);
    expect(table.people.get('Ruth Bader Ginsburg')?.died?.start).toBe(day('2020-09-18'));
    expect(table.people.get('Antonin Scalia')?.died?.start).toBe(day('2016-02-13'));
  });

  it('passes table lint without errors', () => {
    const errors = lintTable(table, { today: day('2026-12-07') }).filter(
      (p) => p.severity === 'error' && /(^|\/)us[-.]/.test(p.file.split('/').pop() ?? ''),
    );
    expect(errors).toEqual([]);
  });
});
