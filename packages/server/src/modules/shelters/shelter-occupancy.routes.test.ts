import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event, shelter, shelterCount } from '../../db/schema.ts';
import { createEventRecorder } from '../../platform/events.ts';
import { uuidV7Ids } from '../../platform/ids.ts';
import { buildOrg } from '../../testing/builders.ts';
import { buildShelter, signedInCast } from '../../testing/shelter-builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { createRegionService } from '../regions/region.service.ts';
import { createShelterService } from './shelter.service.ts';

/** The keeper's counts (在场人数): once per client id, full and free again by themselves. */
let t: TestApp;
const { cookies, ids: users, add: make } = signedInCast(() => t);
let stationId = '';

beforeAll(async () => {
  t = await createTestApp();
  stationId = (await buildOrg(t.db, { kind: 'station', regionCode: '440204' })).id;
  await make('keeper', 'shelter_keeper', '440204');
  await make('otherKeeper', 'shelter_keeper', '440204');
  await make('stationStaff', 'station_staff', '440200', stationId);
  await make('otherStaff', 'station_staff', '440200');
  await make('admin', 'bureau_admin', '440200');
  await make('dispatcher', 'dispatcher', '440200');
});
afterAll(() => t.close());

const countAt = (who: string | null, id: string, payload: object) =>
  t.app.inject({
    method: 'POST',
    url: `/api/shelters/${id}/occupancy`,
    headers: who ? { cookie: cookies[who]! } : {},
    payload,
  });
const actions = async (id: string) =>
  (await t.db.select().from(event).where(eq(event.entityId, id)).orderBy(event.seq)).map((e) => e.action);

describe('occupancy counts', () => {
  it('requires authentication', async () => {
    const s = await buildShelter(t.db);
    const res = await countAt(null, s.id, { clientId: randomUUID(), count: 1 });
    expect(res.statusCode).toBe(401);
  });

  it('stores a count once per client id: a resend answers 200 and changes nothing', async () => {
    const s = await buildShelter(t.db, { keeperIds: [users.keeper!] });
    const clientId = randomUUID();
    const first = await countAt('keeper', s.id, { clientId, count: 7 });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ occupancy: 7, status: 'open', availability: 'available' });
    expect(first.json().counts).toHaveLength(1);
    const again = await countAt('keeper', s.id, { clientId, count: 7 });
    expect(again.statusCode).toBe(200);
    expect(again.json().occupancy).toBe(7);
    const rows = await t.db.select({ n: count() }).from(shelterCount).where(eq(shelterCount.shelterId, s.id));
    expect(rows[0]!.n).toBe(1);
    expect(await actions(s.id)).toEqual(['shelter.counted']);
    // The same id with another count is a different request, not a resend.
    const reused = await countAt('keeper', s.id, { clientId, count: 8 });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('ten racing resends of one count store it once', async () => {
    const s = await buildShelter(t.db, { keeperIds: [users.keeper!] });
    const clientId = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => countAt('keeper', s.id, { clientId, count: 3 })),
    );
    expect(answers.every((a) => a.statusCode === 200 || a.statusCode === 201)).toBe(true);
    const rows = await t.db.select({ n: count() }).from(shelterCount).where(eq(shelterCount.shelterId, s.id));
    expect(rows[0]!.n).toBe(1);
    expect(await actions(s.id)).toEqual(['shelter.counted']);
  });

  it('turns full at the night capacity and has room again when people leave, each an event', async () => {
    // The test clock is 20:00 in Beijing: 20 places to sleep are in force.
    const s = await buildShelter(t.db, { keeperIds: [users.keeper!] });
    const full = await countAt('keeper', s.id, { clientId: randomUUID(), count: 20 });
    expect(full.json()).toMatchObject({ status: 'full', availability: 'full', capacityNow: 20 });
    // Nobody is turned away: a count past the capacity is kept, up to 1.5 × the larger capacity.
    expect((await countAt('keeper', s.id, { clientId: randomUUID(), count: 24 })).json().status).toBe('full');
    const freed = await countAt('keeper', s.id, { clientId: randomUUID(), count: 19 });
    expect(freed.json()).toMatchObject({ status: 'open', occupancy: 19 });
    expect(await actions(s.id)).toEqual([
      'shelter.counted',
      'shelter.filled',
      'shelter.counted',
      'shelter.counted',
      'shelter.freed',
    ]);
    const [filled] = await t.db
      .select()
      .from(event)
      .where(and(eq(event.entityId, s.id), eq(event.action, 'shelter.filled')));
    expect(filled!.payload).toEqual({ count: 20, capacity: 20 });
  });

  it('refuses a negative or absurd count, a closed place, and a help point without seats', async () => {
    const s = await buildShelter(t.db, { keeperIds: [users.keeper!] });
    for (const n of [-1, 46, 10_000]) {
      const res = await countAt('keeper', s.id, { clientId: randomUUID(), count: n });
      expect(res.statusCode, String(n)).toBe(400);
      expect(res.json().error.code).toBe('OCCUPANCY_OUT_OF_RANGE');
    }
    expect((await countAt('keeper', s.id, { clientId: randomUUID(), count: 2.5 })).json().error.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await countAt('keeper', s.id, { clientId: 'nope', count: 2 })).json().error.code).toBe(
      'VALIDATION_FAILED',
    );
    const standby = await buildShelter(t.db, { status: 'standby', keeperIds: [users.keeper!] });
    const closed = await countAt('keeper', standby.id, { clientId: randomUUID(), count: 1 });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('SHELTER_NOT_OPEN');
    const help = await buildShelter(t.db, {
      kind: 'help_point',
      hostKind: 'lottery_outlet',
      capacityDay: 0,
      capacityNight: 0,
      keeperIds: [users.keeper!],
    });
    expect((await countAt('keeper', help.id, { clientId: randomUUID(), count: 1 })).json().error.code).toBe(
      'SHELTER_NOT_COUNTED',
    );
    expect(
      (await t.db.select({ n: count() }).from(shelterCount).where(eq(shelterCount.shelterId, s.id)))[0]!.n,
    ).toBe(0);
  });

  it('only its keepers, its station’s staff and the managers count at a place', async () => {
    const s = await buildShelter(t.db, { orgId: stationId, hostKind: 'station', keeperIds: [users.keeper!] });
    for (const who of ['keeper', 'stationStaff', 'admin'])
      expect((await countAt(who, s.id, { clientId: randomUUID(), count: 2 })).statusCode, who).toBe(201);
    for (const who of ['otherKeeper', 'otherStaff']) {
      const res = await countAt(who, s.id, { clientId: randomUUID(), count: 2 });
      expect(res.statusCode, who).toBe(403);
      expect(res.json().error.code).toBe('NOT_SHELTER_KEEPER');
    }
    expect((await countAt('dispatcher', s.id, { clientId: randomUUID(), count: 2 })).json().error.code).toBe(
      'FORBIDDEN',
    );
    // A keeper of 浈江 does not even find a place of 武江.
    const wujiang = await buildShelter(t.db, { regionCode: '440203', keeperIds: [users.keeper!] });
    expect((await countAt('keeper', wujiang.id, { clientId: randomUUID(), count: 2 })).statusCode).toBe(404);
  });

  it('a late resend of an older count is kept but does not overwrite a newer one', async () => {
    const s = await buildShelter(t.db, { keeperIds: [users.keeper!] });
    const now = t.clock.now().getTime();
    await countAt('keeper', s.id, {
      clientId: randomUUID(),
      count: 9,
      at: new Date(now - 60_000).toISOString(),
    });
    const late = await countAt('keeper', s.id, {
      clientId: randomUUID(),
      count: 4,
      at: new Date(now - 30 * 60_000).toISOString(),
    });
    expect(late.statusCode).toBe(201);
    expect(late.json().occupancy).toBe(9);
    expect(late.json().counts.map((c: { count: number }) => c.count)).toEqual([9, 4]);
    const future = await countAt('keeper', s.id, {
      clientId: randomUUID(),
      count: 4,
      at: new Date(now + 3_600_000).toISOString(),
    });
    expect(future.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('the 08:00 sweep frees a place full at night when the day seats come into force', async () => {
    const s = await buildShelter(t.db, { keeperIds: [users.keeper!] });
    await countAt('keeper', s.id, { clientId: randomUUID(), count: 22 });
    expect((await t.db.select().from(shelter).where(eq(shelter.id, s.id)))[0]!.status).toBe('full');
    const clock = { now: () => new Date('2026-12-16T08:00:00+08:00') };
    const service = createShelterService({
      db: t.db,
      clock,
      ids: uuidV7Ids,
      recordEvent: createEventRecorder({ clock, ids: uuidV7Ids }),
      regions: createRegionService({ db: t.db }),
    });
    expect(await service.sweepCapacity()).toBeGreaterThanOrEqual(1);
    expect((await t.db.select().from(shelter).where(eq(shelter.id, s.id)))[0]!.status).toBe('open');
    expect((await actions(s.id)).at(-1)).toBe('shelter.freed');
    // Nothing changes on a second run.
    const again = await service.sweepCapacity();
    expect((await actions(s.id)).filter((a) => a === 'shelter.freed')).toHaveLength(1);
    expect(again).toBe(0);
  });
});
