import { defaultDutySlots, LEADER_SLOT } from '@warmline/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutyAssignment, event, notification } from '../../db/schema.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createEventRecorder } from '../../platform/events.ts';
import { uuidV7Ids } from '../../platform/ids.ts';
import { buildUser } from '../../testing/builders.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { createNotifier } from '../notifications/notifier.ts';
import { createDutyRepository } from './duty.repository.ts';
import { createDutyGapCheck } from './duty-gap-check.ts';
import { createDutyLookup } from './duty-lookup.ts';

let d: TestDatabase;
const clock = fixedClock(new Date('2026-12-15T20:00:00+08:00'));
const users: Record<string, string> = {};

beforeAll(async () => {
  d = await createTestDatabase();
  users.admin = (await buildUser(d.db, { role: 'bureau_admin', regionCode: '440200' })).id;
  users.leader = (await buildUser(d.db, { role: 'bureau_admin', regionCode: '440200' })).id;
  users.officer = (await buildUser(d.db, { role: 'dispatcher', regionCode: '440200' })).id;
  users.station = (await buildUser(d.db, { role: 'station_staff', regionCode: '440200' })).id;
  users.county = (await buildUser(d.db, { role: 'bureau_admin', regionCode: '440204' })).id;
  const row = (day: string, slot: string, userId: string, orgId: string | null = null) => ({
    id: uuidV7Ids.next(),
    regionCode: '440200',
    orgId,
    day,
    slot,
    userId,
  });
  // Tonight and tomorrow are held but for tomorrow's evening shift.
  await d.db
    .insert(dutyAssignment)
    .values([
      row('2026-12-15', LEADER_SLOT, users.leader!),
      row('2026-12-15', 'evening', users.officer!),
      row('2026-12-16', LEADER_SLOT, users.leader!),
      row('2026-12-16', 'night', users.officer!),
      row('2026-12-16', 'day', users.officer!),
    ]);
});
afterAll(() => d.drop());

describe('duty lookup', () => {
  it('answers the leader of the Beijing day, exactly for that region', async () => {
    const lookup = createDutyLookup(d.db);
    // 2026-12-15 23:30 in Beijing is still the 15th (15:30 UTC).
    expect(await lookup.leaderOnDuty(d.db, '440200', new Date('2026-12-15T15:30:00Z'))).toBe(users.leader);
    expect(await lookup.leaderOnDuty(d.db, '440204', new Date('2026-12-15T15:30:00Z'))).toBeNull();
    expect(await lookup.leaderOnDuty(d.db, '440200', new Date('2026-12-18T12:00:00+08:00'))).toBeNull();
  });

  it('answers who holds the slot covering the moment, with the leader', async () => {
    const lookup = createDutyLookup(d.db, defaultDutySlots);
    expect((await lookup.onDuty(d.db, '440200', new Date('2026-12-15T21:00:00+08:00'))).sort()).toEqual(
      [users.leader, users.officer].sort(),
    );
    expect(await lookup.onDuty(d.db, '440200', new Date('2026-12-16T18:00:00+08:00'))).toEqual([
      users.leader,
    ]);
    expect(await lookup.onDuty(d.db, '440204', new Date('2026-12-16T18:00:00+08:00'))).toEqual([]);
  });
});

describe('duty gap check', () => {
  const check = (regions: string[]) =>
    createDutyGapCheck({
      db: d.db,
      clock,
      recordEvent: createEventRecorder({ clock, ids: uuidV7Ids }),
      notifier: createNotifier({ clock, ids: uuidV7Ids }),
      slots: defaultDutySlots,
      activeResponseRegions: async () => regions,
    })();

  it('does nothing without an active response', async () => {
    expect(await check([])).toEqual({ flagged: 0 });
  });

  it("tells the region's bureau admins of each gap in the next 24 h, once", async () => {
    expect(await check(['440200'])).toEqual({ flagged: 1 });
    const told = await d.db.select().from(notification);
    expect(told.map((n) => n.userId).sort()).toEqual([users.admin, users.leader].sort());
    expect(told[0]).toMatchObject({
      kind: 'duty.gap',
      title: '值班缺岗：2026-12-16 16:00–24:00',
      link: '/duty?from=2026-12-16',
    });
    expect((await d.db.select().from(event).where(eq(event.action, 'duty.gap_flagged'))).length).toBe(1);
    // Ten minutes later: the same gap is not told again.
    clock.advance(10 * 60_000);
    expect(await check(['440200'])).toEqual({ flagged: 0 });
    expect(await d.db.select().from(notification)).toHaveLength(2);
  });

  it('tells a gap again once it was held and fell open again', async () => {
    await createDutyRepository(d.db).clearGapFlag('440200', '2026-12-16', 'evening');
    expect(await check(['440200'])).toEqual({ flagged: 1 });
  });
});
