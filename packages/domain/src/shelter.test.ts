import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capacityAt,
  countsOccupancy,
  describeHours,
  isPlausibleOccupancy,
  isWithinHours,
  maxOccupancy,
  rankShelters,
  type ShelterAction,
  type ShelterHours,
  type ShelterStatus,
  shanghaiMinuteOfDay,
  shelterAvailability,
  shelterStatuses,
  shelterTransition,
  statusForOccupancy,
} from './shelter.ts';
import { shelterHoursSchema } from './shelter-hours.ts';

/** An instant given as Beijing wall-clock time. */
const bj = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const overnight: ShelterHours = { allDay: false, opens: '18:00', closes: '08:00' };
const daytime: ShelterHours = { allDay: false, opens: '09:00', closes: '21:00' };

describe('opening hours, read in Asia/Shanghai', () => {
  it.each([
    // [hours, Beijing time, open?]
    [overnight, '17:59', false],
    [overnight, '18:00', true],
    [overnight, '23:59', true],
    [overnight, '00:00', true],
    [overnight, '03:30', true],
    [overnight, '07:59', true],
    [overnight, '08:00', false],
    [overnight, '12:00', false],
    [daytime, '08:59', false],
    [daytime, '09:00', true],
    [daytime, '20:59', true],
    [daytime, '21:00', false],
    [daytime, '02:00', false],
    [{ allDay: true } as ShelterHours, '03:00', true],
    [{ allDay: true } as ShelterHours, '15:00', true],
  ])('%o at %s → %s', (hours, time, open) => {
    expect(isWithinHours(hours, bj('2026-12-15', time))).toBe(open);
  });

  it('crosses midnight into the next day and the next year', () => {
    expect(isWithinHours(overnight, bj('2026-12-31', '23:30'))).toBe(true);
    expect(isWithinHours(overnight, bj('2027-01-01', '06:00'))).toBe(true);
    expect(isWithinHours(overnight, bj('2027-01-01', '09:00'))).toBe(false);
  });

  it('does not follow the server’s time zone: 02:00 in Beijing is 18:00 UTC the day before', () => {
    const before = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham']) {
        process.env.TZ = tz;
        const at = new Date('2026-12-14T18:00:00Z');
        expect(shanghaiMinuteOfDay(at), tz).toBe(2 * 60);
        expect(isWithinHours(overnight, at), tz).toBe(true);
        expect(isWithinHours(daytime, at), tz).toBe(false);
      }
    } finally {
      process.env.TZ = before;
    }
  });

  it('the minute of the day is always in 0 … 1439, also before 1970', () => {
    fc.assert(
      fc.property(fc.integer({ min: -4e12, max: 4e12 }), (ms) => {
        const m = shanghaiMinuteOfDay(new Date(ms));
        return Number.isInteger(m) && m >= 0 && m < 1440;
      }),
    );
  });

  it('is described the way a notice says it', () => {
    expect(describeHours(overnight)).toBe('每天 18:00–次日 08:00');
    expect(describeHours(daytime)).toBe('每天 09:00–21:00');
    expect(describeHours({ allDay: true })).toBe('24 小时开放');
    expect(describeHours(overnight, 'en')).toBe('Daily 18:00–08:00 (next day)');
  });

  it('takes HH:MM windows and round-the-clock, and refuses a window of no length', () => {
    expect(shelterHoursSchema.safeParse(overnight).success).toBe(true);
    expect(shelterHoursSchema.safeParse({ allDay: true }).success).toBe(true);
    for (const bad of [
      { allDay: false, opens: '18:00', closes: '18:00' },
      { allDay: false, opens: '24:00', closes: '08:00' },
      { allDay: false, opens: '8:00', closes: '18:00' },
      { allDay: false, opens: '18:00' },
      { allDay: true, opens: '18:00', closes: '08:00' },
    ])
      expect(shelterHoursSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe('status transitions', () => {
  it.each<[ShelterStatus, ShelterAction, ShelterStatus | null]>([
    ['standby', 'activate', 'open'],
    ['closed', 'activate', 'open'],
    ['open', 'activate', null],
    ['full', 'activate', null],
    ['standby', 'close', 'closed'],
    ['open', 'close', 'closed'],
    ['full', 'close', 'closed'],
    ['closed', 'close', null],
    ['open', 'stand_down', 'standby'],
    ['full', 'stand_down', 'standby'],
    ['closed', 'stand_down', 'standby'],
    ['standby', 'stand_down', null],
  ])('%s —%s→ %s', (from, action, to) => {
    expect(shelterTransition(from, action)).toBe(to);
  });

  it('no act leads to full: only the count does', () => {
    for (const s of shelterStatuses)
      for (const a of ['activate', 'close', 'stand_down'] as const)
        expect(shelterTransition(s, a)).not.toBe('full');
  });
});

describe('capacity and occupancy', () => {
  const both = { capacityDay: 30, capacityNight: 20 };
  const nightOnly = { capacityDay: 0, capacityNight: 12 };

  it('night capacity from 20:00 to 08:00, day capacity otherwise', () => {
    expect(capacityAt(both, bj('2026-12-15', '19:59'))).toBe(30);
    expect(capacityAt(both, bj('2026-12-15', '20:00'))).toBe(20);
    expect(capacityAt(both, bj('2026-12-16', '07:59'))).toBe(20);
    expect(capacityAt(both, bj('2026-12-16', '08:00'))).toBe(30);
  });

  it('a place with one capacity uses it all the time (a night shelter opening at 18:00)', () => {
    expect(capacityAt(nightOnly, bj('2026-12-15', '18:30'))).toBe(12);
    expect(capacityAt({ capacityDay: 8, capacityNight: 0 }, bj('2026-12-15', '23:00'))).toBe(8);
  });

  it('turns full at the capacity in force and open again below it', () => {
    const night = bj('2026-12-15', '22:00');
    const day = bj('2026-12-16', '10:00');
    expect(statusForOccupancy('open', 19, both, night)).toBe('open');
    expect(statusForOccupancy('open', 20, both, night)).toBe('full');
    expect(statusForOccupancy('full', 25, both, day)).toBe('open');
    expect(statusForOccupancy('full', 30, both, day)).toBe('full');
    // Only open and full follow the count.
    expect(statusForOccupancy('standby', 40, both, night)).toBe('standby');
    expect(statusForOccupancy('closed', 0, both, night)).toBe('closed');
  });

  it('a help point without seats counts nobody and never fills', () => {
    const none = { capacityDay: 0, capacityNight: 0 };
    expect(countsOccupancy(none)).toBe(false);
    expect(statusForOccupancy('open', 3, none, bj('2026-12-15', '22:00'))).toBe('open');
  });

  it('never negative, never absurd: up to 1.5 × the larger capacity, at least five more', () => {
    expect(maxOccupancy(both)).toBe(45);
    expect(maxOccupancy({ capacityDay: 4, capacityNight: 0 })).toBe(9);
    expect(isPlausibleOccupancy(-1, both)).toBe(false);
    expect(isPlausibleOccupancy(0, both)).toBe(true);
    expect(isPlausibleOccupancy(45, both)).toBe(true);
    expect(isPlausibleOccupancy(46, both)).toBe(false);
    expect(isPlausibleOccupancy(2.5, both)).toBe(false);
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), (d, n) => maxOccupancy({ capacityDay: d, capacityNight: n }) > 0),
    );
  });
});

describe('the finder: nearest open places', () => {
  // Around 韶关站; 0.01° of latitude is about 1.1 km.
  const me = { lat: 24.8131, lng: 113.6047 };
  const place = (
    name: string,
    dLat: number,
    status: ShelterStatus,
    hours: ShelterHours = { allDay: true },
  ) => ({
    name,
    lat: me.lat + dLat,
    lng: me.lng,
    status,
    hours,
  });
  const tonight = bj('2026-12-15', '22:00');

  it('lists active places only: room now first, then full, then opening later; nearest first', () => {
    const ranked = rankShelters(
      [
        place('远处有空位', 0.05, 'open'),
        place('近处已满', 0.001, 'full'),
        place('待启用的', 0.0005, 'standby'),
        place('已关闭的', 0.0005, 'closed'),
        place('近处有空位', 0.01, 'open'),
        place('白天才开', 0.002, 'open', daytime),
      ],
      me,
      tonight,
    );
    expect(ranked.map((p) => [p.name, p.availability])).toEqual([
      ['近处有空位', 'available'],
      ['远处有空位', 'available'],
      ['近处已满', 'full'],
      ['白天才开', 'later'],
    ]);
    expect(ranked[0]!.distanceM).toBeGreaterThan(1000);
    expect(ranked[0]!.distanceM).toBeLessThan(1200);
  });

  it('beyond reach (10 km) places follow by distance alone, after every nearer one', () => {
    const ranked = rankShelters(
      [place('乐昌有空位', 0.3, 'open'), place('近处已满', 0.005, 'full'), place('近处有空位', 0.01, 'open')],
      me,
      tonight,
    );
    expect(ranked.map((p) => p.name)).toEqual(['近处有空位', '近处已满', '乐昌有空位']);
  });

  it('without a position, by name within each group, no distances', () => {
    const ranked = rankShelters([place('乙', 0.02, 'open'), place('甲', 0.01, 'open')], null, tonight);
    expect(ranked.map((p) => p.distanceM)).toEqual([null, null]);
    expect(ranked).toHaveLength(2);
  });

  it('keeps to the limit', () => {
    const many = Array.from({ length: 30 }, (_, i) => place(`场所${i}`, i / 1000, 'open'));
    expect(rankShelters(many, me, tonight, 10)).toHaveLength(10);
    expect(rankShelters(many, me, tonight, 10)[0]!.name).toBe('场所0');
  });

  it('a place outside its hours is 稍后开放 even when full', () => {
    expect(shelterAvailability(place('x', 0, 'full', overnight), bj('2026-12-16', '12:00'))).toBe('later');
    expect(shelterAvailability(place('x', 0, 'standby'), tonight)).toBeNull();
  });
});
