import { seasonStartDay } from '@warmline/domain';
/**
 * The dashboard's periods, as Beijing calendar days (what the figures count by). There is no
 * campaign record yet, so the season is the winter campaign's usual span: from 15 October
 * (the earliest the provinces start) to today; a campaign API will replace `seasonStart`.
 */
export interface Period {
  from: string;
  to: string;
}

export type PeriodPreset = 'season' | 'thisMonth' | 'lastMonth';
export const periodPresets: readonly PeriodPreset[] = ['season', 'thisMonth', 'lastMonth'];

/** Today in Beijing as YYYY-MM-DD, whatever the browser's time zone. */
export function beijingToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The first day of the season `today` falls in (before 15 October: last year's). */
export const seasonStart = seasonStartDay;

const pad = (n: number) => String(n).padStart(2, '0');

export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'season':
      return { from: seasonStart(today), to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'lastMonth': {
      const y = month === 1 ? year - 1 : year;
      const m = month === 1 ? 12 : month - 1;
      // Day 0 of this month is the last day of the previous one.
      const last = new Date(Date.UTC(year, month - 1, 0)).getUTCDate();
      return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(last)}` };
    }
  }
}

/** Which preset a period is, if any (the quick choice shows it as selected). */
export function presetOf(period: Period, today: string): PeriodPreset | null {
  return (
    periodPresets.find((p) => {
      const q = presetPeriod(p, today);
      return q.from === period.from && q.to === period.to;
    }) ?? null
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period in the address, when it is one; else the season so far. */
export function periodFrom(from: string | null, to: string | null, today: string): Period {
  if (from && to && DAY.test(from) && DAY.test(to) && from <= to) return { from, to };
  return presetPeriod('season', today);
}
