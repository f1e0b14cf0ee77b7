/**
 * The 24-hour duty roster (值班): per bureau (a region) and per rescue station (an org), each
 * Beijing calendar day is cut into slots (by default three shifts), and a bureau also names one
 * leader on duty (领导带班) per day. Pure: times are read in Asia/Shanghai (UTC+8 all year, no
 * daylight saving) by arithmetic on the instant, so the server's zone never matters.
 */
import { beijingDate } from './reporting.ts';

/** One shift of a day, Beijing wall-clock `HH:MM`; `end` may be `24:00` (the next midnight). */
export interface DutySlot {
  code: string;
  start: string;
  end: string;
}

/** The slot code of the day's leader on duty (not a time slot: it covers the whole day). */
export const LEADER_SLOT = 'leader';

/** 08:00–16:00, 16:00–24:00, 00:00–08:00 (the early hours of the same calendar day). */
export const defaultDutySlots: readonly DutySlot[] = [
  { code: 'day', start: '08:00', end: '16:00' },
  { code: 'evening', start: '16:00', end: '24:00' },
  { code: 'night', start: '00:00', end: '08:00' },
];

const BEIJING_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const CODE = /^[a-z][a-z0-9_]{0,19}$/;

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The problems of a slot list (empty when it is usable): bad codes or times, overlaps. */
export function dutySlotProblems(slots: readonly DutySlot[]): string[] {
  const problems: string[] = [];
  if (slots.length === 0) problems.push('no slots');
  const seen = new Set<string>();
  for (const s of slots) {
    if (!CODE.test(s.code) || s.code === LEADER_SLOT) problems.push(`bad slot code ${s.code}`);
    if (seen.has(s.code)) problems.push(`slot ${s.code} twice`);
    seen.add(s.code);
    if (!TIME.test(s.start) || !TIME.test(s.end) || s.start === '24:00' || minutes(s.start) >= minutes(s.end))
      problems.push(`slot ${s.code}: ${s.start}-${s.end} is not a span within one day`);
  }
  const sorted = [...slots].sort((a, b) => minutes(a.start) - minutes(b.start));
  for (let i = 1; i < sorted.length; i++)
    if (minutes(sorted[i]!.start) < minutes(sorted[i - 1]!.end))
      problems.push(`slots ${sorted[i - 1]!.code} and ${sorted[i]!.code} overlap`);
  return problems;
}

/**
 * Reads `DUTY_SLOTS`-style text: `day=08:00-16:00,evening=16:00-24:00,night=00:00-08:00`.
 * Throws with every problem listed.
 */
export function parseDutySlots(text: string): DutySlot[] {
  const slots = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^([^=]+)=(\d\d:\d\d)-(\d\d:\d\d)$/.exec(part);
      if (!match) throw new Error(`bad duty slot "${part}" (want code=HH:MM-HH:MM)`);
      return { code: match[1]!.trim(), start: match[2]!, end: match[3]! };
    });
  const problems = dutySlotProblems(slots);
  if (problems.length) throw new Error(problems.join('; '));
  return slots;
}

/** The instant a Beijing wall-clock time on a Beijing date is (`24:00` is the next midnight). */
export function beijingInstant(day: string, time: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING_MS + minutes(time) * 60_000);
}

/** When a slot of a day begins and ends; the leader's slot spans the whole day. */
export function slotInterval(day: string, slot: DutySlot | typeof LEADER_SLOT): { start: Date; end: Date } {
  if (slot === LEADER_SLOT) return { start: beijingInstant(day, '00:00'), end: beijingInstant(day, '24:00') };
  return { start: beijingInstant(day, slot.start), end: beijingInstant(day, slot.end) };
}

/** The Beijing day and the slot covering `at`, or no slot when the day has a hole there. */
export function slotAt(at: Date, slots: readonly DutySlot[]): { day: string; slot: DutySlot | null } {
  const day = beijingDate(at);
  const minute = Math.floor(((at.getTime() + BEIJING_MS) % DAY_MS) / 60_000);
  const slot = slots.find((s) => minutes(s.start) <= minute && minute < minutes(s.end)) ?? null;
  return { day, slot };
}

/** `YYYY-MM-DD` plus n days (calendar arithmetic, no zone involved). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both included (empty when `to` is before `from`). */
export function dutyDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The Monday–Sunday week (Beijing) holding `at`: the roster's default range. */
export function dutyWeekOf(at: Date): { from: string; to: string } {
  const today = beijingDate(at);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const from = addDays(today, -weekday);
  return { from, to: addDays(from, 6) };
}

/** Slots of a day in the order of the clock. */
export function orderedSlots(slots: readonly DutySlot[]): DutySlot[] {
  return [...slots].sort((a, b) => minutes(a.start) - minutes(b.start));
}

export interface DutyCover {
  day: string;
  slot: string;
}

export interface DutyGap {
  day: string;
  /** A slot code, or `leader` for a day without a leader on duty. */
  slot: string;
  start: Date;
  end: Date;
}

/**
 * The holes in a roster from `from` to `to` (Beijing dates, inclusive): every slot of every day
 * nobody holds and, unless `leader: false` (a station names none), every day without a leader
 * on duty. Ordered by day, then the leader, then the slots by the clock.
 * @example rosterGaps([{ day: '2026-12-14', slot: 'day' }], '2026-12-14', '2026-12-14', defaultDutySlots)
 *   // → leader, night, evening of 12-14
 */
export function rosterGaps(
  assignments: readonly DutyCover[],
  from: string,
  to: string,
  slots: readonly DutySlot[] = defaultDutySlots,
  options: { leader?: boolean } = {},
): DutyGap[] {
  const held = new Set(assignments.map((a) => `${a.day}|${a.slot}`));
  const gaps: DutyGap[] = [];
  for (const day of dutyDays(from, to)) {
    if (options.leader !== false && !held.has(`${day}|${LEADER_SLOT}`))
      gaps.push({ day, slot: LEADER_SLOT, ...slotInterval(day, LEADER_SLOT) });
    for (const slot of orderedSlots(slots))
      if (!held.has(`${day}|${slot.code}`)) gaps.push({ day, slot: slot.code, ...slotInterval(day, slot) });
  }
  return gaps;
}

/** Gaps that overlap [from, to): what the gap check warns about in the next 24 hours. */
export function gapsWithin(gaps: readonly DutyGap[], from: Date, to: Date): DutyGap[] {
  return gaps.filter((g) => g.start < to && g.end > from);
}

/** The longest range a roster read may ask for (two months). */
export const DUTY_MAX_RANGE_DAYS = 62;
