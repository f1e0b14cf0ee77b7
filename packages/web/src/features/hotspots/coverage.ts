/**
 * How the coverage list speaks: colours per coverage state, the "N 小时前" age of the last
 * visit, and the counts in the page's summary line. Pure, so it is tested without a browser.
 */
import type { CoverageState } from '@warmline/domain';

/** antd Tag colours: never visited and overdue are red, due soon orange, covered green. */
export const coverageTagColors: Record<CoverageState, string> = {
  never: 'red',
  overdue: 'red',
  due_soon: 'orange',
  ok: 'green',
};

/** Map marker fills; a never-visited place also wears a dark ring to tell it from an overdue one. */
export const coverageMarkerColors: Record<CoverageState, string> = {
  never: '#cf1322',
  overdue: '#f5222d',
  due_soon: '#fa8c16',
  ok: '#389e0d',
};
export const NEVER_RING = '#5c0011';

/** Rows a patrol should go to first: highlighted in the list. */
export const isUrgent = (state: CoverageState) => state === 'never' || state === 'overdue';

export type VisitAge =
  | { unit: 'never' }
  | { unit: 'recent' }
  | { unit: 'hours'; count: number }
  | { unit: 'days'; count: number };

/** Beyond two days, hours stop being easy to read: "3 天前" rather than "75 小时前". */
const HOURS_SHOWN_UP_TO = 48;

/** The age of the last valid visit from the server's whole hours (null: never visited). */
export function visitAge(hoursSince: number | null): VisitAge {
  if (hoursSince === null) return { unit: 'never' };
  if (hoursSince < 1) return { unit: 'recent' };
  if (hoursSince < HOURS_SHOWN_UP_TO) return { unit: 'hours', count: hoursSince };
  return { unit: 'days', count: Math.floor(hoursSince / 24) };
}

export interface CoverageSummary {
  total: number;
  never: number;
  overdue: number;
  due_soon: number;
  ok: number;
}

/** Counts by coverage state for the summary line ("12 处重点区域 · 3 处超时 · 2 处从未巡查"). */
export function coverageSummary(items: readonly { coverage: { state: CoverageState } }[]): CoverageSummary {
  const summary: CoverageSummary = { total: items.length, never: 0, overdue: 0, due_soon: 0, ok: 0 };
  for (const item of items) summary[item.coverage.state] += 1;
  return summary;
}
