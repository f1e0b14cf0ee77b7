import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  campaignDatesProblem,
  campaignPeriods,
  dimValueLabel,
  figuresDiff,
  isOverdue,
  isPeriodEnded,
  isSubmissionEditable,
  reviewerRegionOf,
  seasonStartDay,
  submissionTitle,
} from './reporting.ts';
import { reduceFigures } from './stats.ts';

const winter = { startsOn: '2026-10-15', endsOn: '2027-03-15', monthlyDueDay: 5, finalDueDays: 10 };

describe('campaignPeriods', () => {
  it('cuts the campaign into months, each due by the 5th of the next, and a final return 10 days after', () => {
    expect(campaignPeriods(winter)).toEqual([
      { period: '2026-10', kind: 'monthly', from: '2026-10-15', to: '2026-10-31', dueOn: '2026-11-05' },
      { period: '2026-11', kind: 'monthly', from: '2026-11-01', to: '2026-11-30', dueOn: '2026-12-05' },
      { period: '2026-12', kind: 'monthly', from: '2026-12-01', to: '2026-12-31', dueOn: '2027-01-05' },
      { period: '2027-01', kind: 'monthly', from: '2027-01-01', to: '2027-01-31', dueOn: '2027-02-05' },
      { period: '2027-02', kind: 'monthly', from: '2027-02-01', to: '2027-02-28', dueOn: '2027-03-05' },
      { period: '2027-03', kind: 'monthly', from: '2027-03-01', to: '2027-03-15', dueOn: '2027-04-05' },
      { period: 'final', kind: 'final', from: '2026-10-15', to: '2027-03-15', dueOn: '2027-03-25' },
    ]);
  });

  it('clamps a due day past the next month’s end, and one month is one period', () => {
    const p = campaignPeriods({
      startsOn: '2027-01-10',
      endsOn: '2027-01-20',
      monthlyDueDay: 31,
      finalDueDays: 0,
    });
    expect(p).toEqual([
      { period: '2027-01', kind: 'monthly', from: '2027-01-10', to: '2027-01-20', dueOn: '2027-02-28' },
      { period: 'final', kind: 'final', from: '2027-01-10', to: '2027-01-20', dueOn: '2027-01-20' },
    ]);
    expect(
      campaignPeriods({
        startsOn: '2027-12-20',
        endsOn: '2028-01-03',
        monthlyDueDay: 5,
        finalDueDays: 10,
      }).map((x) => [x.period, x.dueOn]),
    ).toEqual([
      ['2027-12', '2028-01-05'],
      ['2028-01', '2028-02-05'],
      ['final', '2028-01-13'],
    ]);
  });

  it('months tile the campaign exactly: no gap, no overlap, each due after it ends', () => {
    const date = fc
      .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2030, 0, 1) })
      .map((t) => new Date(t).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 28 }),
        (start, len, due) => {
          const end = new Date(Date.parse(start) + len * 86_400_000).toISOString().slice(0, 10);
          const periods = campaignPeriods({
            startsOn: start,
            endsOn: end,
            monthlyDueDay: due,
            finalDueDays: 10,
          });
          const months = periods.filter((p) => p.kind === 'monthly');
          expect(months[0]!.from).toBe(start);
          expect(months.at(-1)!.to).toBe(end);
          for (const [i, m] of months.entries()) {
            expect(m.from <= m.to).toBe(true);
            expect(m.dueOn > m.to).toBe(true);
            expect(m.from.slice(0, 7)).toBe(m.period);
            expect(m.to.slice(0, 7)).toBe(m.period);
            const next = months[i + 1];
            if (next) expect(Date.parse(next.from) - Date.parse(m.to)).toBe(86_400_000);
          }
          expect(periods.at(-1)).toMatchObject({ period: 'final', from: start, to: end });
        },
      ),
    );
  });

  it('refuses an end before the start and a campaign of more than a year', () => {
    expect(campaignDatesProblem({ ...winter, endsOn: '2026-10-01' })).toBe('ends_before_start');
    expect(campaignDatesProblem({ ...winter, endsOn: '2207-03-15' })).toBe('too_long');
    expect(campaignDatesProblem(winter)).toBeNull();
  });
});

describe('a return’s rules', () => {
  const nov = campaignPeriods(winter)[1]!;
  it('is overdue past its due date unless submitted or approved', () => {
    expect(isOverdue(nov, null, '2026-12-05')).toBe(false);
    expect(isOverdue(nov, null, '2026-12-06')).toBe(true);
    expect(isOverdue(nov, 'draft', '2026-12-06')).toBe(true);
    expect(isOverdue(nov, 'returned', '2026-12-06')).toBe(true);
    expect(isOverdue(nov, 'submitted', '2026-12-06')).toBe(false);
    expect(isOverdue(nov, 'approved', '2027-06-01')).toBe(false);
  });

  it('may be generated once the period ended, edited while draft or returned', () => {
    expect(isPeriodEnded(nov, '2026-11-30')).toBe(false);
    expect(isPeriodEnded(nov, '2026-12-01')).toBe(true);
    expect(isSubmissionEditable('draft')).toBe(true);
    expect(isSubmissionEditable('returned')).toBe(true);
    expect(isSubmissionEditable('submitted')).toBe(false);
    expect(isSubmissionEditable('approved')).toBe(false);
  });

  it('goes to the parent bureau: a county to its city, a city to its province', () => {
    expect(reviewerRegionOf('440204')).toBe('440200');
    expect(reviewerRegionOf('440200')).toBe('440000');
    expect(reviewerRegionOf('440000')).toBeNull();
    expect(reviewerRegionOf('440204001')).toBeNull();
  });

  it('is titled as the bureau prints it', () => {
    expect(submissionTitle('韶关市浈江区', '2026-11', '2026-10-15')).toBe(
      '韶关市浈江区2026年11月寒冬送温暖专项救助情况月报表',
    );
    expect(submissionTitle('韶关市', 'final', '2026-10-15')).toBe(
      '韶关市2026—2027年度寒冬送温暖专项救助情况总结报表',
    );
  });

  it('names breakdown cells in Chinese', () => {
    expect(dimValueLabel('sex:female')).toBe('女');
    expect(dimValueLabel('province:43')).toBe('湖南');
    expect(dimValueLabel('kind:coat')).toBe('棉衣');
    expect(dimValueLabel('type:escort_home')).toBe('护送返乡');
    expect(dimValueLabel('category:onsite_relief')).toBe('现场救助');
  });

  it('diffs the live figures against the snapshot, headline and cells', () => {
    const snap = reduceFigures(
      [
        { figure: 'assisted', dim: '', value: 3 },
        { figure: 'assisted', dim: 'sex:male', value: 3 },
      ],
      [],
    );
    const live = reduceFigures(
      [
        { figure: 'assisted', dim: '', value: 4 },
        { figure: 'assisted', dim: 'sex:male', value: 3 },
        { figure: 'assisted', dim: 'sex:female', value: 1 },
      ],
      [],
    );
    expect(figuresDiff(snap, snap)).toEqual([]);
    expect(figuresDiff(snap, live)).toEqual([
      { figure: 'assisted', dim: '', was: 3, now: 4 },
      { figure: 'assisted', dim: 'sex:female', was: 0, now: 1 },
    ]);
  });
});

describe('seasonStartDay', () => {
  it('is 15 October of this winter, or of last year before it', () => {
    expect(seasonStartDay('2026-12-04')).toBe('2026-10-15');
    expect(seasonStartDay('2026-10-15')).toBe('2026-10-15');
    expect(seasonStartDay('2026-10-14')).toBe('2025-10-15');
    expect(seasonStartDay('2027-03-31')).toBe('2026-10-15');
  });
});
