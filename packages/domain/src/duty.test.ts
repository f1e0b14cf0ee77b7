import { describe, expect, it } from 'vitest';
import {
  addDays,
  beijingInstant,
  defaultDutySlots,
  dutyDays,
  dutySlotProblems,
  dutyWeekOf,
  gapsWithin,
  LEADER_SLOT,
  parseDutySlots,
  rosterGaps,
  slotAt,
  slotInterval,
} from './duty.ts';

describe('duty slots', () => {
  it('reads the default three shifts in Beijing time whatever the server zone', () => {
    // 2026-12-14 03:00 in Beijing is 2026-12-13 19:00 UTC: still the 14th's night shift.
    expect(slotAt(new Date('2026-12-13T19:00:00Z'), defaultDutySlots)).toMatchObject({
      day: '2026-12-14',
      slot: { code: 'night' },
    });
    expect(slotAt(new Date('2026-12-14T08:00:00+08:00'), defaultDutySlots).slot?.code).toBe('day');
    expect(slotAt(new Date('2026-12-14T15:59:59+08:00'), defaultDutySlots).slot?.code).toBe('day');
    expect(slotAt(new Date('2026-12-14T16:00:00+08:00'), defaultDutySlots).slot?.code).toBe('evening');
    expect(slotAt(new Date('2026-12-14T23:59:00+08:00'), defaultDutySlots)).toMatchObject({
      day: '2026-12-14',
      slot: { code: 'evening' },
    });
  });

  it('turns a slot of a day into its instants; 24:00 is the next midnight', () => {
    const evening = slotInterval('2026-12-14', defaultDutySlots[1]!);
    expect(evening.start.toISOString()).toBe('2026-12-14T08:00:00.000Z');
    expect(evening.end.toISOString()).toBe('2026-12-14T16:00:00.000Z');
    expect(slotInterval('2026-12-14', LEADER_SLOT)).toEqual({
      start: beijingInstant('2026-12-14', '00:00'),
      end: beijingInstant('2026-12-15', '00:00'),
    });
  });

  it('parses DUTY_SLOTS and refuses overlaps, bad times and the leader code', () => {
    expect(parseDutySlots('am=08:00-20:00, pm=20:00-24:00,early=00:00-08:00')).toHaveLength(3);
    expect(() => parseDutySlots('a=08:00-17:00,b=16:00-24:00')).toThrow(/overlap/);
    expect(() => parseDutySlots('a=18:00-08:00')).toThrow(/span/);
    expect(() => parseDutySlots('leader=08:00-16:00')).toThrow(/code/);
    expect(() => parseDutySlots('a=8-16')).toThrow(/code=HH:MM/);
    expect(dutySlotProblems(defaultDutySlots)).toEqual([]);
  });

  it('counts days and weeks in Beijing dates', () => {
    expect(dutyDays('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    // Sunday 2026-12-20 23:30 in Beijing belongs to the week of Monday the 14th.
    expect(dutyWeekOf(new Date('2026-12-20T15:30:00Z'))).toEqual({ from: '2026-12-14', to: '2026-12-20' });
    // …and 00:30 on Monday the 21st (still the 20th in UTC) to the next one.
    expect(dutyWeekOf(new Date('2026-12-20T16:30:00Z')).from).toBe('2026-12-21');
  });
});

describe('rosterGaps', () => {
  const full = (day: string) => [
    { day, slot: LEADER_SLOT },
    ...defaultDutySlots.map((s) => ({ day, slot: s.code })),
  ];

  it('finds no gap in a full roster', () => {
    expect(rosterGaps([...full('2026-12-14'), ...full('2026-12-15')], '2026-12-14', '2026-12-15')).toEqual(
      [],
    );
  });

  it('lists uncovered slots in clock order and days without a leader', () => {
    const gaps = rosterGaps(
      [{ day: '2026-12-14', slot: 'day' }, ...full('2026-12-15')],
      '2026-12-14',
      '2026-12-15',
      defaultDutySlots,
    );
    expect(gaps.map((g) => `${g.day} ${g.slot}`)).toEqual([
      '2026-12-14 leader',
      '2026-12-14 night',
      '2026-12-14 evening',
    ]);
    expect(gaps[1]!.start.toISOString()).toBe('2026-12-13T16:00:00.000Z');
  });

  it('asks a station for no leader', () => {
    const gaps = rosterGaps([], '2026-12-14', '2026-12-14', defaultDutySlots, { leader: false });
    expect(gaps.map((g) => g.slot)).toEqual(['night', 'day', 'evening']);
  });

  it('keeps the gaps of the next 24 hours', () => {
    const gaps = rosterGaps([], '2026-12-14', '2026-12-16', defaultDutySlots);
    const now = new Date('2026-12-14T20:00:00+08:00');
    const soon = gapsWithin(gaps, now, new Date(now.getTime() + 86_400_000));
    expect(soon.map((g) => `${g.day} ${g.slot}`)).toEqual([
      '2026-12-14 leader',
      '2026-12-14 evening',
      '2026-12-15 leader',
      '2026-12-15 night',
      '2026-12-15 day',
      '2026-12-15 evening',
    ]);
  });
});
