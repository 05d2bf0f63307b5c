import { describe, expect, it } from 'vitest';
import { formatDay, parseDateSpec, parsePartialDate } from '../../src/util/dates.js';
import { inferDate } from '../../src/article/date.js';

const show = (spec: string) => {
  const range = parseDateSpec(spec);
  return range ? [formatDay(range.start), formatDay(range.end)] : null;
};

describe('dates', () => {
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
