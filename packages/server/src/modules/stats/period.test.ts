import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPeriod } from './period.ts';

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const daysOf = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += DAY) out.push(iso(t));
  return out;
};

describe('splitPeriod', () => {
  it('reads a season as its whole months and two ragged ends', () => {
    expect(splitPeriod({ from: '2025-10-15', to: '2026-03-15' })).toEqual({
      months: ['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01'],
      days: [
        { from: '2025-10-15', to: '2025-10-31' },
        { from: '2026-03-01', to: '2026-03-15' },
      ],
    });
  });

  it('takes a month that starts and ends the period, February of a leap year included', () => {
    expect(splitPeriod({ from: '2028-02-01', to: '2028-02-29' })).toEqual({
      months: ['2028-02-01'],
      days: [],
    });
    expect(splitPeriod({ from: '2027-02-01', to: '2027-02-28' })).toEqual({
      months: ['2027-02-01'],
      days: [],
    });
    expect(splitPeriod({ from: '2028-02-01', to: '2028-02-28' })).toEqual({
      months: [],
      days: [{ from: '2028-02-01', to: '2028-02-28' }],
    });
  });

  it('reads a period inside one month, or a single day, day by day', () => {
    expect(splitPeriod({ from: '2026-12-01', to: '2026-12-15' })).toEqual({
      months: [],
      days: [{ from: '2026-12-01', to: '2026-12-15' }],
    });
    expect(splitPeriod({ from: '2026-12-31', to: '2026-12-31' }).months).toEqual([]);
    expect(splitPeriod({ from: '2025-12-31', to: '2026-01-31' })).toEqual({
      months: ['2026-01-01'],
      days: [{ from: '2025-12-31', to: '2025-12-31' }],
    });
  });

  it('covers every day of any period exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 420 }), (start, length) => {
        const from = iso(Date.UTC(2024, 0, 1) + start * DAY);
        const to = iso(Date.parse(from) + length * DAY);
        const s = splitPeriod({ from, to });
        const covered = [
          ...s.months.flatMap((m) => {
            const d = new Date(m);
            return daysOf(m, iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - DAY));
          }),
          ...s.days.flatMap((p) => daysOf(p.from, p.to)),
        ].sort();
        expect(covered).toEqual(daysOf(from, to));
        for (const m of s.months) expect(m.endsWith('-01')).toBe(true);
      }),
    );
  });
});
