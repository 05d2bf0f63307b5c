import { describe, expect, it } from 'vitest';
import { formatDay, parseDateSpec, parsePartialDate } from '../../src/util/dates.js';
import { inferDate } from '../../src/article/date.js';
import { check } from '../../src/engine.js';
import { fixtureTable, rules } from '../helpers.js';

const show = (spec: string) => {
  const range = parseDateSpec(spec);
  return range ? [formatDay(range.start), formatDay(range.end)] : null;
};

describe('dates', () => {
  it('formats a day as Date#toISOString does, in every year from 0000 to 9999 and beyond', () => {
    const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
    const firstOfMonth = (year: number, month: number) => {
      const date = new Date(0);
      date.setUTCFullYear(year, month, 1);
      return date.getTime() / 86_400_000;
    };
    const days: number[] = [];
    // Every day of 1950–2050; around the turn of every month of one year in 13 from 0000 to 9999 and the ends.
    for (let day = -7305; day <= 29_220; day++) days.push(day);
    for (let year = 0; year <= 9999; year += year < 10 || year > 9985 ? 1 : 13) {
      for (let month = 0; month < 12; month++) {
        const first = firstOfMonth(year, month);
        days.push(first - 1, first, first + 28);
      }
    }
    days.push(-719_529, -719_528, 2_932_896, 2_932_897, 3_000_000, -1_000_000);
    const wrong = days.filter((day) => formatDay(day) !== iso(day));
    expect(wrong).toEqual([]);
    expect(formatDay(-719_528)).toBe('0000-01-01');
    expect(formatDay(2_932_896)).toBe('9999-12-31');
  });

  it('reads days, months, years and intervals as every day they may mean', () => {
    expect(show('2026-01-07')).toEqual(['2026-01-07', '2026-01-07']);
    expect(show('2024-02')).toEqual(['2024-02-01', '2024-02-29']);
    expect(show('2005')).toEqual(['2005-01-01', '2005-12-31']);
    expect(show('2004-01-01/2005-12-31')).toEqual(['2004-01-01', '2005-12-31']);
    expect(show('2025-03/2025')).toEqual(['2025-03-01', '2025-12-31']);
  });

  it('rejects dates that do not exist and backwards intervals', () => {
    for (const bad of [
      '2025-02-29',
      '2025-13',
      '2025-00-10',
      'tomorrow',
      '2026-01-07/2025-01-01',
      '20250101',
      '2025-1-7',
      '1/2/3',
    ]) {
      expect(show(bad), bad).toBeNull();
    }
    expect(parsePartialDate('2024-02-29')).not.toBeNull();
  });

  it('infers a date only from a dateline or a "Published" line', () => {
    expect(inferDate('Headline\nJanuary 7, 2026\nText about January 6, 2026 events.')?.text).toBe('2026-01-07');
    expect(inferDate('Published 7 January 2026 at 10:00\nBody')?.text).toBe('2026-01-07');
    expect(inferDate('On January 6, 2026 the leaders met; on January 7, 2026 they signed.')).toBeNull();
    expect(inferDate('Jan. 7, 2026\nUpdated Jan. 8, 2026')).toBeNull();
  });
});

describe('front-matter timestamps', () => {
  const reference = { table: fixtureTable(), rules: rules() };
  const dayOf = (date: string) =>
    check(`---\ndate: ${date}\n---\nBody.\n`, { reference, filename: 'a.md' }).files[0]?.date;

  it('take the day written, in the timestamp’s own offset, as Hugo and Jekyll write them', () => {
    expect(dayOf('2026-01-07T09:30:00+01:00')).toEqual({
      start: '2026-01-07',
      end: '2026-01-07',
      source: 'front-matter',
    });
    expect(dayOf('2026-01-07 09:30:00 +0100')?.start).toBe('2026-01-07');
    // In UTC these are the day before and the day after: the article's own day is the one written.
    expect(dayOf('2026-01-07T00:30:00+02:00')?.start).toBe('2026-01-07');
    expect(dayOf('2026-01-07 23:30:00 -0500')?.start).toBe('2026-01-07');
    expect(dayOf('"2026-01-07T09:30:00Z"')?.start).toBe('2026-01-07');
    expect(dayOf('2026-01-07T09:30')?.start).toBe('2026-01-07');
    expect(dayOf('2026-01-07 09:30:00.123456 +05:30')?.start).toBe('2026-01-07');
  });

  it('refuse a timestamp whose day, time or offset does not exist', () => {
    for (const bad of [
      '2026-02-30T09:30:00+01:00',
      '2026-01-07T25:00:00Z',
      '2026-01-07 09:61',
      '2026-01-07T09:30+19:00',
    ]) {
      expect(() => dayOf(bad), bad).toThrow(/front matter date .* is not a date/);
    }
  });
});
