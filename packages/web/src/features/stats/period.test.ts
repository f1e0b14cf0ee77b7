import { describe, expect, it } from 'vitest';
import { beijingToday, periodFrom, presetOf, presetPeriod, seasonStart } from './period.ts';

describe('dashboard periods', () => {
  it('reads today in Beijing, not in the browser’s zone', () => {
    expect(beijingToday(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
    expect(beijingToday(new Date('2026-11-30T15:59:00Z'))).toBe('2026-11-30');
  });

  it('starts the season on 15 October, last year’s before then', () => {
    expect(seasonStart('2026-12-02')).toBe('2026-10-15');
    expect(seasonStart('2026-10-15')).toBe('2026-10-15');
    expect(seasonStart('2027-02-10')).toBe('2026-10-15');
    expect(seasonStart('2026-10-14')).toBe('2025-10-15');
  });

  it('gives this month, last month (across a year) and the season', () => {
    expect(presetPeriod('thisMonth', '2026-12-02')).toEqual({ from: '2026-12-01', to: '2026-12-02' });
    expect(presetPeriod('lastMonth', '2026-12-02')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetPeriod('lastMonth', '2027-01-05')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetPeriod('lastMonth', '2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('season', '2026-12-02')).toEqual({ from: '2026-10-15', to: '2026-12-02' });
  });

  it('knows a preset again, and falls back to the season for a bad address', () => {
    expect(presetOf({ from: '2026-11-01', to: '2026-11-30' }, '2026-12-02')).toBe('lastMonth');
    expect(presetOf({ from: '2026-11-02', to: '2026-11-30' }, '2026-12-02')).toBeNull();
    expect(periodFrom('2026-11-30', '2026-11-01', '2026-12-02')).toEqual({
      from: '2026-10-15',
      to: '2026-12-02',
    });
    expect(periodFrom('2026-11-01', '2026-11-30', '2026-12-02')).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });
});
