/**
 * The week grid's arithmetic: the days of the range, the rows (领导带班 then the slots by the
 * clock) and what each cell holds. Pure, so it is tested without a browser.
 */
import type { DutyAssignment, DutyGap, Roster } from './types.ts';

export const LEADER = 'leader';

/** `YYYY-MM-DD` plus n days. */
export function shiftDay(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export function rangeDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = shiftDay(d, 1)) out.push(d);
  return out;
}

/** Rows of the grid: the leader's first (bureaus only), then the slots as the server ordered them. */
export function gridRows(roster: Pick<Roster, 'slots' | 'hasLeader'>): string[] {
  return [...(roster.hasLeader ? [LEADER] : []), ...roster.slots.map((s) => s.code)];
}

export interface Cell {
  people: DutyAssignment[];
  gap: DutyGap | null;
}

export function gridCells(roster: Pick<Roster, 'assignments' | 'gaps'>): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  const cell = (day: string, slot: string) => {
    const key = `${day}|${slot}`;
    if (!cells.has(key)) cells.set(key, { people: [], gap: null });
    return cells.get(key)!;
  };
  for (const a of roster.assignments) cell(a.day, a.slot).people.push(a);
  for (const g of roster.gaps) cell(g.day, g.slot).gap = g;
  return cells;
}

/** A gap that ended before now is history, not an alarm: only gaps still to come are red. */
export function isOpenGap(gap: DutyGap | null, now: Date): boolean {
  return !!gap && Date.parse(gap.end) > now.getTime();
}

/** The Monday of the Beijing week holding `at`. */
export function mondayOf(at: Date): string {
  const today = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  return shiftDay(today, -weekday);
}
